using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Placement.Catalogue.Contracts;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Matching.Features.AssignmentRuns;
using Placement.Matching.Features.Audit;
using Placement.Matching.Features.DeadlineWatch;

namespace Placement.Matching.Features.Persons;

/// <summary>
/// An officer's caseload: the persons of their SPIP with hours and deadline at a glance, where each stands, and
/// the deadline risks computed now with the deadline watch's rule; most urgent first.
/// </summary>
public sealed class ListCaseload(IMatchingStore store, PersonAudit audit, ServiceCalendar calendar, IOptions<JobsOptions> jobs) : IUseCase
{
    public async Task<CaseloadPage> HandleAsync(Caller caller, CaseloadQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var paging = Paging.From(query.Page, query.PageSize);
        var (kept, counts) = await ComputeAsync(caller, query.Q, query.Filter, ct);
        var shown = kept.Skip(paging.Skip).Take(paging.PageSize).ToList();
        await audit.ReadAsync(caller, $"Portefeuille (page {paging.Page})", [.. shown.Select(i => i.Id)], ct);
        return new CaseloadPage(shown, kept.Count, paging.Page, paging.PageSize, counts);
    }

    /// <summary>Every person the query keeps, most urgent first, unpaged (what an export holds).</summary>
    public async Task<IReadOnlyList<CaseloadItem>> AllAsync(Caller caller, string? q, string? filter, CancellationToken ct)
    {
        var kept = (await ComputeAsync(caller, q, filter, ct)).Kept;
        await audit.ReadAsync(caller, "Export du portefeuille", [.. kept.Select(i => i.Id)], ct);
        return kept;
    }

    private async Task<(List<CaseloadItem> Kept, Dictionary<string, int> Counts)> ComputeAsync(Caller caller, string? q, string? rawFilter, CancellationToken ct)
    {
        var filter = string.IsNullOrWhiteSpace(rawFilter) ? null : rawFilter.Trim().ToLowerInvariant();
        if (filter is not null && !Situations.Filters.Contains(filter))
            throw FieldErrors.OneField("filter", $"Filtre inconnu « {rawFilter} » ; attendu : {string.Join(", ", Situations.Filters)}.");
        if (q is { Length: > 100 }) throw FieldErrors.OneField("q", "Le nom recherché dépasse 100 caractères.");

        var persons = store.VisiblePersons(caller).AsNoTracking();
        var all = await persons.ToListAsync(ct);
        if (!string.IsNullOrWhiteSpace(q))
        {
            var words = q.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            all = [.. all.Where(p => words.All(w => Contains(p.Profile.FirstName, w) || Contains(p.Profile.LastName, w)))];
        }
        var today = calendar.Today;
        var (placements, posts) = await DeadlineRisk.ActiveAsync(store, [.. all.Select(p => p.Id)], ct);
        var items = all.Select(p => Item(p, placements[p.Id].ToList(), posts, today, jobs.Value.DeadlineWarningWeeks)).ToList();

        var counts = Situations.Filters.ToDictionary(f => f, f => items.Count(i => Matches(i, f)), StringComparer.Ordinal);
        var kept = items.Where(i => filter is null || Matches(i, filter))
            .OrderByDescending(i => i.Situation == Situations.DeadlinePassed)
            .ThenBy(i => i.Situation is Situations.Completed or Situations.NotCarriedOut)
            .ThenByDescending(i => i.Risks.Count > 0)
            .ThenBy(i => i.EffectiveDeadline)
            .ThenBy(i => i.LastName, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), ignoreCase: true))
            .ToList();
        return (kept, counts);
    }

    private static CaseloadItem Item(Person person, IReadOnlyList<TigPlacement> active, IReadOnlyDictionary<Guid, Catalogue.Domain.Post> posts, DateOnly today, int warningWeeks)
    {
        var p = person.Profile;
        var situation = Situations.Of(person, active, today);
        var deadline = p.Term.EffectiveDeadline;
        return new CaseloadItem(person.Id, p.FirstName, p.LastName, person.Departement, p.Hours.Ordered, p.Hours.Done, p.Hours.Remaining, deadline,
            p.Term.WholeWeeksLeft(today), situation, DeadlineRisk.Reasons(person, active, posts, today, warningWeeks));
    }

    private static bool Matches(CaseloadItem item, string filter) =>
        filter == Situations.AtRisk ? item.Risks.Count > 0 : item.Situation == filter;

    private static bool Contains(string text, string word) =>
        System.Globalization.CultureInfo.GetCultureInfo("fr-FR").CompareInfo.IndexOf(text, word,
            System.Globalization.CompareOptions.IgnoreCase | System.Globalization.CompareOptions.IgnoreNonSpace) >= 0;
}
