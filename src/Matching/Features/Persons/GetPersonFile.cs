using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Placement.Catalogue.Contracts;
using Placement.Matching.Persistence;
using Placement.Matching.Domain;
using Placement.Matching.Features.AssignmentRuns;
using Placement.Matching.Features.Audit;
using Placement.Matching.Features.DeadlineWatch;

namespace Placement.Matching.Features.Persons;

/// <summary>A person's file for their officer: the person, every placement with its post and host body, the deadline risks now.</summary>
public sealed class GetPersonFile(IMatchingStore store, PersonAudit audit, ServiceCalendar calendar, IOptions<JobsOptions> jobs, Placement.Catalogue.Geography.FranceGeography geography) : IUseCase
{
    public async Task<PersonFileResponse> HandleAsync(Caller caller, Guid id, CancellationToken ct)
    {
        var person = await GetPerson.FindAsync(store, caller, id, ct);
        await audit.ReadAsync(caller, "Dossier de la personne et ses placements", id, ct);
        var placements = await store.Placements.AsNoTracking().Where(p => p.PersonId == id).OrderByDescending(p => p.CreatedAt).ToListAsync(ct);
        var postIds = placements.Select(p => p.PostId).Distinct().ToList();
        var posts = await store.Posts.AsNoTracking().Where(p => postIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var hostIds = posts.Values.Select(p => p.HostBodyId).Distinct().ToList();
        var hosts = await store.HostBodies.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, h => h.Name, ct);
        var risks = DeadlineRisk.Reasons(person, placements.Where(p => p.IsActive), posts, calendar.Today, jobs.Value.DeadlineWarningWeeks);
        return new PersonFileResponse(await store.ResponseAsync(person, ct),
            [.. placements.Select(p => new PersonPlacementItem(p.Id, p.PostId, posts[p.PostId].Details.Title, hosts[posts[p.PostId].HostBodyId],
                p.Status, p.Reason, p.HoursTarget, p.HoursLogged, p.CreatedAt, p.StatusChangedAt))],
            risks, EnumNames.ToKebab(geography.PrecisionOf(person.Profile.Home)));
    }
}
