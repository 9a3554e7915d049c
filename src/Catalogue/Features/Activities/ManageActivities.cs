using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Features.Activities;

/// <summary>An activity of the vocabulary and how many posts (any status) use it.</summary>
public sealed record ActivityResponse(string Code, string Label, int Posts);

/// <summary>An activity to add (<see cref="Code"/> and <see cref="Label"/>) or rename (<see cref="Label"/>).</summary>
public sealed record ActivityRequest(string? Code, string? Label);

/// <summary>
/// The administrator's edits of the activity vocabulary: add, rename, delete — never an activity a post uses (its code is
/// what posts, searches and persons' skills refer to). Everyone signed in may read it.
/// </summary>
public sealed class ManageActivities(ICatalogueStore store, ActivityVocabulary vocabulary, TimeProvider clock) : IUseCase
{
    public async Task<IReadOnlyList<ActivityResponse>> ListAsync(CancellationToken ct)
    {
        var uses = await UsesAsync(ct);
        var all = await store.Activities.AsNoTracking().ToListAsync(ct);
        return [.. all.OrderBy(a => a.Label, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("fr-FR"), true))
            .Select(a => new ActivityResponse(a.Code, a.Label, uses.GetValueOrDefault(a.Code)))];
    }

    public async Task<ActivityResponse> AddAsync(Caller caller, ActivityRequest request, CancellationToken ct)
    {
        Demand(caller);
        ArgumentNullException.ThrowIfNull(request);
        var errors = new FieldErrors();
        var code = errors.Try("", () => Activity.ValidCode(request.Code));
        var label = errors.Try("", () => Activity.ValidLabel(request.Label));
        if (code is not null && await store.Activities.AnyAsync(a => a.Code == code, ct)) errors.Add("code", $"L'activité « {code} » existe déjà.");
        errors.ThrowIfAny();
        store.Activities.Add(new Activity(code!, label!, clock.GetUtcNow()));
        await store.SaveChangesAsync(ct);
        await vocabulary.LoadAsync(store, ct);
        return new ActivityResponse(code!, label!, 0);
    }

    public async Task<ActivityResponse> RenameAsync(Caller caller, string code, ActivityRequest request, CancellationToken ct)
    {
        Demand(caller);
        ArgumentNullException.ThrowIfNull(request);
        var activity = await store.Activities.FirstOrDefaultAsync(a => a.Code == code, ct) ?? throw new NotFoundException("Activité");
        activity.Rename(request.Label ?? "", clock.GetUtcNow());
        await store.SaveChangesAsync(ct);
        await vocabulary.LoadAsync(store, ct);
        return new ActivityResponse(activity.Code, activity.Label, (await UsesAsync(ct)).GetValueOrDefault(code));
    }

    public async Task DeleteAsync(Caller caller, string code, CancellationToken ct)
    {
        Demand(caller);
        var activity = await store.Activities.FirstOrDefaultAsync(a => a.Code == code, ct) ?? throw new NotFoundException("Activité");
        if ((await UsesAsync(ct)).GetValueOrDefault(code) is var used and > 0)
            throw new DomainRuleException("code", $"« {activity.Label} » décrit {used} {Plural.Of(used, "poste", "postes")} : renommez-la plutôt, ou changez d'abord l'activité de ces postes.");
        if (await store.Activities.CountAsync(ct) == 1) throw new DomainRuleException("code", "Le vocabulaire garde au moins une activité.");
        store.Activities.Remove(activity);
        await store.SaveChangesAsync(ct);
        await vocabulary.LoadAsync(store, ct);
    }

    /// <summary>Posts by activity, every status (a draft's activity must stay valid when it is edited again).</summary>
    private async Task<Dictionary<string, int>> UsesAsync(CancellationToken ct) =>
        (await store.Posts.AsNoTracking().Select(p => p.Details).ToListAsync(ct)).GroupBy(d => d.Activity).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);

    private static void Demand(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!caller.IsAdmin) throw new ForbiddenException("Le vocabulaire des activités est modifié par un administrateur.");
    }
}
