using Placement.Catalogue.Domain;
using Placement.Catalogue.Search;

namespace Placement.Catalogue.Tests.Search;

/// <summary>
/// The behaviour every search engine must have, run against the embedded index always and against a
/// live Elasticsearch when <c>ELASTICSEARCH_URL</c> is set.
/// </summary>
public abstract class SearchIndexBehaviour : IAsyncLifetime
{
    protected static readonly GeoPoint Lyon = new(45.7640, 4.8357);
    private IPostSearchIndex? _index;
    protected IPostSearchIndex Index => _index!;

    /// <summary>A fresh, empty index of the engine under test.</summary>
    protected abstract Task<IPostSearchIndex> CreateIndexAsync();

    public async Task InitializeAsync()
    {
        _index = await CreateIndexAsync();
        await _index.EnsureReadyAsync();
        await _index.IndexAsync(Docs.All);
    }

    public virtual Task DisposeAsync() => Task.CompletedTask;

    private async Task<List<string>> Titles(PostSearchQuery query) =>
        [.. (await Index.SearchAsync(query)).Hits.Select(h => Docs.All.Single(d => d.Id == h.PostId).Title)];

    [SkippableFact]
    public async Task FrenchText_Jardinage_FindsJardin()
    {
        var titles = await Titles(new PostSearchQuery { Text = "jardinage" });
        Assert.Contains("Entretien du jardin botanique", titles);
        Assert.DoesNotContain("Aide en cuisine", titles);
    }

    [SkippableFact]
    public async Task FrenchText_ElisionsAndAccents_Match()
    {
        Assert.Contains("Animation de l'école", await Titles(new PostSearchQuery { Text = "ecole" }));
        Assert.Contains("Animation de l'école", await Titles(new PostSearchQuery { Text = "l'ÉCOLE" }));
        Assert.Contains("Tri des déchets à la ressourcerie", await Titles(new PostSearchQuery { Text = "dechet" }));
        Assert.Contains("Nettoyage des berges de l'Isère", await Titles(new PostSearchQuery { Text = "isere" }));
    }

    [SkippableFact]
    public async Task FrenchStopWords_AloneFindNothing()
    {
        // « été » is a French stop word (a form of « être ») in Lucene's and in Elasticsearch's french analyzers alike.
        Assert.Empty(await Titles(new PostSearchQuery { Text = "l'été de la" }));
    }

    [SkippableFact]
    public async Task FrenchText_PluralsAndStopWords_Match()
    {
        Assert.Contains("Entretien des espaces verts", await Titles(new PostSearchQuery { Text = "un espace vert" }));
    }

    [SkippableFact]
    public async Task ATitleMatch_RanksAboveADescriptionOnlyMatch()
    {
        var titles = await Titles(new PostSearchQuery { Text = "cuisine" });
        Assert.Equal("Aide en cuisine", titles[0]);
        Assert.Contains("Accueil du public", titles); // « cuisine » only in its description
    }

    [SkippableFact]
    public async Task QueryLanguageCharacters_AreHarmless()
    {
        foreach (var text in new[] { "\" * : ( ) [ ] \\ /", "jardin AND cuisine", "title:cuisine", "(((", "cuisine\"", "*" })
        {
            var result = await Index.SearchAsync(new PostSearchQuery { Text = text });
            Assert.True(result.Total >= 0);
        }
        Assert.Contains("Aide en cuisine", await Titles(new PostSearchQuery { Text = "cuisine AND (" }));
    }

    [SkippableFact]
    public async Task TheRadius_IsExactAtTheLimit()
    {
        var edge = Docs.All.Single(d => d.Title == "Poste au bord du cercle");
        var distance = Lyon.DistanceKmTo(edge.Location);
        var inside = await Index.SearchAsync(new PostSearchQuery { Center = Lyon, RadiusKm = distance + 0.01, PageSize = 50 });
        var outside = await Index.SearchAsync(new PostSearchQuery { Center = Lyon, RadiusKm = distance - 0.01, PageSize = 50 });
        Assert.Contains(inside.Hits, h => h.PostId == edge.Id);
        Assert.DoesNotContain(outside.Hits, h => h.PostId == edge.Id);
        Assert.All(inside.Hits, h => Assert.InRange(h.DistanceKm!.Value, 0, distance + 0.01));
        Assert.Equal(distance, inside.Hits.Single(h => h.PostId == edge.Id).DistanceKm!.Value, 1);
    }

