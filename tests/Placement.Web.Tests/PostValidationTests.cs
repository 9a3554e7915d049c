using System.Net;

namespace Placement.Web.Tests;

/// <summary>The SPIP refuses a submitted post with a reason the partner reads; the partner reopens a post it suspended.</summary>
[Collection(ApiCollection.Name)]
public class PostValidationTests(PlacementApp app)
{
    private async Task<string> SubmittedPost()
    {
        var partner = await app.ClientFor(PlacementApp.Partner);
        var post = CatalogueApiTests.Post(await Scenarios.PartnerHostBody(app));
        var id = (await (await partner.PostAsJsonAsync("/api/posts", post)).Json()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/posts/{id}/submit", null)).StatusCode);
        return id;
    }

    [SkippableFact]
    public async Task ARefusal_NeedsAReason_SendsThePostBackToDraft_AndThePartnerReadsIt_UntilPublished()
    {
        var id = await SubmittedPost();
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var partner = await app.ClientFor(PlacementApp.Partner);
        Assert.Equal(["reason"], await (await coordinator.PostAsJsonAsync($"/api/posts/{id}/refuse", new { reason = " " })).ErrorFields());
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsJsonAsync($"/api/posts/{id}/refuse", new { reason = "moi-même" })).StatusCode);

        var refused = await (await coordinator.PostAsJsonAsync($"/api/posts/{id}/refuse", new { reason = "Horaires incompatibles avec l'accueil d'un tuteur." })).Json();
        Assert.Equal("draft", refused.GetProperty("status").GetString());
        var seen = await (await partner.GetAsync($"/api/posts/{id}")).Json();
        Assert.Equal("Horaires incompatibles avec l'accueil d'un tuteur.", seen.GetProperty("refusalReason").GetString());
        Assert.Equal(HttpStatusCode.Conflict, (await coordinator.PostAsJsonAsync($"/api/posts/{id}/refuse", new { reason = "encore" })).StatusCode);

        await partner.PostAsync($"/api/posts/{id}/submit", null);
        var published = await (await coordinator.PostAsync($"/api/posts/{id}/publish", null)).Json();
        Assert.Equal("published", published.GetProperty("status").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, published.GetProperty("refusalReason").ValueKind);
    }

    [SkippableFact]
    public async Task APartner_SuspendsAndReopensItsPublishedPost_WithoutNewValidation()
    {
        var id = await Scenarios.PartnerPost(app, capacity: 1);
        var partner = await app.ClientFor(PlacementApp.Partner);
        Assert.Equal(HttpStatusCode.Conflict, (await partner.PostAsync($"/api/posts/{id}/reopen", null)).StatusCode);
        Assert.Equal("suspended", (await (await partner.PostAsync($"/api/posts/{id}/suspend", null)).Json()).GetProperty("status").GetString());
        Assert.Equal("published", (await (await partner.PostAsync($"/api/posts/{id}/reopen", null)).Json()).GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor(PlacementApp.Officer69)).PostAsync($"/api/posts/{id}/reopen", null)).StatusCode);
    }
}
