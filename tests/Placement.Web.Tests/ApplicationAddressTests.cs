using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Kernel.Notifications;
using Placement.Web.Data;

namespace Placement.Web.Tests;

/// <summary>A mailing service whose password hashing is counted.</summary>
public class CountedMailingApp : MailingApp
{
    public CountedMailingApp() => TestServices.Add(PasswordHashCounts.Register);

    public PasswordHashCounts Hashes => Services.GetRequiredService<PasswordHashCounts>();
}

/// <summary>
/// Issue 25, item 6 — « Devenir structure d'accueil » lists no account: an address that already has one is answered as a
/// new address, after the same work (its password hashed), but nothing is created (no host body, application or account)
/// and the account's owner is told by e-mail, at most once a day.
/// </summary>
public class ApplicationAddressTests(CountedMailingApp app) : IClassFixture<CountedMailingApp>
{
    private static object Application(string siret, string email, string password = PlacementApp.Password) => new
    {
        name = "Ressourcerie du Plateau", legalType = "association", siret,
        address = new { street = "3 rue des Tanneurs", communeInsee = "69123" },
        contact = new { name = "Inès Garnier", phone = "04 78 00 00 00" },
        applicant = new { name = "Inès Garnier", email, password },
    };

    private async Task<(int HostBodies, int Applications, int Users)> Counts()
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        return (await db.HostBodies.CountAsync(), await db.HostBodyApplications.CountAsync(), await db.Users.CountAsync());
    }

    /// <summary>An answer with what differs from one application to another (ids, the address given) blanked.</summary>
    private static async Task<string> Shape(HttpResponseMessage response, string email)
    {
        var text = await response.Content.ReadAsStringAsync();
        text = Regex.Replace(text, "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<id>");
        text = text.Replace(JsonSerializer.Serialize(email)[1..^1], "<email>", StringComparison.Ordinal);
        return $"{(int)response.StatusCode} {Regex.Replace(response.Headers.Location?.OriginalString ?? "", "[0-9a-f-]{36}", "<id>")} {Regex.Replace(text, "\"siret\":\"\\d{14}\"", "\"siret\":\"<siret>\"")}";
    }

    [SkippableFact]
    public async Task AnAddressWithAnAccount_IsAnsweredAsANewOne_CreatesNothing_AndItsOwnerIsMailedOnceADay()
    {
        var anonymous = await app.ClientFor(null);
        var fresh = $"ines.garnier-{Guid.NewGuid():N}@ressourcerie.example";
        var hashed = app.Hashes.Hashed;
        var created = await anonymous.PostAsJsonAsync("/api/host-body-applications", Application(CatalogueImportTests.NewSiret(), fresh));
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        Assert.Equal(1, app.Hashes.Hashed - hashed);

        var before = await Counts();
        hashed = app.Hashes.Hashed;
        var siret = CatalogueImportTests.NewSiret();
        var taken = await anonymous.PostAsJsonAsync("/api/host-body-applications", Application(siret, PlacementApp.Officer69));
        Assert.Equal(await Shape(created, fresh), await Shape(taken, PlacementApp.Officer69));
        Assert.Equal(1, app.Hashes.Hashed - hashed); // the same work: its password hashed, as an account created would have it
        Assert.Equal(before, await Counts());

        // The second time today, the owner is not told again; nothing is created either.
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("/api/host-body-applications", Application(CatalogueImportTests.NewSiret(), PlacementApp.Officer69.ToUpperInvariant()))).StatusCode);
        Assert.Equal(before, await Counts());
        await app.Job.RunAsync(CancellationToken.None);
        var mail = Assert.Single(app.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == PlacementApp.Officer69) && m.Subject == "Demande d'inscription faite avec votre adresse");
        Assert.Contains("Aucune nouvelle demande n'a été enregistrée et votre compte n'a pas changé.", mail.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Ressourcerie", mail.TextBody + mail.HtmlBody, StringComparison.Ordinal); // nothing the applicant typed
        Assert.DoesNotContain(app.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == fresh));

        // The SIRET of the application that created nothing is still free.
        var later = await anonymous.PostAsJsonAsync("/api/host-body-applications", Application(siret, $"autre-{Guid.NewGuid():N}@ressourcerie.example"));
        Assert.True(later.StatusCode == HttpStatusCode.Created, await later.Content.ReadAsStringAsync());

        // Tomorrow, another application with the address tells the owner again.
        app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("/api/host-body-applications", Application(CatalogueImportTests.NewSiret(), PlacementApp.Officer69))).StatusCode);
        await app.Job.RunAsync(CancellationToken.None);
        Assert.Equal(2, app.Smtp.Received.Count(m => m.To.Mailboxes.Any(a => a.Address == PlacementApp.Officer69) && m.Subject == "Demande d'inscription faite avec votre adresse"));
    }

    [SkippableFact]
    public async Task AnAccountAwaitingItsDecision_IsAnAddressWithAnAccountToo()
    {
        var anonymous = await app.ClientFor(null);
        var email = $"candidat-{Guid.NewGuid():N}@ressourcerie.example";
        Assert.Equal(HttpStatusCode.Created, (await anonymous.PostAsJsonAsync("/api/host-body-applications", Application(CatalogueImportTests.NewSiret(), email))).StatusCode);
        var before = await Counts();
        var again = await anonymous.PostAsJsonAsync("/api/host-body-applications", Application(CatalogueImportTests.NewSiret(), email));
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(before, await Counts());
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        var account = await db.Users.SingleAsync(u => u.Email == email);
        Assert.Single(await db.NotificationEvents.Where(e => e.Kind == NotificationKind.ApplicationWithAccountAddress && e.AccountId == account.Id).ToListAsync());
    }

    [SkippableFact]
    public async Task AnInvalidApplication_NamesTheSameFields_WhetherOrNotTheAddressHasAnAccount()
    {
        var anonymous = await app.ClientFor(null);
        var fresh = await anonymous.PostAsJsonAsync("/api/host-body-applications", Application("12345678900012", $"personne-{Guid.NewGuid():N}@ressourcerie.example", "court"));
        var taken = await anonymous.PostAsJsonAsync("/api/host-body-applications", Application("12345678900012", PlacementApp.Partner, "court"));
        var errors = (await fresh.Json()).GetProperty("errors");
        Assert.Equal(["applicant.password", "siret"], errors.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal(HttpStatusCode.BadRequest, taken.StatusCode);
        Assert.Equal(errors.ToString(), (await taken.Json()).GetProperty("errors").ToString());
    }

    [SkippableFact]
    public async Task ThePage_SaysTheSameForAnAddressWithAnAccount_AndCreatesNothing()
    {
        await app.IndexFilled();
        var said = new List<string>();
        var before = await Counts();
        foreach (var email in new[] { PlacementApp.Coordinator, $"nouvelle-{Guid.NewGuid():N}@ressourcerie.example" })
        {
            var client = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
            var form = await client.GetStringAsync("/devenir-structure-d-accueil");
            var token = Regex.Match(form, "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
            var posted = await client.PostAsync("/devenir-structure-d-accueil", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.Name"] = "Ressourcerie du Plateau", ["Input.LegalType"] = "association", ["Input.Siret"] = CatalogueImportTests.NewSiret(),
                ["Input.Address.Street"] = "3 rue des Tanneurs", ["Input.Address.CommuneInsee"] = "69123", ["Input.Contact.Name"] = "Inès Garnier",
                ["Input.Contact.Phone"] = "04 78 00 00 00", ["Input.Applicant.Name"] = "Inès Garnier", ["Input.Applicant.Email"] = email,
                ["Input.Applicant.Password"] = PlacementApp.Password, ["Input.Applicant.PasswordConfirmation"] = PlacementApp.Password,
                ["__RequestVerificationToken"] = token,
            }));
            Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
            var page = await client.GetStringAsync(posted.Headers.Location);
            said.Add(Regex.Match(page, "<div class=\"fr-alert fr-alert--success.*?</div>", RegexOptions.Singleline).Value);
        }
        Assert.Contains("Votre demande est enregistrée", said[0], StringComparison.Ordinal);
        Assert.Equal(said[0], said[1]);
        var after = await Counts();
        Assert.Equal((before.HostBodies + 1, before.Applications + 1, before.Users + 1), after); // the new address's only
    }
}

/// <summary>The same, on PostgreSQL (a fresh database; skipped, with the reason, without a server).</summary>
public sealed class PostgresCountedMailingApp : CountedMailingApp
{
    public PostgresCountedMailingApp() => Database = new PostgresTestDatabase();
}

public sealed class ApplicationAddressTestsOnPostgres(PostgresCountedMailingApp app) : ApplicationAddressTests(app), IClassFixture<PostgresCountedMailingApp>;
