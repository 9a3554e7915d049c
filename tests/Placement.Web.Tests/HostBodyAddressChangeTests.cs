using System.Net;
using System.Text.Json;

namespace Placement.Web.Tests;

/// <summary>
/// A partner's host body stays in its SPIP's territory: a new address waits for the SPIP's decision, the address in force
/// staying that of its posts, maps and searches until then; a change of département is refused — it is the SPIP's act.
/// </summary>
[Collection(ApiCollection.Name)]
public sealed class HostBodyAddressChangeTests(PlacementApp app)
{
    private static Dictionary<string, JsonElement> WithAddress(JsonElement hostBody, string street, string commune)
    {
        var edited = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(hostBody.GetRawText())!;
        edited["address"] = JsonSerializer.SerializeToElement(new { street, communeInsee = commune });
        return edited;
    }

    private async Task<(HttpClient Partner, HttpClient Coordinator, string Id)> APartnersHostBody(string name)
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var id = await CatalogueApiTests.CreateHostBody(coordinator, name);
        var email = $"partenaire-{id[..8]}@test.placement";
        await app.PartnerAccount(email, id, "69");
        return (await app.ClientFor(email), coordinator, id);
    }

    [SkippableFact]
    public async Task APartnerMovingItsHostBodyToParis_IsRefusedOnTheCommune_AndNothingChanges()
    {
        var (partner, coordinator, id) = await APartnersHostBody("Régie de quartier des Pentes");
        var before = await (await partner.GetAsync($"/api/host-bodies/{id}")).Json();

        var moved = await partner.PutAsJsonAsync($"/api/host-bodies/{id}", WithAddress(before, "12 place Léon Blum", "75056"));
        Assert.Equal(HttpStatusCode.BadRequest, moved.StatusCode);
        Assert.Equal(["address.communeInsee"], await moved.ErrorFields());
        Assert.Contains("ne change que par le SPIP", (await moved.Content.ReadAsStringAsync()), StringComparison.Ordinal);

        var after = await (await coordinator.GetAsync($"/api/host-bodies/{id}")).Json(); // still the coordinator's: 200, not 403
        Assert.Equal(("69", before.GetProperty("address").GetRawText()), (after.GetProperty("departement").GetString(), after.GetProperty("address").GetRawText()));
        Assert.Equal(JsonValueKind.Null, after.GetProperty("proposedAddress").ValueKind);
    }

    [SkippableFact]
    public async Task APartnersNewAddress_WaitsForTheSpip_WhoAcceptsOrRefusesIt()
    {
        var (partner, coordinator, id) = await APartnersHostBody("Atelier vélo de Vénissieux");
        var before = await (await partner.GetAsync($"/api/host-bodies/{id}")).Json();
        var proposal = WithAddress(before, "5 rue Gaspard Picard", "69259");
        proposal["contact"] = JsonSerializer.SerializeToElement(new { name = "Nouvelle tutrice", email = "tutrice@atelier-velo.fr" });

        var proposed = await (await partner.PutAsJsonAsync($"/api/host-bodies/{id}", proposal)).Json();
        Assert.Equal(before.GetProperty("address").GetRawText(), proposed.GetProperty("address").GetRawText()); // in force: the old one
        Assert.Equal(("5 rue Gaspard Picard", "69259"), (proposed.GetProperty("proposedAddress").GetProperty("street").GetString(), proposed.GetProperty("proposedAddress").GetProperty("communeInsee").GetString()));
        Assert.Equal("Nouvelle tutrice", proposed.GetProperty("contact").GetProperty("name").GetString()); // the rest is in force at once

        var queue = await (await coordinator.GetAsync("/api/validation-queue")).Json();
        Assert.Contains(queue.GetProperty("addressChanges").EnumerateArray(), h => h.GetProperty("id").GetString() == id);
        Assert.Equal(HttpStatusCode.Forbidden, (await partner.PostAsync($"/api/host-bodies/{id}/address-change/accept", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor(await app.Account("coordinateur75-adresses@test.placement", Placement.Web.Identity.Roles.Coordinator, "75"))).PostAsync($"/api/host-bodies/{id}/address-change/accept", null)).StatusCode);

        var accepted = await coordinator.PostAsync($"/api/host-bodies/{id}/address-change/accept", null);
        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        var inForce = await accepted.Json();
        Assert.Equal(("5 rue Gaspard Picard", "69259"), (inForce.GetProperty("address").GetProperty("street").GetString(), inForce.GetProperty("address").GetProperty("communeInsee").GetString()));
        Assert.Equal(JsonValueKind.Null, inForce.GetProperty("proposedAddress").ValueKind);
        Assert.DoesNotContain((await (await coordinator.GetAsync("/api/validation-queue")).Json()).GetProperty("addressChanges").EnumerateArray(), h => h.GetProperty("id").GetString() == id);
        Assert.Equal(["proposedAddress"], await (await coordinator.PostAsync($"/api/host-bodies/{id}/address-change/refuse", null)).ErrorFields(), StringComparer.Ordinal);

        await partner.PutAsJsonAsync($"/api/host-bodies/{id}", WithAddress(inForce, "1 place Léon Sublet", "69259"));
        var refused = await (await coordinator.PostAsync($"/api/host-bodies/{id}/address-change/refuse", null)).Json();
        Assert.Equal("5 rue Gaspard Picard", refused.GetProperty("address").GetProperty("street").GetString());
        Assert.Equal(JsonValueKind.Null, refused.GetProperty("proposedAddress").ValueKind);
    }

    [SkippableFact]
    public async Task TheSpipsOwnEdit_OfTheAddress_IsInForceAtOnce()
    {
        var (_, coordinator, id) = await APartnersHostBody("Ressourcerie de Bron");
        var before = await (await coordinator.GetAsync($"/api/host-bodies/{id}")).Json();
        var edited = await (await coordinator.PutAsJsonAsync($"/api/host-bodies/{id}", WithAddress(before, "2 avenue Franklin Roosevelt", "69029"))).Json();
        Assert.Equal("69029", edited.GetProperty("address").GetProperty("communeInsee").GetString());
        Assert.Equal(JsonValueKind.Null, edited.GetProperty("proposedAddress").ValueKind);
    }
}
