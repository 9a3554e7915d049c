using System.Runtime.CompilerServices;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Geography;
using Placement.Catalogue.Persistence;

namespace Placement.Catalogue.Search;

/// <summary>
/// What may be searched and how it reads in the index: only published posts of host bodies habilitated
/// today are searchable; Mapster maps a post and its host body to a <see cref="PostDocument"/>.
/// </summary>
public sealed class PostDocuments(FranceGeography geography, ServiceCalendar calendar)
{
    private static readonly TypeAdapterConfig Mapping = CatalogueMappings.Compiled(config => config.NewConfig<Post, PostDocument>()
            .Map(d => d.Title, s => s.Details.Title)
            .Map(d => d.Description, s => s.Details.Description)
            .Map(d => d.Activity, s => s.Details.Activity)
            .Map(d => d.Skills, s => s.Details.Skills)
            .Map(d => d.Lat, s => s.Details.Place.Location.Latitude)
            .Map(d => d.Lon, s => s.Details.Place.Location.Longitude)
            .Map(d => d.Departement, s => s.Details.Place.Departement)
            .Map(d => d.CommuneInsee, s => s.Details.Place.CommuneInsee)
            .Map(d => d.AcceptsMinors, s => s.Details.Conditions.AcceptsMinors)
            .Map(d => d.NearPublicTransport, s => s.Details.Conditions.NearPublicTransport)
            .Map(d => d.WheelchairAccessible, s => s.Details.Conditions.WheelchairAccessible)
            .Map(d => d.Days, s => s.Details.Schedule.Select(w => TimeWindow.DayCode(w.Day)).Distinct().ToList())
            .Map(d => d.Capacity, s => s.Details.Capacity)
            .Map(d => d.HostBodyName, _ => (string)MapContext.Current!.Parameters["hostBodyName"])
            .Map(d => d.CommuneName, _ => (string)MapContext.Current!.Parameters["communeName"]));

    public bool IsSearchable(Post post, HostBody hostBody)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(hostBody);
        return post.CanTakeSomeone(hostBody.Details.Habilitation, calendar.Today, freePlaces: null); // the catalogue knows no placements
    }

    public PostDocument ToDocument(Post post, HostBody hostBody)
    {
        ArgumentNullException.ThrowIfNull(post);
        ArgumentNullException.ThrowIfNull(hostBody);
        return post.BuildAdapter(Mapping)
            .AddParameters("hostBodyName", hostBody.Name)
            .AddParameters("communeName", geography.Commune(post.Details.Place.CommuneInsee)?.Name ?? "")
            .AdaptToType<PostDocument>();
    }

    /// <summary>How many posts a full rebuild indexes (the posts <see cref="AllSearchable"/> writes, counted).</summary>
    public async Task<int> CountSearchableAsync(ICatalogueStore store, CancellationToken ct = default)
    {
        var count = 0;
        await foreach (var _ in Searchable(store, ct)) count++;
        return count;
    }

    /// <summary>Every searchable post, streamed from the database (for a full rebuild).</summary>
    public async IAsyncEnumerable<PostDocument> AllSearchable(ICatalogueStore store, [EnumeratorCancellation] CancellationToken ct = default)
    {
        await foreach (var (post, host) in Searchable(store, ct)) yield return ToDocument(post, host);
    }

    /// <summary>The published posts whose host body may host today, with it, in id order.</summary>
    private async IAsyncEnumerable<(Post Post, HostBody Host)> Searchable(ICatalogueStore store, [EnumeratorCancellation] CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        var hostBodies = await store.HostBodies.AsNoTracking().ToDictionaryAsync(h => h.Id, ct);
        await foreach (var post in store.Posts.AsNoTracking().Where(p => p.Status == PostStatus.Published).OrderBy(p => p.Id).AsAsyncEnumerable().WithCancellation(ct))
            if (hostBodies.TryGetValue(post.HostBodyId, out var host) && IsSearchable(post, host))
                yield return (post, host);
    }
}
