using System.Net;
using System.Text.Json;

namespace Placement.Web.Tests;

/// <summary>HTML in a text field is text: stored as sent, given back as sent by the API, always escaped by the pages.</summary>
public sealed class TextFieldTests : IClassFixture<PlacementApp>
{
    private const string Payload = "<img src=x onerror=alert(1)><script>alert('x')</script>";

    private readonly PlacementApp _app;

    public TextFieldTests(PlacementApp app) => _app = app;

    [Fact]
    public async Task HtmlInEveryTextFieldOfAPerson_IsStoredAsText_AndEveryPageEscapesIt()
    {
        var officer = await _app.ClientFor(PlacementApp.Officer69);
        var person = PersonsApiTests.Person("69", "69266");
        person["firstName"] = "Léa " + Payload;
        person["lastName"] = "Zz" + Payload;
        person["skills"] = new[] { "<b>cuisine</b>" };
        person["referentOfficer"] = new { name = "Agent " + Payload, email = "cpip69@demo.placement" };
        person["home"] = new { street = "3 rue " + Payload, communeInsee = "69266" };
        var created = await officer.PostAsJsonAsync("/api/persons", person);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Json()).GetProperty("id").GetString();

        var stored = await (await officer.GetAsync($"/api/persons/{id}")).Json();
        Assert.Equal("Léa " + Payload, stored.GetProperty("firstName").GetString());
        Assert.Equal("3 rue " + Payload, stored.GetProperty("home").GetProperty("street").GetString());
        foreach (var path in new[] { $"/personnes/{id}", $"/personnes/{id}/modifier", "/personnes?q=Zz", $"/personnes/{id}/postes" })
        {
            var html = await (await officer.GetAsync(path)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.DoesNotContain("<script>alert(", html, StringComparison.Ordinal);
            Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task HtmlInAHostBodysTexts_IsEscapedInTheCatalogueAndTheAdministration()
    {
        var coordinator = await _app.ClientFor(PlacementApp.Coordinator);
        var created = await coordinator.PostAsJsonAsync("/api/host-bodies", CatalogueApiTests.HostBody("Maison " + Payload));
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Json()).GetProperty("id").GetString();
        Assert.Equal("Maison " + Payload, (await (await coordinator.GetAsync($"/api/host-bodies/{id}")).Json()).GetProperty("name").GetString());
        var admin = await _app.ClientFor(PlacementApp.Admin);
        foreach (var (client, path) in new[] { (admin, $"/administration/structures/{id}"), (admin, "/administration/structures?q=Maison") })
        {
            var html = await (await client.GetAsync(path)).Content.ReadAsStringAsync();
            Assert.DoesNotContain("<img src=x", html, StringComparison.Ordinal);
            Assert.Contains("Maison &lt;img src=x onerror=alert(1)&gt;", html, StringComparison.Ordinal);
        }
    }
}
