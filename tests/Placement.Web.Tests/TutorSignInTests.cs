using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Web.Identity;

namespace Placement.Web.Tests;

/// <summary>A tutor signs in by a link sent to their e-mail, once and for 15 minutes; their calendar feed (ICS).</summary>
public sealed class TutorSignInTests(TutorSignInTests.App app) : IClassFixture<TutorSignInTests.App>
{
    /// <summary>The demo tutor of two placements (« Atelier et chantier d'insertion »).</summary>
    public const string Tutor = "albane.julien@atelier-et-chantier-d-insertion-de-st.fr";

    public sealed class App : MailingApp
    {
        public App() => Settings["Placement:SignIn:LinksPerAddressPerHour"] = "100";
    }

    private HttpClient CookieClient() =>
        app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });

    private static string Antiforgery(string html) =>
        Regex.Match(html, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;

    /// <summary>Asks for a link for <paramref name="email"/> on the page; the page's HTML.</summary>
    private static async Task<(HttpStatusCode Status, string Html)> AskLink(HttpClient client, string email)
    {
        var form = await client.GetStringAsync("/connexion/tuteur");
        var response = await client.PostAsync("/connexion/tuteur", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.Email"] = email, ["__RequestVerificationToken"] = Antiforgery(form),
        }));
        return (response.StatusCode, WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The link of the last mail to <paramref name="email"/>, as a local path.</summary>
    internal static string LastLink(LoopbackSmtpServer smtp, string email)
    {
        var mail = smtp.Received.Last(m => m.To.Mailboxes.Any(a => a.Address == email));
        var link = Regex.Match(mail.TextBody!, @"https://placement\.example(/connexion/lien\?token=\S+)").Groups[1].Value;
        Assert.NotEmpty(link);
        return link;
    }

    /// <summary>Opens the link and confirms; the answer of the confirmation.</summary>
    private static async Task<HttpResponseMessage> Follow(HttpClient client, string link)
    {
        var page = await client.GetStringAsync(link);
        // An invalid link's page has no form: the confirmation is sent as a stale page would send it.
        if (Antiforgery(page).Length == 0) page = await client.GetStringAsync("/connexion/tuteur");
        var token = Uri.UnescapeDataString(link[(link.IndexOf("token=", StringComparison.Ordinal) + 6)..]);
        return await client.PostAsync("/connexion/lien", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["token"] = token, ["__RequestVerificationToken"] = Antiforgery(page),
        }));
    }

    private async Task<HttpClient> SignedInTutor()
    {
        await app.IndexFilled();
        var client = CookieClient();
        var (status, html) = await AskLink(client, "  Albane.Julien@Atelier-et-chantier-d-insertion-de-st.fr ");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Placement.Web.Features.Account.TutorSignInModel.Answer, html, StringComparison.Ordinal);
        var response = await Follow(client, LastLink(app.Smtp, Tutor));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/structure/aujourdhui", response.Headers.Location?.OriginalString);
        return client;
    }

    [Fact]
    public async Task Link_SignsInAsTutor_WhoSeesOnlyTheirPlacements()
    {
        var client = await SignedInTutor();
        var me = await (await client.GetAsync("/api/auth/me")).Json();
        Assert.Contains("Tutor", me.ToString(), StringComparison.Ordinal);
        var placements = Items(await (await client.GetAsync("/api/placements")).Json());
        Assert.Equal(2, placements.Count);

        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
        var theirPosts = store.Posts.Where(p => p.TutorEmail == Tutor).Select(p => p.Id).ToHashSet();
        Assert.All(placements, p => Assert.Contains(Guid.Parse(p.GetProperty("postId").GetString()!), theirPosts));
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PlacementUser>>();
        var user = await users.FindByEmailAsync(Tutor);
        Assert.NotNull(user);
        Assert.Null(user.PasswordHash);
        Assert.Equal(["Tutor"], await users.GetRolesAsync(user));
        Assert.Equal("Albane Julien", user.DisplayName);

        // Nothing of the partner's or the officers' side.
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/persons")).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/structure/placements")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/structure/agenda")).StatusCode);
    }

    [Fact]
    public async Task Link_FailsTheSecondTime()
    {
        await app.IndexFilled();
        var client = CookieClient();
        await AskLink(client, Tutor);
        var link = LastLink(app.Smtp, Tutor);
        Assert.Equal(HttpStatusCode.Redirect, (await Follow(client, link)).StatusCode);

        var again = CookieClient();
        var page = await again.GetStringAsync(link);
        Assert.Contains("Ce lien n'est plus valable", WebUtility.HtmlDecode(page), StringComparison.Ordinal);
        var response = await Follow(again, link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ce lien n'est plus valable", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await again.GetAsync("/api/placements")).StatusCode);
    }

    [Fact]
    public async Task Link_Fails_After15Minutes()
    {
        await app.IndexFilled();
        var client = CookieClient();
        await AskLink(client, Tutor);
        var link = LastLink(app.Smtp, Tutor);
        app.Clock.Advance(TimeSpan.FromMinutes(15) + TimeSpan.FromSeconds(1));
        var response = await Follow(client, link);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Ce lien n'est plus valable", WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync()), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ForgedLink_SaysItIsNoLongerValid_WithoutATrace()
    {
        var client = CookieClient();
        var page = WebUtility.HtmlDecode(await client.GetStringAsync("/connexion/lien?token=abc%2Fnot-a-token"));
        Assert.Contains("Ce lien n'est plus valable", page, StringComparison.Ordinal);
        Assert.Contains("Recevoir un nouveau lien", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownAddress_SameAnswer_NoMail()
    {
        await app.IndexFilled();
        var before = app.Smtp.Received.Count;
        var (status, html) = await AskLink(CookieClient(), "personne@nulle-part.example");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(Placement.Web.Features.Account.TutorSignInModel.Answer, html, StringComparison.Ordinal);
        // A partner's account keeps its password: no link either.
        Assert.Contains(Placement.Web.Features.Account.TutorSignInModel.Answer, (await AskLink(CookieClient(), PlacementApp.Partner)).Html, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.Equal(before, app.Smtp.Received.Count(m => true));
    }

    [Fact]
    public async Task MalformedAddress_IsTheFieldsError()
    {
        var (status, html) = await AskLink(CookieClient(), "pas une adresse");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("fr-input-group--error", html, StringComparison.Ordinal);
        Assert.Contains("Saisissez une adresse électronique valide", html, StringComparison.Ordinal);
        Assert.DoesNotContain(Placement.Web.Features.Account.TutorSignInModel.Answer, html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CalendarFeed_ParsesBack_FirstNameAndInitialOnly_CancelledSaySo()
    {
        var client = await SignedInTutor();
        var placements = Items(await (await client.GetAsync("/api/placements")).Json());
        var placementId = Guid.Parse(placements[0].GetProperty("id").GetString()!);
        var firstName = placements[0].GetProperty("personFirstName").GetString()!;
        Guid planned = Guid.NewGuid(), cancelled = Guid.NewGuid(), old = Guid.NewGuid();
        string lastName;
        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
            var placement = store.Placements.Single(p => p.Id == placementId);
            lastName = store.Persons.Single(p => p.Id == placement.PersonId).Profile.LastName;
            var now = app.Clock.GetUtcNow();
            store.Sessions.Add(new WorkSession(planned, placementId, new DateOnly(2026, 12, 2), new TimeOnly(9, 0), new TimeOnly(12, 30), "test", now));
            var gone = new WorkSession(cancelled, placementId, new DateOnly(2026, 12, 3), new TimeOnly(14, 0), new TimeOnly(17, 0), "test", now);
            gone.Cancel("Jour férié local", now);
            store.Sessions.Add(gone);
            store.Sessions.Add(new WorkSession(old, placementId, new DateOnly(2026, 9, 1), new TimeOnly(9, 0), new TimeOnly(12, 0), "test", now));
            await ((Microsoft.EntityFrameworkCore.DbContext)store).SaveChangesAsync();
        }

        // The page gives the address.
        var page = await client.GetStringAsync("/structure/agenda");
        var post = await client.PostAsync("/structure/agenda?handler=Renew", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Antiforgery(page) }));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        page = WebUtility.HtmlDecode(await client.GetStringAsync("/structure/agenda"));
        var feed = Regex.Match(page, @"value=""https?://[^/""]+(/api/tutors/me/calendar\.ics\?token=[^""]+)""").Groups[1].Value;
        Assert.NotEmpty(feed);

        var calendarApp = app.CreateClient();
        var response = await calendarApp.GetAsync(feed);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/calendar", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        var text = await response.Content.ReadAsStringAsync();
        var calendar = Ical.Net.Calendar.Load(text)!;
        var events = calendar.Events.ToDictionary(e => e.Uid!);
        Assert.DoesNotContain($"{old}@placement", events.Keys);
        var first = events[$"{planned}@placement"];
        Assert.StartsWith($"TIG — {firstName} {lastName[0]}. — ", first.Summary, StringComparison.Ordinal);
        Assert.Equal("Europe/Paris", first.DtStart!.TzId);
        Assert.Equal(new DateTime(2026, 12, 2, 9, 0, 0), first.DtStart.Value);
        Assert.Equal(new DateTime(2026, 12, 2, 12, 30, 0), first.DtEnd!.Value);
        Assert.False(string.IsNullOrWhiteSpace(first.Location));
        Assert.Equal("CANCELLED", events[$"{cancelled}@placement"].Status);
        Assert.DoesNotContain(lastName, text, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("TZID=Europe/Paris", text, StringComparison.Ordinal);

        // A new address revokes the former one: 404 ProblemDetails, as for any bad token.
        page = await client.GetStringAsync("/structure/agenda");
        await client.PostAsync("/structure/agenda?handler=Renew", new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = Antiforgery(page) }));
        var revoked = await calendarApp.GetAsync(feed);
        Assert.Equal(HttpStatusCode.NotFound, revoked.StatusCode);
        Assert.Equal("application/problem+json", revoked.Content.Headers.ContentType?.MediaType);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?token=nope")]
    [InlineData("?token=00000000-0000-0000-0000-000000000000.AAAA")]
    public async Task CalendarFeed_BadToken_Is404(string query)
    {
        var response = await app.CreateClient().GetAsync("/api/tutors/me/calendar.ics" + query);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    private static List<System.Text.Json.JsonElement> Items(System.Text.Json.JsonElement json) =>
        json.ValueKind == System.Text.Json.JsonValueKind.Array ? [.. json.EnumerateArray()] : [.. json.GetProperty("items").EnumerateArray()];
}