    [SkippableFact]
    public async Task MatchingIds_AreEveryPostTheQueryMatches_WithTheRadiusExact()
    {
        var edge = Docs.All.Single(d => d.Title == "Poste au bord du cercle");
        var distance = Lyon.DistanceKmTo(edge.Location);
        Assert.Equal(Docs.All.Where(d => Lyon.DistanceKmTo(d.Location) <= distance + 0.01).Select(d => d.Id).Order(),
            (await Index.MatchingIdsAsync(new PostSearchQuery { Center = Lyon, RadiusKm = distance + 0.01 })).Order());
        Assert.DoesNotContain(edge.Id, await Index.MatchingIdsAsync(new PostSearchQuery { Center = Lyon, RadiusKm = distance - 0.01 }));
        Assert.Equal(Docs.All.Where(d => d.Title.Contains("cuisine", StringComparison.Ordinal) || d.Description.Contains("cuisine", StringComparison.Ordinal)).Select(d => d.Id).Order(),
            (await Index.MatchingIdsAsync(new PostSearchQuery { Text = "cuisine", Center = Lyon, RadiusKm = 30 })).Order());
        Assert.Equal(Docs.All.Where(d => d.Activity == "espaces-verts").Select(d => d.Id).Order(),
            (await Index.MatchingIdsAsync(new PostSearchQuery { Activities = ["espaces-verts"], PageSize = 1 })).Order());
        Assert.Empty(await Index.MatchingIdsAsync(new PostSearchQuery { Text = "l'été de la" }));
    }

    [SkippableFact]
    public async Task MatchingIds_AreComplete_FarBeyondAPageOfResults()
    {
        // 6,000 posts within about 8 km of Lyon: more than a page of either engine (Elasticsearch pages ids by 5,000).
        var random = new Random(3);
        var many = Enumerable.Range(0, 6_000).Select(_ => Docs.All[0] with
        {
            Id = Guid.NewGuid(), Lat = Lyon.Latitude + (random.NextDouble() - 0.5) * 0.1, Lon = Lyon.Longitude + (random.NextDouble() - 0.5) * 0.1,
        }).ToList();
        foreach (var batch in many.Chunk(1_000)) await Index.IndexAsync(batch);
        var expected = Docs.All.Concat(many).Where(d => Lyon.DistanceKmTo(d.Location) <= 10).Select(d => d.Id).Order().ToList();
        Assert.True(expected.Count > 5_000, $"{expected.Count} posts within 10 km");
        Assert.Equal(expected, (await Index.MatchingIdsAsync(new PostSearchQuery { Center = Lyon, RadiusKm = 10 })).Order());
    }

    [SkippableFact]
    public async Task NearerPosts_RankHigher_WhenTheTextIsEqual()
    {
        var result = await Index.SearchAsync(new PostSearchQuery { Center = Lyon, RadiusKm = 100, PageSize = 50 });
        var distances = result.Hits.Select(h => h.DistanceKm!.Value).ToList();
        Assert.Equal(distances.Order(), distances);
        Assert.Equal(Docs.All.Count(d => Lyon.DistanceKmTo(d.Location) <= 100), result.Total);
    }

    [SkippableFact]
    public async Task EveryFilter_KeepsOnlyMatchingPosts()
    {
        Assert.All(await Hits(new PostSearchQuery { Activities = ["restauration-aide-alimentaire"] }), d => Assert.Equal("restauration-aide-alimentaire", d.Activity));
        Assert.All(await Hits(new PostSearchQuery { Skills = ["cuisine", "peinture"] }), d => Assert.True(d.Skills.Contains("cuisine") || d.Skills.Contains("peinture")));
        Assert.All(await Hits(new PostSearchQuery { AcceptsMinors = true }), d => Assert.True(d.AcceptsMinors));
        Assert.All(await Hits(new PostSearchQuery { Day = "sat" }), d => Assert.Contains("sat", d.Days));
        Assert.All(await Hits(new PostSearchQuery { NearPublicTransport = true }), d => Assert.True(d.NearPublicTransport));
        Assert.All(await Hits(new PostSearchQuery { WheelchairAccessible = false }), d => Assert.False(d.WheelchairAccessible));
        Assert.All(await Hits(new PostSearchQuery { Departement = "38" }), d => Assert.Equal("38", d.Departement));
        Assert.Equal(Docs.All.Count(d => d.Days.Contains("sat")), (await Index.SearchAsync(new PostSearchQuery { Day = "sat" })).Total);
        Assert.Equal(Docs.All.Count(d => d.AcceptsMinors && d.Departement == "69"), (await Index.SearchAsync(new PostSearchQuery { AcceptsMinors = true, Departement = "69" })).Total);
    }

    private async Task<List<PostDocument>> Hits(PostSearchQuery query)
    {
        var result = await Index.SearchAsync(query with { PageSize = 100 });
        Assert.NotEmpty(result.Hits);
        return [.. result.Hits.Select(h => Docs.All.Single(d => d.Id == h.PostId))];
    }

    [SkippableFact]
    public async Task Facets_CountActivitiesAndDepartements_OfAllMatches()
    {
        var result = await Index.SearchAsync(new PostSearchQuery { PageSize = 1 });
        Assert.Equal(Docs.All.Count, result.Total);
        Assert.Equal(Docs.All.GroupBy(d => d.Activity).ToDictionary(g => g.Key, g => g.Count()), result.Facets[PostSearchResult.ActivityFacet]);
        Assert.Equal(Docs.All.GroupBy(d => d.Departement).ToDictionary(g => g.Key, g => g.Count()), result.Facets[PostSearchResult.DepartementFacet]);
    }

