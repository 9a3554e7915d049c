using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;
using Placement.Catalogue.Persistence;
using Placement.Catalogue.Search;
using Placement.Catalogue.Features.Posts;

namespace Placement.Catalogue.Features.Search;

/// <summary>Catalogue search: French full text, distance from a point or a commune, filters and facets.</summary>
public sealed class SearchPosts(IPostSearchIndex index, SearchReadiness readiness, ICatalogueStore store, FranceGeography geography, Placement.Catalogue.Features.Activities.ActivityVocabulary vocabulary) : IUseCase
{
    public const double MaxRadiusKm = 200;

    /// <summary>How deep a search can be paged (Elasticsearch's default result window; the same for Lucene).</summary>
    public const int MaxResults = 10_000;

    public async Task<SearchResponse> HandleAsync(Caller caller, SearchPostsQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(query);
        var paging = Paging.From(query.Page, query.PageSize, MaxResults);
        var errors = new FieldErrors();
        GeoPoint? centre = null;
        if (query.Lat is not null || query.Lon is not null)
        {
            if (query.Lat is null) errors.Add("lat", "lat et lon vont ensemble.");
            if (query.Lon is null) errors.Add("lon", "lat et lon vont ensemble.");
            if (query.Lat is { } la && query.Lon is { } lo) centre = errors.TryValue("", () => new GeoPoint(la, lo));
        }
        if (query.Commune is { Length: > 0 } commune)
        {
            if (centre is not null) errors.Add("commune", "Indiquez une commune ou des coordonnées, pas les deux.");
            else if (geography.Commune(commune) is { Location: { } at }) centre = at;
            else errors.Add("commune", "Commune inconnue (code INSEE) ou sans position.");
        }
        if (query.RadiusKm is { } r && !(r > 0 && r <= MaxRadiusKm)) errors.Add("radiusKm", $"Le rayon est compris entre 0 (exclu) et {MaxRadiusKm} km.");
        if (query.RadiusKm is not null && centre is null && !errors.Any) errors.Add("radiusKm", "Un rayon demande un point (lat, lon) ou une commune.");
        var activities = Split(query.Activity);
        foreach (var a in activities) vocabulary.Check(a, errors);
        if (query.Day is not null) errors.Try("day", () => TimeWindow.ParseDay(query.Day, ""));
        if (query.Q is { Length: > 500 }) errors.Add("q", "Le texte recherché dépasse 500 caractères.");
        errors.ThrowIfAny();
        readiness.ThrowIfNotReady();

        var result = await index.SearchAsync(new PostSearchQuery
        {
            Text = query.Q,
            Center = centre,
            RadiusKm = query.RadiusKm,
            Activities = activities,
            Skills = Split(query.Skills),
            AcceptsMinors = query.AcceptsMinors,
            Day = query.Day?.Trim().ToLowerInvariant(),
            NearPublicTransport = query.NearPublicTransport,
            WheelchairAccessible = query.WheelchairAccessible,
            Departement = query.Departement?.Trim().ToUpperInvariant(),
            Page = paging.Page,
            PageSize = paging.PageSize,
        }, ct);
        var ids = result.Hits.Select(h => h.PostId).ToList();
        var posts = await store.Posts.AsNoTracking().Where(x => ids.Contains(x.Id)).ToDictionaryAsync(x => x.Id, ct);
        var hostIds = posts.Values.Select(x => x.HostBodyId).Distinct().ToList();
        var hosts = await store.HostBodies.AsNoTracking().Where(h => hostIds.Contains(h.Id)).ToDictionaryAsync(h => h.Id, ct);
        var items = result.Hits.Where(h => posts.ContainsKey(h.PostId)).Select(h =>
        {
            var post = posts[h.PostId];
            var host = hosts[post.HostBodyId];
            return new SearchItem(post.Adapt<PostResponse>(CatalogueMappings.Config), new HostBodySummary(host.Id, host.Name, EnumNames.ToKebab(host.Details.LegalType)),
                h.DistanceKm is { } d ? Math.Round(d, 2) : null, Math.Round(h.Score, 4), h.Highlights);
        }).ToList();
        return new SearchResponse(items, result.Total, paging.Page, paging.PageSize, result.Facets, result.Partial);
    }

    private static List<string> Split(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).Distinct(StringComparer.Ordinal)];
}
