using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Catalogue.Domain;
using Placement.Matching.Engine;
using Placement.Matching.Persistence;

namespace Placement.Web.Tests;

[Collection(ApiCollection.Name)]
public class SearchApiTests(PlacementApp app)
{
    private async Task<HttpClient> Officer()
    {
        await app.SearchReady();
        return await app.ClientFor(PlacementApp.Officer69);
    }

    [SkippableFact]
    public async Task Search_AroundACommune_FindsFrenchTextWithinTheRadius_WithFacets()
    {
        var page = await (await (await Officer()).GetAsync("/api/posts/search?q=jardinage&commune=69123&radiusKm=20&pageSize=50")).Json();
        Assert.True(page.GetProperty("total").GetInt32() > 0);
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            Assert.InRange(item.GetProperty("distanceKm").GetDouble(), 0, 20);
            Assert.Equal("published", item.GetProperty("post").GetProperty("status").GetString());
            Assert.False(string.IsNullOrEmpty(item.GetProperty("hostBody").GetProperty("name").GetString()));
        }
        var facets = page.GetProperty("facets");
        Assert.Equal(page.GetProperty("total").GetInt32(), facets.GetProperty("activity").EnumerateObject().Sum(a => a.Value.GetInt32()));
        Assert.True(facets.GetProperty("departement").TryGetProperty("69", out _));
    }

    [SkippableFact]
    public async Task Search_Filters_AreApplied()
    {
        var page = await (await (await Officer()).GetAsync("/api/posts/search?departement=38&activity=espaces-verts,environnement-nature&acceptsMinors=true&day=mon&pageSize=100")).Json();
        foreach (var item in page.GetProperty("items").EnumerateArray())
        {
            var post = item.GetProperty("post");
            Assert.Equal("38", post.GetProperty("departement").GetString());
            Assert.Contains(post.GetProperty("activity").GetString(), new[] { "espaces-verts", "environnement-nature" });
            Assert.True(post.GetProperty("acceptsMinors").GetBoolean());
            Assert.Contains(post.GetProperty("schedule").EnumerateArray(), w => w.GetProperty("day").GetString() == "mon");
        }
    }

    [SkippableTheory]
    [InlineData("/api/posts/search?lat=45.7", "lon")]
    [InlineData("/api/posts/search?lat=95&lon=4.8", "lat")]
    [InlineData("/api/posts/search?radiusKm=10", "radiusKm")]
    [InlineData("/api/posts/search?commune=69123&radiusKm=500", "radiusKm")]
    [InlineData("/api/posts/search?commune=99999", "commune")]
    [InlineData("/api/posts/search?activity=astrologie", "activity")]
    [InlineData("/api/posts/search?day=lundi", "day")]
    [InlineData("/api/posts/search?pageSize=1000", "pageSize")]
    public async Task BadSearchParameters_AreNamed(string path, string field) =>
        Assert.Equal([field], await (await (await Officer()).GetAsync(path)).ErrorFields());

    [SkippableTheory]
    [InlineData("\" * : ( ) [ ] \\ /")]
    [InlineData("jardin AND cuisine")]
    [InlineData("title:cuisine OR *")]
    public async Task QueryLanguage_IsHarmless(string q)
    {
        var response = await (await Officer()).GetAsync($"/api/posts/search?q={Uri.EscapeDataString(q)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [SkippableFact]
    public async Task Partners_DoNotSearchTheCatalogue() =>
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor(PlacementApp.Partner)).GetAsync("/api/posts/search?q=x")).StatusCode);

    [SkippableFact]
    public async Task ADraftPost_IsNotSearchable_UntilPublished()
    {
        await app.SearchReady();
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var hostBodyId = await CatalogueApiTests.CreateHostBody(coordinator, "Association Visibilité Recherche");
        var post = CatalogueApiTests.Post(hostBodyId);
        post["title"] = "Restauration de vitraux anciens";
        var id = (await (await coordinator.PostAsJsonAsync("/api/posts", post)).Json()).GetProperty("id").GetString();
        await app.SearchReady();
        Assert.Equal(0, (await (await coordinator.GetAsync("/api/posts/search?q=vitraux")).Json()).GetProperty("total").GetInt32());

        await coordinator.PostAsync($"/api/posts/{id}/submit", null);
        await coordinator.PostAsync($"/api/posts/{id}/publish", null);
        await app.SearchReady();
        var found = await (await coordinator.GetAsync("/api/posts/search?q=vitraux")).Json();
        Assert.Equal(id, found.GetProperty("items")[0].GetProperty("post").GetProperty("id").GetString());
        Assert.Contains("<mark>", found.GetProperty("items")[0].GetProperty("highlights")[0].GetString(), StringComparison.Ordinal);

        await coordinator.PostAsync($"/api/posts/{id}/suspend", null);
        await app.SearchReady();
        Assert.Equal(0, (await (await coordinator.GetAsync("/api/posts/search?q=vitraux")).Json()).GetProperty("total").GetInt32());
    }

    [SkippableFact]
    public async Task Admin_Reindexes_OthersMayNot()
    {
        await app.SearchReady();
        var admin = await app.ClientFor(PlacementApp.Admin);
        var response = await admin.PostAsync("/api/search/reindex", null);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Json();
        Assert.Equal("embedded", body.GetProperty("engine").GetString());
        Assert.True(body.GetProperty("indexed").GetInt32() > 1000);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor(PlacementApp.Coordinator)).PostAsync("/api/search/reindex", null)).StatusCode);
    }

    [SkippableFact]
    public async Task Geocode_FallsBackToTheCommune_Offline()
    {
        var response = await (await Officer()).GetAsync("/api/geocode?address=1%20place%20Bellecour&commune=69123");
        var body = await response.Json();
        Assert.Equal("commune", body.GetProperty("source").GetString());
        Assert.Equal("commune", body.GetProperty("precision").GetString());
    }
}

