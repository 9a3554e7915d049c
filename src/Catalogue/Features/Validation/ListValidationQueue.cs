using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;
using Placement.Catalogue.Persistence;
using Placement.Catalogue.Features.HostBodies;
using Placement.Catalogue.Features.Posts;

namespace Placement.Catalogue.Features.Validation;

/// <summary>A post awaiting the SPIP's validation, with the host body that offers it.</summary>
public sealed record PendingPost(PostResponse Post, string HostBodyName, string HostBodyHabilitation, DateTimeOffset SubmittedAt);

/// <summary>Which part of the queue: one of the caller's départements (or all), words of the post's title or its host body's name, a page.</summary>
public sealed record ValidationQueueQuery(string? Departement, string? Q, int? Page, int? PageSize);

/// <summary>
/// What awaits the caller's decision, oldest first: the applications of new host bodies, the new addresses partners asked
/// for (<see cref="HostBodyResponse.ProposedAddress"/>), and posts a page at a time.
/// </summary>
public sealed record ValidationQueue(IReadOnlyList<HostBodyApplicationResponse> Applications, PagedResult<PendingPost> Posts)
{
    public IReadOnlyList<HostBodyResponse> AddressChanges { get; init; } = [];
}

/// <summary>
/// The SPIP's validation queue: applications of organisations and posts submitted in the départements the caller validates
/// (an administrator: all), narrowed to one département when asked; posts also by words.
/// </summary>
public sealed class ListValidationQueue(ICatalogueStore store) : IUseCase
{
    public async Task<ValidationQueue> HandleAsync(Caller caller, ValidationQueueQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var paging = Paging.From(query.Page, query.PageSize);
        if (!caller.IsAdmin && !caller.IsCoordinator) throw new ForbiddenException("La validation est réservée aux coordinateurs du SPIP.");
        var departements = caller.Departements.ToList();
        var posts = store.Posts.AsNoTracking().Where(p => p.Status == PostStatus.PendingValidation);
        if (!caller.IsAdmin) posts = posts.Where(p => departements.Contains(p.Departement));
        if (!string.IsNullOrWhiteSpace(query.Departement))
        {
            var departement = query.Departement.Trim().ToUpperInvariant();
            posts = posts.Where(p => p.Departement == departement);
        }
        // Pending posts are few (they wait days, not years): the whole queue is read, then filtered by words and paged.
        var rows = await posts.Join(store.HostBodies.AsNoTracking(), p => p.HostBodyId, h => h.Id, (p, h) => new { Post = p, HostBody = h })
            .ToListAsync(ct);
        var words = FranceGeography.Words(query.Q);
        var matching = rows.Where(r => words.All(w => FranceGeography.Words(r.Post.Details.Title + " " + r.HostBody.Details.Name).Any(x => x.StartsWith(w, StringComparison.Ordinal))))
            .OrderBy(r => r.Post.StatusChangedAt).ThenBy(r => r.Post.Id).ToList();
        var items = matching.Skip(paging.Skip).Take(paging.PageSize).Select(r => new PendingPost(
            r.Post.Adapt<PostResponse>(CatalogueMappings.Config), r.HostBody.Details.Name,
            EnumNames.ToKebab(r.HostBody.Details.Habilitation.Status), r.Post.StatusChangedAt)).ToList();
        return new ValidationQueue(await ApplicationsAsync(caller, departements, query.Departement, ct),
            new PagedResult<PendingPost>(items, matching.Count, paging.Page, paging.PageSize))
        {
            AddressChanges = await AddressChangesAsync(caller, departements, query.Departement, ct),
        };
    }

    private async Task<List<HostBodyResponse>> AddressChangesAsync(Caller caller, List<string> departements, string? only, CancellationToken ct)
    {
        var hostBodies = store.HostBodies.AsNoTracking().Where(h => h.ProposedAt != null);
        if (!caller.IsAdmin) hostBodies = hostBodies.Where(h => departements.Contains(h.Departement));
        if (!string.IsNullOrWhiteSpace(only))
        {
            var departement = only.Trim().ToUpperInvariant();
            hostBodies = hostBodies.Where(h => h.Departement == departement);
        }
        // Few wait at a time (a partner moves rarely): read, then ordered oldest first.
        return [.. (await hostBodies.ToListAsync(ct)).OrderBy(h => h.ProposedAt).ThenBy(h => h.Id).Select(h => h.Adapt<HostBodyResponse>(CatalogueMappings.Config))];
    }

    private async Task<List<HostBodyApplicationResponse>> ApplicationsAsync(Caller caller, List<string> departements, string? only, CancellationToken ct)
    {
        var applications = store.HostBodyApplications.AsNoTracking().Where(a => a.Status == ApplicationStatus.Pending);
        if (!caller.IsAdmin) applications = applications.Where(a => departements.Contains(a.Departement));
        if (!string.IsNullOrWhiteSpace(only))
        {
            var departement = only.Trim().ToUpperInvariant();
            applications = applications.Where(a => a.Departement == departement);
        }
        var rows = await applications.Join(store.HostBodies.AsNoTracking(), a => a.HostBodyId, h => h.Id, (a, h) => new { Application = a, HostBody = h })
            .ToListAsync(ct);
        return [.. rows.OrderBy(r => r.Application.SubmittedAt).Select(r => Applications.ApplyAsHostBody.Response(r.Application, r.HostBody))];
    }
}
