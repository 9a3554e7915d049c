using Mapster;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Placement.Catalogue;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;
using Placement.Catalogue.Persistence;
using Placement.Catalogue.Search;
using Placement.Matching.Contracts;
using Placement.Web.Identity;

namespace Placement.Web.Apis;

public sealed record HostBodySummary(Guid Id, string Name, string LegalType);

public sealed record SearchItem(PostResponse Post, HostBodySummary HostBody, double? DistanceKm, double Score, IReadOnlyList<string> Highlights);

public sealed record SearchResponse(IReadOnlyList<SearchItem> Items, int Total, int Page, int PageSize, IReadOnlyDictionary<string, IReadOnlyDictionary<string, int>> Facets, bool Partial);

public sealed record ReindexResponse(string Engine, int Indexed);

public static class SearchApi
{
    public const double MaxRadiusKm = 200;

    public static IEndpointRouteBuilder MapSearchApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/posts/search", Search).WithTags("Recherche").RequireAuthorization(Policies.Search)
            .WithName("SearchPosts")
            .WithSummary("Recherche plein texte en français, autour d'un point ou d'une commune, avec filtres et facettes.");
        app.MapPost("/api/search/reindex", Reindex).WithTags("Recherche").RequireAuthorization(Policies.Admin)
            .WithName("Reindex").WithSummary("Reconstruit l'index de recherche depuis la base (bascule atomique).");
        return app;
    }

    private static async Task<Ok<SearchResponse>> Search(
        string? q, double? lat, double? lon, string? commune, double? radiusKm, string[]? activity, string[]? skills, bool? acceptsMinors,
        string? day, bool? nearPublicTransport, bool? wheelchairAccessible, string? departement, int? page, int? pageSize,
        IPostSearchIndex index, ICatalogueStore store, FranceGeography geography, IOptions<CatalogueOptions> catalogue, CancellationToken ct)
    {
        var (p, size) = ApiSupport.Paging(page, pageSize);
        var errors = new FieldErrors();
        GeoPoint? centre = null;
        if (lat is not null || lon is not null)
        {
            if (lat is null) errors.Add("lat", "lat et lon vont ensemble.");
            if (lon is null) errors.Add("lon", "lat et lon vont ensemble.");
            if (lat is { } la && lon is { } lo) centre = errors.TryValue("", () => new GeoPoint(la, lo));
        }
        if (commune is { Length: > 0 })
        {
            if (centre is not null) errors.Add("commune", "Indiquez une commune ou des coordonnées, pas les deux.");
            else if (geography.Commune(commune) is { Location: { } at }) centre = at;
            else errors.Add("commune", "Commune inconnue (code INSEE) ou sans position.");
        }
        if (radiusKm is { } r && !(r > 0 && r <= MaxRadiusKm)) errors.Add("radiusKm", $"Le rayon est compris entre 0 (exclu) et {MaxRadiusKm} km.");
        if (radiusKm is not null && centre is null && !errors.Any) errors.Add("radiusKm", "Un rayon demande un point (lat, lon) ou une commune.");
        var activities = Split(activity);
        foreach (var a in activities.Where(a => !catalogue.Value.Activities.Contains(a, StringComparer.Ordinal)))
            errors.Add("activity", $"Activité inconnue « {a} ».");
        if (day is not null) errors.Try("day", () => TimeWindow.ParseDay(day, ""));
        if (q is { Length: > 500 }) errors.Add("q", "Le texte recherché dépasse 500 caractères.");
        errors.ThrowIfAny();

        var result = await index.SearchAsync(new PostSearchQuery
        {
            Text = q,
            Center = centre,
            RadiusKm = radiusKm,
            Activities = activities,
            Skills = Split(skills),
            AcceptsMinors = acceptsMinors,
            Day = day?.Trim().ToLowerInvariant(),
            NearPublicTransport = nearPublicTransport,
            WheelchairAccessible = wheelchairAccessible,
            Departement = departement?.Trim().ToUpperInvariant(),
            Page = p,
            PageSize = size,
        }, ct);
        var ids = result.Hits.Select(h => h.PostId).ToList();
        var posts = await store.Posts.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var hostIds = posts.Values.Select(x => x.HostBodyId).Distinct().ToList();
        var hosts = await store.HostBodies.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var items = result.Hits.Where(h => posts.ContainsKey(h.PostId)).Select(h =>
        {
            var post = posts[h.PostId];
            var host = hosts[post.HostBodyId];
            return new SearchItem(post.Adapt<PostResponse>(MatchingMappings.Config), new HostBodySummary(host.Id, host.Name, EnumNames.ToKebab(host.Details.LegalType)),
                h.DistanceKm is { } d ? Math.Round(d, 2) : null, Math.Round(h.Score, 4), h.Highlights);
        }).ToList();
        return TypedResults.Ok(new SearchResponse(items, result.Total, p, size, result.Facets, result.Partial));
    }

    private static async Task<Ok<ReindexResponse>> Reindex(SearchIndexer indexer, IPostSearchIndex index, CancellationToken ct) =>
        TypedResults.Ok(new ReindexResponse(index.Engine, await indexer.RebuildAsync(null, ct)));

    private static List<string> Split(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];
}