/// <summary>« Which posts suit this person? »: only posts the matching rules accept, with their explanations.</summary>
[Collection(ApiCollection.Name)]
public class SuitablePostsTests(PlacementApp app)
{
    [SkippableFact]
    public async Task ADistanceFromACommunesPosition_IsSaidToBeApproximate_ForTheHomeAndForEachPost()
    {
        await app.SearchReady();
        var officer = await app.ClientFor(PlacementApp.Officer69);
        async Task<System.Text.Json.JsonElement> SuitableFor(object home)
        {
            var person = PersonsApiTests.Person("69", "69114");
            person["home"] = home;
            person["restrictions"] = null;
            person["maxTravelKm"] = 30;
            var created = await officer.PostAsJsonAsync("/api/persons", person);
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var id = (await created.Json()).GetProperty("id").GetString();
            var answer = await (await officer.GetAsync($"/api/persons/{id}/suitable-posts?limit=200")).Json();
            var file = await (await officer.GetAsync($"/api/persons/{id}/file")).Json();
            Assert.Equal(answer.GetProperty("homePrecision").GetString(), file.GetProperty("homePrecision").GetString()); // the person's page says it too
            return answer;
        }

        // Porte des Pierres Dorées, a village: without a street geocoded, the home is the centroid of the commune.
        var approximate = await SuitableFor(new { communeInsee = "69114" });
        Assert.Equal("centroid", approximate.GetProperty("homePrecision").GetString());
        var given = await SuitableFor(new { communeInsee = "69114", location = new { lat = 45.9712, lon = 4.6437 } });
        Assert.Equal("address", given.GetProperty("homePrecision").GetString());

        // Each post: its own position, or its commune's — as the geography says.
        var geography = app.Services.GetRequiredService<Placement.Catalogue.Geography.FranceGeography>();
        Assert.NotEqual(0, given.GetProperty("items").GetArrayLength());
        foreach (var item in given.GetProperty("items").EnumerateArray())
        {
            var address = item.GetProperty("post").GetProperty("address");
            var at = address.GetProperty("location");
            var commune = geography.Commune(address.GetProperty("communeInsee").GetString())!;
            var atCommune = Math.Abs(commune.Location!.Value.Latitude - at.GetProperty("lat").GetDouble()) < 1e-5
                && Math.Abs(commune.Location.Value.Longitude - at.GetProperty("lon").GetDouble()) < 1e-5;
            Assert.Equal(atCommune ? Placement.Catalogue.Contracts.EnumNames.ToKebab(commune.Precision) : "address", item.GetProperty("locationPrecision").GetString());
        }
    }

