using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Matching.Persistence;

namespace Placement.Web.Tests;

/// <summary>Records the API tests build on: a published post of the demo partner, and a person it suits.</summary>
internal static class Scenarios
{
    /// <summary>
    /// A published post of the demo partner's host body (Rhône): open every day but Sunday, light, accessible;
    /// <paramref name="edit"/> changes its fields before it is created (night work, particular risks…).
    /// </summary>
    public static async Task<string> PartnerPost(PlacementApp app, int capacity, Action<Dictionary<string, object?>>? edit = null)
    {
        var partner = await app.ClientFor(PlacementApp.Partner);
        var host = await PartnerHostBody(app);
        var hostBody = await (await partner.GetAsync($"/api/host-bodies/{host}")).Json();
        var post = CatalogueApiTests.Post(host);
        post["capacity"] = capacity;
        post["physicalDemand"] = "low";
        post["wheelchairAccessible"] = true;
        post["nearPublicTransport"] = true;
        post["maxWeeklyHoursPerPerson"] = 20;
        post["schedule"] = new[] { "mon", "tue", "wed", "thu", "fri", "sat" }.Select(d => new { day = d, start = "08:00", end = "18:00" }).ToArray();
        post["address"] = JsonSerializer.Deserialize<object>(hostBody.GetProperty("address").GetRawText());
        edit?.Invoke(post);
        var id = (await (await partner.PostAsJsonAsync("/api/posts", post)).Json()).GetProperty("id").GetString()!;
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        await partner.PostAsync($"/api/posts/{id}/submit", null);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/posts/{id}/publish", null)).StatusCode);
        return id;
    }

    public static async Task<string> PartnerHostBody(PlacementApp app)
    {
        var partner = await app.ClientFor(PlacementApp.Partner);
        return (await (await partner.GetAsync("/api/auth/me")).Json()).GetProperty("hostBodyId").GetString()!;
    }

    /// <summary>
    /// A placement the partner has confirmed (its sessions planned): a new post of the partner's host body, a person it suits with
    /// <paramref name="hours"/> ordered and <paramref name="done"/> already done, placed by the officer of the Rhône.
    /// </summary>
    public static async Task<(string Placement, string Person)> ConfirmedPlacement(PlacementApp app, double hours, double done = 0, string? caseNumber = null)
    {
        var postId = await PartnerPost(app, capacity: 3);
        var personId = await Person(app, postId, hours, caseNumber: caseNumber, edit: p => p["hoursDone"] = done);
        var created = await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync("/api/placements", new { personId, postId });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Json()).GetProperty("id").GetString()!;
        var confirmed = await (await app.ClientFor(PlacementApp.Partner)).PostAsync($"/api/placements/{id}/confirm", null);
        Assert.True(confirmed.StatusCode == HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        return (id, personId);
    }

    /// <summary>
    /// A person living at the post's address, free on Saturdays, whom the post suits; recorded by the officer of
    /// <paramref name="departement"/> (69 or 38), with the co-defendants or victims <paramref name="noContact"/>,
    /// born on <paramref name="birthDate"/> (an adult by default). Those of the officer's SPIP are named in the file; those of
    /// another SPIP are linked afterwards by their case number and birth date (<see cref="LinkCoDefendant"/>), as an officer must.
    /// </summary>
    public static async Task<string> Person(PlacementApp app, string postId, double hours = 40, string departement = "69", IEnumerable<string>? noContact = null,
        string? caseNumber = null, string? birthDate = null, Action<Dictionary<string, object?>>? edit = null)
    {
        var officer = await app.ClientFor(departement == "38" ? PlacementApp.Officer38 : PlacementApp.Officer69);
        var post = await (await officer.GetAsync($"/api/posts/{postId}")).Json();
        var person = PersonsApiTests.Person(departement, post.GetProperty("address").GetProperty("communeInsee").GetString()!);
        person["home"] = JsonSerializer.Deserialize<object>(post.GetProperty("address").GetRawText());
        var others = noContact?.ToList();
        var elsewhere = new List<string>();
        if (others is not null)
            foreach (var other in others)
                if ((await officer.GetAsync($"/api/persons/{other}")).StatusCode == HttpStatusCode.NotFound) elsewhere.Add(other);
        person["restrictions"] = others is null ? null : new { noContactWithPersonIds = others.Except(elsewhere).ToArray() };
        person["suspensions"] = null;
        person["hoursOrdered"] = hours;
        person["caseNumber"] = caseNumber;
        person["availability"] = new[] { new { day = "sat", start = "08:00", end = "17:00" } };
        if (birthDate is not null) person["birthDate"] = birthDate;
        edit?.Invoke(person);
        var response = await officer.PostAsJsonAsync("/api/persons", person);
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var id = (await response.Json()).GetProperty("id").GetString()!;
        foreach (var other in elsewhere) await LinkCoDefendant(app, officer, id, other);
        return id;
    }

    /// <summary>
    /// Links <paramref name="other"/> (any SPIP's person, with a case number) to <paramref name="person"/> as the officer does:
    /// <c>POST /api/persons/{id}/co-defendants</c> with the other's case number and birth date, as the judgment gives them.
    /// </summary>
    public static async Task<JsonElement> LinkCoDefendant(PlacementApp app, HttpClient officer, string person, string other)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(officer);
        string? number;
        DateOnly birth;
        using (var scope = app.Services.CreateScope())
        {
            var found = await scope.ServiceProvider.GetRequiredService<IMatchingStore>().Persons.AsNoTracking().SingleAsync(p => p.Id == Guid.Parse(other));
            (number, birth) = (found.CaseNumber, found.Profile.BirthDate);
        }
        Assert.True(number is not null, $"the co-defendant {other} of another SPIP has no case number: give them one to link them");
        var response = await officer.PostAsJsonAsync($"/api/persons/{person}/co-defendants", new { caseNumber = number, birthDate = birth });
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.Json();
    }

    /// <summary>
    /// A new host body named <paramref name="hostBodyName"/> and a published post of it, at its address, open six days a week
    /// 08:00–18:00 for 20 hours a week; <paramref name="edit"/> changes the post's fields before it is created.
    /// </summary>
    public static async Task<string> PublishedPostOfANewHostBody(HttpClient coordinator, string hostBodyName, Action<Dictionary<string, object?>> edit)
    {
        ArgumentNullException.ThrowIfNull(coordinator);
        ArgumentNullException.ThrowIfNull(edit);
        var host = await CatalogueApiTests.CreateHostBody(coordinator, hostBodyName);
        var hostBody = await (await coordinator.GetAsync($"/api/host-bodies/{host}")).Json();
        var post = CatalogueApiTests.Post(host);
        post["maxWeeklyHoursPerPerson"] = 20;
        post["schedule"] = new[] { "mon", "tue", "wed", "thu", "fri", "sat" }.Select(d => new { day = d, start = "08:00", end = "18:00" }).ToArray();
        post["address"] = JsonSerializer.Deserialize<object>(hostBody.GetProperty("address").GetRawText());
        edit(post);
        var created = await coordinator.PostAsJsonAsync("/api/posts", post);
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var postId = (await created.Json()).GetProperty("id").GetString()!;
        await coordinator.PostAsync($"/api/posts/{postId}/submit", null);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/posts/{postId}/publish", null)).StatusCode);
        return postId;
    }
}
