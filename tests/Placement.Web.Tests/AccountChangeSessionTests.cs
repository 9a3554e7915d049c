using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;

namespace Placement.Web.Tests;

/// <summary>
/// A change of an account — lock, role or scope, password — ends every session and token it had, at once: the bearer token
/// and the cookie issued before answer 401 (the API) and send to the sign-in page (pages); a new sign-in carries what the
/// account is now. An account nobody changed keeps its sessions.
/// </summary>
public sealed class AccountChangeSessionTests(PlacementApp app) : IClassFixture<PlacementApp>
{
    [SkippableFact]
    public async Task Locking_EndsTheAccountsTokenAndCookie_AtOnce()
    {
        var (id, email, password) = await NewOfficer("38");
        var (token, cookie) = (await Bearer(email, password), await Cookie(email, password));
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/persons")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/personnes")).StatusCode);
        var untouched = await Bearer(PlacementApp.Officer69, PlacementApp.Password);

        Assert.Equal(HttpStatusCode.OK, (await Admin().PostAsync($"/api/users/{id}/lock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/persons")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await cookie.GetAsync("/api/persons")).StatusCode);
        var page = await cookie.GetAsync("/personnes");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/connexion", page.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await untouched.GetAsync("/api/persons")).StatusCode);
    }

    [SkippableFact]
    public async Task Rescoping_OrResettingThePassword_EndsTheTokensIssuedBefore_AndANewSignInCarriesTheNewScope()
    {
        var (id, email, password) = await NewOfficer("38");
        var before = await Bearer(email, password);
        Assert.Equal(["38"], await Departements(before));

        var rescoped = await Admin().PutAsJsonAsync($"/api/users/{id}", new { email, displayName = "Agent changé", role = "officer", departements = new[] { "69" } });
        Assert.True(rescoped.StatusCode == HttpStatusCode.OK, await rescoped.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await before.GetAsync("/api/auth/me")).StatusCode);
        var after = await Bearer(email, password);
        Assert.Equal(["69"], await Departements(after));

        var reset = await Admin().PostAsync($"/api/users/{id}/reset-password", null);
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await after.GetAsync("/api/auth/me")).StatusCode);
    }

    [SkippableFact]
    public async Task ATemporaryPassword_OpensOnlyItsChange_ThenTheChosenOne_OpensTheService()
    {
        var email = $"agent-{Guid.NewGuid():N}@spip38.example";
        var created = await (await Admin().PostAsJsonAsync("/api/users", new { email, displayName = "Agent provisoire", role = "officer", departements = new[] { "38" } })).Json();
        var (id, temporary) = (created.GetProperty("account").GetProperty("id").GetString()!, created.GetProperty("temporaryPassword").GetString()!);
        var token = await Bearer(email, temporary);
        var refused = await token.GetAsync("/api/persons");
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("mot de passe est provisoire", (await refused.Json()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await token.GetAsync("/api/auth/me")).StatusCode);
        var cookie = await Cookie(email, temporary);
        var page = await cookie.GetAsync("/personnes?page=2");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Equal("/compte/mot-de-passe?returnUrl=%2Fpersonnes%3Fpage%3D2", page.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await cookie.GetAsync("/compte/mot-de-passe")).StatusCode);

        async Task<string[]> Refused(object change) => await (await token.PostAsJsonAsync("/api/account/password", change)).ErrorFields();
        Assert.Equal(["currentPassword"], await Refused(new { currentPassword = "pas-le-bon-Mot2passe!", newPassword = "Agent-provisoire-2026" }));
        Assert.Equal(["newPassword"], await Refused(new { currentPassword = temporary, newPassword = temporary }));
        Assert.Equal(["newPassword"], await Refused(new { currentPassword = temporary, newPassword = "court" }));
        Assert.Equal(["currentPassword", "newPassword"], await Refused(new { }));
        Assert.Equal(HttpStatusCode.NoContent, (await token.PostAsJsonAsync("/api/account/password", new { currentPassword = temporary, newPassword = "Agent-provisoire-2026" })).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await token.GetAsync("/api/auth/me")).StatusCode); // the password changed: every token ends
        Assert.Equal(HttpStatusCode.OK, (await (await Bearer(email, "Agent-provisoire-2026")).GetAsync("/api/persons")).StatusCode);

        // A password an administrator resets is a temporary one again.
        var reset = await (await Admin().PostAsync($"/api/users/{id}/reset-password", null)).Json();
        var again = await Bearer(email, reset.GetProperty("password").GetString()!);
        Assert.Equal(HttpStatusCode.Forbidden, (await again.GetAsync("/api/persons")).StatusCode);
    }

    [SkippableFact]
    public async Task TheDemoAccounts_AndAnApplicantsOwnPassword_AreNotTemporary()
    {
        Assert.Equal(HttpStatusCode.OK, (await (await Bearer(PlacementApp.Officer69, PlacementApp.Password)).GetAsync("/api/persons")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await Bearer(PlacementApp.Partner, PlacementApp.Password)).GetAsync("/api/placements")).StatusCode);
    }

    private HttpClient Admin() => app.ClientFor(PlacementApp.Admin).GetAwaiter().GetResult();

    private async Task<(string Id, string Email, string Password)> NewOfficer(string departement)
    {
        var email = $"agent-{Guid.NewGuid():N}@spip{departement}.example";
        var created = await Admin().PostAsJsonAsync("/api/users", new { email, displayName = "Agent de passage", role = "officer", departements = new[] { departement } });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var body = await created.Json();
        var chosen = "Agent-de-passage-" + Guid.NewGuid().ToString("N")[..6];
        var changed = await (await Bearer(email, body.GetProperty("temporaryPassword").GetString()!)).PostAsJsonAsync("/api/account/password",
            new { currentPassword = body.GetProperty("temporaryPassword").GetString(), newPassword = chosen });
        Assert.True(changed.StatusCode == HttpStatusCode.NoContent, await changed.Content.ReadAsStringAsync());
        return (body.GetProperty("account").GetProperty("id").GetString()!, email, chosen);
    }

    private async Task<HttpClient> Bearer(string email, string password)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var login = await client.PostAsJsonAsync("/api/auth/login", new { email, password });
        Assert.True(login.StatusCode == HttpStatusCode.OK, await login.Content.ReadAsStringAsync());
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await login.Json()).GetProperty("accessToken").GetString());
        return client;
    }

    private async Task<HttpClient> Cookie(string email, string password)
    {
        var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        (await client.PostAsJsonAsync("/api/auth/login?useCookies=true", new { email, password })).EnsureSuccessStatusCode();
        return client;
    }

    private static async Task<string[]> Departements(HttpClient client)
    {
        var me = await client.GetAsync("/api/auth/me");
        Assert.True(me.StatusCode == HttpStatusCode.OK, await me.Content.ReadAsStringAsync());
        return [.. (await me.Json()).GetProperty("departements").EnumerateArray().Select(d => d.GetString()!)];
    }
}
