using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;
using Placement.Matching.Persistence;
using Placement.Web.Data;

namespace Placement.Web.Pages;

/// <summary>The home page: what Placement holds, per département (aggregate counts only).</summary>
[AllowAnonymous]
public sealed class IndexModel(PlacementDbContext db, FranceGeography geography) : PageModel
{
    public sealed record DepartementRow(string Code, string Name, int HostBodies, int PublishedPosts, int Places, int Persons, int ActivePlacements);

    public IReadOnlyList<DepartementRow> Rows { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var hostBodies = await db.HostBodies.GroupBy(h => h.Departement).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var posts = await db.Posts.Where(p => p.Status == PostStatus.Published).Select(p => new { p.Departement, p.Details }).ToListAsync(ct);
        var persons = await db.Persons.GroupBy(p => p.Departement).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);
        var active = await db.Placements.Active()
            .Join(db.Persons, p => p.PersonId, x => x.Id, (p, x) => x.Departement)
            .GroupBy(d => d).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count, ct);

        var codes = hostBodies.Keys.Concat(persons.Keys).Distinct().Order(StringComparer.Ordinal);
        Rows = [.. codes.Select(code => new DepartementRow(code, geography.Departement(code)?.Name ?? code,
            hostBodies.GetValueOrDefault(code), posts.Count(p => p.Departement == code), posts.Where(p => p.Departement == code).Sum(p => p.Details.Capacity),
            persons.GetValueOrDefault(code), active.GetValueOrDefault(code)))];
    }
}
