using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Kernel.Notifications;
using Placement.Web.Data;
using Placement.Notifications.Domain;
using Placement.Notifications.Dispatch;
using Placement.Notifications.Mail;

namespace Placement.Web.Tests;

/// <summary>The service, its e-mails sent through a real SMTP server of the test process on a loopback port.</summary>
public class MailingApp : PlacementApp
{
    public LoopbackSmtpServer Smtp { get; } = new();

    public MailingApp()
    {
        Settings["Placement:Mail:Host"] = "127.0.0.1";
        Settings["Placement:Mail:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Settings["Placement:Mail:Security"] = "None";
        Settings["Placement:Mail:From"] = "placement@spip69.invalid";
        Settings["Placement:Mail:BaseUrl"] = "https://placement.example";
    }

    public NotificationJob Job => Services.GetRequiredService<NotificationJob>();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Database?.Drop();
    }

    /// <summary>Set by the PostgreSQL variant: the service's own database there.</summary>
    protected PostgresTestDatabase? Database { get; init; }

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        Database?.Configure(Settings);
        base.ConfigureWebHost(builder);
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

/// <summary>The same, on PostgreSQL (a fresh database; skipped, with the reason, without a server).</summary>
public sealed class PostgresMailingApp : MailingApp
{
    public PostgresMailingApp() => Database = new PostgresTestDatabase();
}

/// <summary>
/// Issue 14, first part: events written with the change that causes them, turned into one notification per recipient,
/// and e-mailed — received and read back by a real SMTP server; retried after a refusal, sent once.
/// </summary>
public class NotificationTests(MailingApp app) : IClassFixture<MailingApp>
{
    private async Task<(string Placement, string Person)> ProposeAsync()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 1);
        var person = await Scenarios.Person(app, post, hours: 20);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var created = await officer.PostAsJsonAsync("/api/placements", new { personId = person, postId = post });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return ((await created.Json()).GetProperty("id").GetString()!, person);
    }

    private List<MimeKit.MimeMessage> MailsAbout(string text) =>
        [.. app.Smtp.Received.Where(m => (m.TextBody ?? "").Contains(text, StringComparison.Ordinal) || (m.Subject ?? "").Contains(text, StringComparison.Ordinal))];

    [SkippableFact]
    public async Task AProposedPlacement_IsMailedToThePartner_WithTheScheduleAndTheOfficer_NeverJudicialData()
    {
        var (placement, _) = await ProposeAsync();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
            Assert.Single(await db.NotificationEvents.Where(e => e.PlacementId == Guid.Parse(placement) && e.Kind == NotificationKind.PlacementProposed).ToListAsync());
        }
        await app.Job.RunAsync(CancellationToken.None);

        var eventId = Guid.Parse(GetEventId(placement)).ToString("N");
        var mail = Assert.Single(app.Smtp.Received, m => m.To.Mailboxes.Any(a => a.Address == PlacementApp.Partner) && (m.MessageId ?? "").StartsWith(eventId, StringComparison.Ordinal));
        Assert.StartsWith("Placement proposé : ", mail.Subject, StringComparison.Ordinal);
        var text = mail.TextBody!;
        Assert.Contains("Horaires du poste : ", text, StringComparison.Ordinal);
        Assert.Contains("Agent référent du SPIP : Agent CPIP du Rhône, cpip69@demo.placement", text, StringComparison.Ordinal);
        Assert.Contains("https://placement.example/structure/placements", text, StringComparison.Ordinal);
        Assert.Contains("https://placement.example/structure/placements", mail.HtmlBody, StringComparison.Ordinal);
        foreach (var secret in new[] { "Benali", "1999", "interdiction", "restriction", "heures prononcées" })
        {
            Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(secret, mail.HtmlBody, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Equal("placement@spip69.invalid", mail.From.Mailboxes.Single().Address);
    }

    private string GetEventId(string placement)
    {
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        return db.NotificationEvents.Single(e => e.PlacementId == Guid.Parse(placement) && e.Kind == NotificationKind.PlacementProposed).Id.ToString();
    }

    [SkippableFact]
    public async Task AConfirmation_TellsTheReferentOfficer_InTheApplicationAndByMail()
    {
        var (placement, person) = await ProposeAsync();
        var partner = await app.ClientFor(PlacementApp.Partner);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/placements/{placement}/confirm", null)).StatusCode);
        await app.Job.RunAsync(CancellationToken.None);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        var e = await db.NotificationEvents.SingleAsync(x => x.PlacementId == Guid.Parse(placement) && x.Kind == NotificationKind.PlacementConfirmed);
        var n = await db.Notifications.SingleAsync(x => x.EventId == e.Id);
        Assert.Equal(PlacementApp.Officer69, n.Email);
        Assert.Equal((await db.Users.SingleAsync(u => u.Email == PlacementApp.Officer69)).Id, n.AccountId); // linked to the account by its address
        Assert.Equal($"/personnes/{person}", n.Link);
        Assert.Equal(MailStatus.Digest, n.MailStatus); // news, for the daily digest by default (NotificationChoicesTests)
    }

    [SkippableFact]
    public async Task ARefusedMail_IsRetriedAfterItsWait_AndSentOnce_AndTurningAnEventAgainAddsNothing()
    {
        var (placement, _) = await ProposeAsync();
        var partner = await app.ClientFor(PlacementApp.Partner);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsJsonAsync($"/api/placements/{placement}/decline", new { reason = "Plus de tuteur disponible le samedi" })).StatusCode);
        await app.Job.DispatchAsync();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        var e = await db.NotificationEvents.AsNoTracking().SingleAsync(x => x.PlacementId == Guid.Parse(placement) && x.Kind == NotificationKind.PlacementDeclined);

        app.Smtp.RefuseNext = 100; // every message refused for now
        try
        {
            await app.Job.DeliverAsync();
        }
        finally
        {
            app.Smtp.RefuseNext = 0; // the other tests of the class share the server
        }
        var n = await db.Notifications.AsNoTracking().SingleAsync(x => x.EventId == e.Id);
        Assert.Equal((MailStatus.Pending, 1), (n.MailStatus, n.Attempts));
        Assert.Contains("Boite indisponible", n.LastError, StringComparison.Ordinal);
        Assert.Equal(app.Clock.GetUtcNow().AddMinutes(1), n.NextAttemptAt);

        await app.Job.DeliverAsync(); // not due yet
        Assert.Empty(MailsAbout("Plus de tuteur disponible le samedi"));
        app.Clock.Advance(TimeSpan.FromMinutes(1));
        await app.Job.DeliverAsync();
        await app.Job.DeliverAsync();
        var mail = Assert.Single(MailsAbout("Plus de tuteur disponible le samedi"));
        Assert.Equal("Motif : Plus de tuteur disponible le samedi", mail.TextBody!.Split('\n').Single(l => l.StartsWith("Motif", StringComparison.Ordinal)));
        var sent = await db.Notifications.AsNoTracking().SingleAsync(x => x.EventId == e.Id);
        Assert.Equal((MailStatus.Sent, 2), (sent.MailStatus, sent.Attempts)); // the failed attempt and the one that went

        // The same event turned into notifications again (a crash before its mark was saved): nothing new.
        await db.Database.ExecuteSqlInterpolatedAsync($"UPDATE \"NotificationEvents\" SET \"DispatchedAt\" = NULL WHERE \"Id\" = {e.Id}");
        await app.Job.RunAsync(CancellationToken.None);
        Assert.Equal(1, await db.Notifications.CountAsync(x => x.EventId == e.Id));
        Assert.Single(MailsAbout("Plus de tuteur disponible le samedi"));
    }

    [SkippableFact]
    public async Task WithoutAnSmtpServer_EachMailIsAnEmlFile_NamedByItsMessageId_OnceEach()
    {
        var folder = Directory.CreateTempSubdirectory("placement-eml-").FullName;
        try
        {
            var sender = new EmlFileMailSender(folder);
            var message = new MimeKit.MimeMessage { Subject = "Placement proposé : essai", MessageId = "abc.123@spip69.invalid" };
            message.From.Add(new MimeKit.MailboxAddress("Placement TIG", "placement@spip69.invalid"));
            message.To.Add(new MimeKit.MailboxAddress(null, "partenaire@demo.placement"));
            message.Body = new MimeKit.TextPart("plain") { Text = "Bonjour" };
            await sender.SendAsync(message, CancellationToken.None);
            await sender.SendAsync(message, CancellationToken.None);
            var file = Assert.Single(Directory.GetFiles(folder));
            Assert.Equal("abc.123@spip69.invalid.eml", Path.GetFileName(file));
            Assert.Equal("Placement proposé : essai", (await MimeKit.MimeMessage.LoadAsync(file)).Subject);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [SkippableFact]
    public async Task EachUser_SeesAndMarksOnlyTheirOwnNotifications()
    {
        var (placement, _) = await ProposeAsync();
        await app.Job.RunAsync(CancellationToken.None);
        var partner = await app.ClientFor(PlacementApp.Partner);
        var mine = await (await partner.GetAsync("/api/notifications?unread=true")).Json();
        var unread = mine.GetProperty("unread").GetInt32();
        Assert.True(unread >= 1);
        var item = mine.GetProperty("items").EnumerateArray().First(i => i.GetProperty("text").GetString()!.Contains("Karim B.", StringComparison.Ordinal));
        var id = item.GetProperty("id").GetString();
        Assert.Equal("/structure/placements", item.GetProperty("link").GetString());

        // Someone else's: not found, and it stays unread.
        var officer = await app.ClientFor(PlacementApp.Officer38);
        Assert.Equal(HttpStatusCode.NotFound, (await officer.PostAsync($"/api/notifications/{id}/read", null)).StatusCode);
        Assert.DoesNotContain((await (await officer.GetAsync("/api/notifications")).Json()).GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == id);

        Assert.Equal(HttpStatusCode.NoContent, (await partner.PostAsync($"/api/notifications/{id}/read", null)).StatusCode);
        Assert.Equal(unread - 1, (await (await partner.GetAsync("/api/notifications")).Json()).GetProperty("unread").GetInt32());
        Assert.Equal(unread - 1, (await (await partner.PostAsync("/api/notifications/read-all", null)).Json()).GetProperty("marked").GetInt32());
        Assert.Equal(0, (await (await partner.GetAsync("/api/notifications")).Json()).GetProperty("unread").GetInt32());
        Assert.NotNull(placement);
    }

    [SkippableFact]
    public async Task HoursCompletingTheMeasure_TellTheOfficer()
    {
        var officer = await app.ClientFor(PlacementApp.Officer69);
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync("/api/notifications/preferences",
            new { choices = new Dictionary<string, string> { ["measure-completed"] = "immediate" } })).StatusCode); // rather than the daily digest
        var (placement, person) = await ProposeAsync();
        var partner = await app.ClientFor(PlacementApp.Partner);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/placements/{placement}/confirm", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync($"/api/placements/{placement}/hours", new { note = "Feuille d'heures papier", date = "2026-11-20", hours = 10 })).StatusCode);
        using (var scope = app.Services.CreateScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().NotificationEvents.AnyAsync(e => e.PersonId == Guid.Parse(person) && e.Kind == NotificationKind.MeasureCompleted));
        Assert.Equal(HttpStatusCode.OK, (await (await app.ClientFor(PlacementApp.Officer69)).PostAsJsonAsync($"/api/placements/{placement}/hours", new { note = "Feuille d'heures papier", date = "2026-11-21", hours = 10 })).StatusCode);
        await app.Job.RunAsync(CancellationToken.None);

        var mail = Assert.Single(app.Smtp.Received, m => m.Subject == "Mesure accomplie : Karim Benali" && m.TextBody!.Contains(person, StringComparison.Ordinal));
        Assert.Equal(PlacementApp.Officer69, mail.To.Mailboxes.Single().Address);
        Assert.Contains("a effectué les 20 h de son travail d'intérêt général", mail.TextBody, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AFinishedRun_TellsItsRequesterAndTheCoordinatorsOfItsDepartements()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var started = await coordinator.PostAsJsonAsync("/api/assignment-runs", new { departements = new[] { "69" }, timeLimitSeconds = 5 });
        Assert.Equal(HttpStatusCode.Accepted, started.StatusCode);
        var run = (await started.Json()).GetProperty("id").GetString()!;
        var finished = await Runs.WaitFinished(coordinator, run);
        await app.Job.RunAsync(CancellationToken.None);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        var e = await db.NotificationEvents.SingleAsync(x => x.RunId == Guid.Parse(run));
        Assert.Equal(NotificationKind.RunFinished, e.Kind);
        var n = await db.Notifications.SingleAsync(x => x.EventId == e.Id && x.Email == PlacementApp.Coordinator);
        Assert.Equal($"/affectations/{run}", n.Link);
        Assert.StartsWith("Affectation terminée : ", n.Subject, StringComparison.Ordinal);
        Assert.Contains($"sur {finished.GetProperty("persons").GetInt32()}", n.Subject, StringComparison.Ordinal);
        Assert.Equal(MailStatus.Sent, n.MailStatus);
    }

    [SkippableFact]
    public async Task APostRefusedAtValidation_TellsThePartnerWhy()
    {
        var partner = await app.ClientFor(PlacementApp.Partner);
        var post = CatalogueApiTests.Post(await Scenarios.PartnerHostBody(app));
        post["title"] = "Entretien du verger communal";
        var id = (await (await partner.PostAsJsonAsync("/api/posts", post)).Json()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/posts/{id}/submit", null)).StatusCode);
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsJsonAsync($"/api/posts/{id}/refuse", new { reason = "Horaires à préciser avec le tuteur" })).StatusCode);
        await app.Job.RunAsync(CancellationToken.None);

        var mail = Assert.Single(app.Smtp.Received, m => m.Subject == "Poste non inscrit : Entretien du verger communal" && m.To.Mailboxes.Any(a => a.Address == PlacementApp.Partner));
        Assert.Contains("Motif : Horaires à préciser avec le tuteur", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains($"https://placement.example/structure/postes/{id}", mail.TextBody, StringComparison.Ordinal);
    }
}

public sealed class NotificationTestsOnPostgres(PostgresMailingApp app) : NotificationTests(app), IClassFixture<PostgresMailingApp>;