    [SkippableFact]
    public async Task SuitablePosts_AreExactlyTheEligiblePostsWithFreePlaces_CrossCheckedWithTheEngine()
    {
        await app.SearchReady();
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var persons = await (await officer.GetAsync("/api/persons?pageSize=8")).Json();
        var today = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime);
        var checkedSome = 0;
        foreach (var p in persons.GetProperty("items").EnumerateArray())
        {
            var id = Guid.Parse(p.GetProperty("id").GetString()!);
            var answer = await (await officer.GetAsync($"/api/persons/{id}/suitable-posts?limit=200")).Json();
            var returned = answer.GetProperty("items").EnumerateArray().Select(i => Guid.Parse(i.GetProperty("post").GetProperty("id").GetString()!)).ToHashSet();

            using var scope = app.Services.CreateScope();
            var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
            var person = await store.Persons.AsNoTracking().SingleAsync(x => x.Id == id);
            var who = person.ToMatchPerson(new HashSet<Guid>()); // persons with co-defendants are skipped below
            var hosts = await store.HostBodies.AsNoTracking().ToDictionaryAsync(h => h.Id);
            var active = await Placement.Matching.Persistence.ActivePlacements.Active(store.Placements)
                .GroupBy(x => x.PostId).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
            var eligiblePosts = (await store.Posts.AsNoTracking().Where(x => x.Status == PostStatus.Published).ToListAsync())
                .Where(x => hosts[x.HostBodyId].CanHostOn(today))
                .Select(x => x.ToMatchPost(x.Details.Capacity - active.GetValueOrDefault(x.Id)))
                .Where(x => x.Capacity > 0 && EligibilityRules.Evaluate(who, x, today).IsEligible)
                .ToDictionary(x => Guid.Parse(x.Id));
            var eligible = eligiblePosts.ToDictionary(x => x.Key, x => QualityScore.Of(who, x.Value, EligibilityRules.Evaluate(who, x.Value, today), today));
            if (person.Profile.Restrictions.NoContactWithPersonIds.Count > 0) continue; // co-defendants' hosts are excluded on top
            if (person.Profile.Hours.Remaining <= 0)
            {
                Assert.Empty(returned); // rule 15: a measure accomplished is offered no post
                continue;
            }
            // Exactly the eligible posts with free places — the best 200 when there are more.
            Assert.Equal(Math.Min(200, eligible.Count), returned.Count);
            Assert.Subset(eligible.Keys.ToHashSet(), returned);
            var left = eligible.Where(e => !returned.Contains(e.Key)).Select(e => e.Value).DefaultIfEmpty(int.MinValue).Max();
            Assert.True(returned.All(r => eligible[r] >= left), "a better eligible post was left out");
            var scores = answer.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("score").GetInt32()).ToList();
            Assert.Equal(scores.OrderDescending(), scores);
            foreach (var item in answer.GetProperty("items").EnumerateArray())
            {
                // The score's four lines, then the medical examination to plan (R.623-14) when there is one — the engine's note.
                var note = MedicalExamination.Note(who, eligiblePosts[Guid.Parse(item.GetProperty("post").GetProperty("id").GetString()!)], today);
                var explanation = item.GetProperty("explanation");
                Assert.Equal(note is null ? 4 : 5, explanation.GetArrayLength());
                Assert.Contains("km (limite", explanation[0].GetString(), StringComparison.Ordinal);
                Assert.Equal(note, item.TryGetProperty("medicalExamination", out var given) && given.ValueKind == System.Text.Json.JsonValueKind.String ? given.GetString() : null);
                if (note is not null) Assert.Equal(note, explanation[4].GetString());
            }
            checkedSome++;
        }
        Assert.True(checkedSome >= 5);
    }

    [SkippableFact]
    public async Task EverySuitablePostOfAMinor_SaysTheMedicalExaminationToPlan_InTheFieldAndAsTheLastExplanationLine()
    {
        await app.SearchReady();
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var person = PersonsApiTests.Person("69", "69266");
        person["birthDate"] = DateOnly.FromDateTime(app.Clock.GetUtcNow().UtcDateTime).AddYears(-17).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        person["restrictions"] = null;
        person["maxTravelKm"] = 40;
        person["publicTransportOnly"] = false;
        person["maxPhysicalDemand"] = "high";
        person["availability"] = new[] { "mon", "tue", "wed", "thu", "fri", "sat", "sun" }.Select(d => new { day = d, start = "08:00", end = "20:00" }).ToArray();
        var created = await officer.PostAsJsonAsync("/api/persons", person);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var answer = await (await officer.GetAsync($"/api/persons/{(await created.Json()).GetProperty("id").GetString()}/suitable-posts?limit=200")).Json();

        Assert.NotEqual(0, answer.GetProperty("items").GetArrayLength());
        foreach (var item in answer.GetProperty("items").EnumerateArray())
        {
            var note = item.GetProperty("medicalExamination").GetString()!;
            Assert.StartsWith("visite médicale à prévoir (mineur", note, StringComparison.Ordinal);
            Assert.Equal(note, item.GetProperty("explanation")[item.GetProperty("explanation").GetArrayLength() - 1].GetString());
        }
    }

    [SkippableFact]
    public async Task TheAnswer_CountsThePostsEachRuleExcluded_InFrench()
    {
        await app.SearchReady();
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var persons = await (await officer.GetAsync("/api/persons?pageSize=30")).Json();
        var summaries = new List<string>();
        foreach (var p in persons.GetProperty("items").EnumerateArray())
        {
            var answer = await (await officer.GetAsync($"/api/persons/{p.GetProperty("id").GetString()}/suitable-posts")).Json();
            var excluded = answer.GetProperty("excludedByRule").EnumerateObject().Sum(r => r.Value.GetInt32());
            Assert.True(answer.GetProperty("candidates").GetInt32() >= answer.GetProperty("items").GetArrayLength());
            summaries.AddRange(answer.GetProperty("summary").EnumerateArray().Select(s => s.GetString()!));
            if (excluded > 0) Assert.NotEmpty(answer.GetProperty("summary").EnumerateArray());
        }
        Assert.Contains(summaries, s => s.Contains("postes exclus : ", StringComparison.Ordinal));
    }

    [SkippableFact]
    public async Task APersonWithEveryHourDone_IsProposedNoPost_AndToldWhy()
    {
        await app.SearchReady();
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var person = PersonsApiTests.Person("69", "69123");
        person["hoursDone"] = person["hoursOrdered"];
        person["restrictions"] = null;
        var created = await officer.PostAsJsonAsync("/api/persons", person);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = await (await officer.GetAsync($"/api/persons/{(await created.Json()).GetProperty("id").GetString()}/suitable-posts")).Json();
        Assert.Equal(0, answer.GetProperty("items").GetArrayLength());
        Assert.Equal("Toutes les heures prononcées sont effectuées : aucun poste à proposer.", answer.GetProperty("summary")[0].GetString());
    }

    [SkippableFact]
    public async Task APersonOutOfScope_Is404_AndPartnersAre403()
    {
        await app.SearchReady();
        var page = await (await (await app.ClientFor(PlacementApp.Officer69)).GetAsync("/api/persons?pageSize=1")).Json();
        var id = page.GetProperty("items")[0].GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientFor(PlacementApp.Officer38)).GetAsync($"/api/persons/{id}/suitable-posts")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor(PlacementApp.Partner)).GetAsync($"/api/persons/{id}/suitable-posts")).StatusCode);
    }
}