    [SkippableFact]
    public async Task Paging_ReturnsDisjointPages_WithTheSameTotal()
    {
        var first = await Index.SearchAsync(new PostSearchQuery { Center = Lyon, PageSize = 3, Page = 1 });
        var second = await Index.SearchAsync(new PostSearchQuery { Center = Lyon, PageSize = 3, Page = 2 });
        Assert.Equal(first.Total, second.Total);
        Assert.Equal(3, first.Hits.Count);
        Assert.Empty(first.Hits.Select(h => h.PostId).Intersect(second.Hits.Select(h => h.PostId)));
        Assert.True(first.Hits[^1].DistanceKm <= second.Hits[0].DistanceKm);
    }

    [SkippableFact]
    public async Task RemovedPosts_DisappearAndUpdatedPosts_Change()
    {
        var cuisine = Docs.All.Single(d => d.Title == "Aide en cuisine");
        await Index.RemoveAsync([cuisine.Id, Guid.NewGuid()]);
        Assert.DoesNotContain("Aide en cuisine", await Titles(new PostSearchQuery { Text = "cuisine" }));
        await Index.IndexAsync([cuisine with { Title = "Commis de cuisine solidaire" }]);
        Assert.Contains("Commis de cuisine solidaire", (await Index.SearchAsync(new PostSearchQuery { Text = "commis" })).Hits.Select(h => Docs.All.Single(d => d.Id == h.PostId) == cuisine ? "Commis de cuisine solidaire" : ""));
        Assert.Equal(Docs.All.Count, await Index.CountAsync());
    }

    [SkippableFact]
    public async Task Rebuild_ReplacesTheWholeIndex()
    {
        var kept = Docs.All.Take(3).ToList();
        var count = await Index.RebuildAsync(kept.ToAsyncEnumerable());
        Assert.Equal(3, count);
        Assert.Equal(3, await Index.CountAsync());
        var result = await Index.SearchAsync(new PostSearchQuery { PageSize = 50 });
        Assert.Equal(kept.Select(d => d.Id).Order(), result.Hits.Select(h => h.PostId).Order());
    }

    [SkippableFact]
    public async Task Highlights_MarkTheMatchedWords()
    {
        var hit = (await Index.SearchAsync(new PostSearchQuery { Text = "cuisine" })).Hits[0];
        Assert.Contains(hit.Highlights, h => h.Contains("<mark>", StringComparison.Ordinal) && h.Contains("</mark>", StringComparison.Ordinal));
    }
}

/// <summary>A small catalogue around Lyon and Grenoble with known texts, places and flags.</summary>
internal static class Docs
{
    private static PostDocument Doc(string title, string description, string activity, double lat, double lon, string dep = "69",
        string[]? skills = null, bool minors = false, bool transport = true, bool wheelchair = true, string[]? days = null, string host = "Mairie de Lyon") => new()
    {
        Id = Guid.NewGuid(), HostBodyId = Guid.NewGuid(), HostBodyName = host, Title = title, Description = description, Activity = activity,
        Skills = skills ?? [], Lat = lat, Lon = lon, Departement = dep, CommuneInsee = dep == "69" ? "69123" : "38185", CommuneName = dep == "69" ? "Lyon" : "Grenoble",
        AcceptsMinors = minors, NearPublicTransport = transport, WheelchairAccessible = wheelchair, Days = days ?? ["mon", "tue"], Capacity = 1,
    };

    public static readonly IReadOnlyList<PostDocument> All =
    [
        Doc("Entretien du jardin botanique", "Désherbage et arrosage des massifs.", "espaces-verts", 45.7700, 4.8500, skills: ["jardinage"], minors: true),
        Doc("Entretien des espaces verts", "Tonte des pelouses municipales.", "espaces-verts", 45.7500, 4.8600, skills: ["tonte"], days: ["sat"]),
        Doc("Aide en cuisine", "Préparer les repas du restaurant solidaire.", "restauration-aide-alimentaire", 45.7600, 4.8300, skills: ["cuisine"], host: "Restaurant solidaire de Lyon"),
        Doc("Accueil du public", "Accueillir les bénéficiaires, parfois aider en cuisine.", "accueil-administratif", 45.7800, 4.8700, transport: false),
        Doc("Tri des déchets à la ressourcerie", "Trier les dons et valoriser les objets.", "recyclerie-tri", 45.7300, 4.9000, wheelchair: false, days: ["wed", "sat"]),
        Doc("Animation de l'école", "Installer les stands des fêtes de l'été.", "evenementiel", 45.7400, 4.8100, minors: true, days: ["sat", "sun"]),
        Doc("Peinture des salles de classe", "Préparer et peindre les murs.", "batiment-renovation", 45.1880, 5.7240, dep: "38", skills: ["peinture"], host: "Collège de Grenoble"),
        Doc("Nettoyage des berges de l'Isère", "Ramasser les déchets le long de la rivière.", "environnement-nature", 45.1900, 5.7300, dep: "38", transport: false),
        Doc("Poste au bord du cercle", "Entretien des locaux associatifs.", "entretien-nettoyage", 45.8540, 4.8357, host: "Association du Nord"),
        Doc("Soins aux animaux du refuge", "Nourrir et promener les chiens.", "soin-animaux", 45.6500, 4.9500, minors: true, wheelchair: false),
    ];
}
