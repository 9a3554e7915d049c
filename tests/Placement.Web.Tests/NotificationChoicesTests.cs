using System.Net;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Placement.Kernel.Notifications;
using Placement.Notifications.Reminders;
using Placement.Catalogue.Persistence;
using Placement.Notifications.Domain;
using Placement.Web.Data;
using Placement.Notifications.Dispatch;
using Placement.Notifications.Mail;
using Placement.Matching.Features.DeadlineWatch;

namespace Placement.Web.Tests;

/// <summary>
/// Issue 14, second part: each user chooses per kind (e-mail now, daily digest, application only); the daily digest gathers
/// a day's notifications in one e-mail; the calendar's reminders (habilitations ending, the weekly digest of posts waiting,
/// persons entering the deadline watch) are written once; the referent officer is picked among the SPIP's officers;
/// administrators see the deliveries' metadata only.
/// </summary>
public class NotificationChoicesTests(MailingApp app) : IClassFixture<MailingApp>
{
    /// <summary>The job as it runs at <paramref name="at"/> (tomorrow morning, next week), the app's clock left alone.</summary>
    private NotificationJob JobAt(DateTimeOffset at) => ActivatorUtilities.CreateInstance<NotificationJob>(app.Services, ParisCalendar.At(at));

    private async Task<string> ProposeAsync(int hours = 20)
    {
        var post = await Scenarios.PartnerPost(app, capacity: 1);
        var person = await Scenarios.Person(app, post, hours: hours);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var created = await officer.PostAsJsonAsync("/api/placements", new { personId = person, postId = post });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        return (await created.Json()).GetProperty("id").GetString()!;
    }

    [SkippableFact]
    public async Task EachRole_SeesItsOwnKinds_WithSensibleDefaults()
    {
        var partner = await (await (await app.ClientFor(PlacementApp.Partner)).GetAsync("/api/notifications/preferences")).Json();
        var kinds = partner.GetProperty("choices").EnumerateArray().ToDictionary(c => c.GetProperty("kind").GetString()!, c => c.GetProperty("delivery").GetString());
        Assert.Equal(["placement-proposed", "placement-cancelled", "post-refused", "habilitation-expiring"], kinds.Keys);
        Assert.All(kinds.Values, d => Assert.Equal("immediate", d)); // a partner must act on each

        var officer = await (await (await app.ClientFor(PlacementApp.Officer38)).GetAsync("/api/notifications/preferences")).Json();
        var officerKinds = officer.GetProperty("choices").EnumerateArray().ToDictionary(c => c.GetProperty("kind").GetString()!, c => c.GetProperty("delivery").GetString());
        Assert.Equal("immediate", officerKinds["placement-declined"]); // another post to find
        Assert.Equal("daily-digest", officerKinds["placement-confirmed"]); // news
        Assert.Equal("daily-digest", officerKinds["deadline-watch-entered"]);
        Assert.DoesNotContain("run-finished", officerKinds.Keys);
    }

    [SkippableFact]
    public async Task ABadChoice_NamesItsField_AndNothingIsWritten()
    {
        var officer = await app.ClientFor(PlacementApp.Officer38);
        var response = await officer.PutAsJsonAsync("/api/notifications/preferences", new
        {
            choices = new Dictionary<string, string> { ["placement-confirmed"] = "immediate", ["placement-proposed"] = "immediate", ["deadline-watch-entered"] = "par-pigeon" },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Json()).GetProperty("errors");
        Assert.Contains("ne concerne pas votre rôle", errors.GetProperty("choices.placement-proposed")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("par-pigeon", errors.GetProperty("choices.deadline-watch-entered")[0].GetString(), StringComparison.Ordinal);
        var after = await (await officer.GetAsync("/api/notifications/preferences")).Json();
        Assert.Equal("daily-digest", after.GetProperty("choices").EnumerateArray().Single(c => c.GetProperty("kind").GetString() == "placement-confirmed").GetProperty("delivery").GetString());
    }

    [SkippableFact]
    public async Task TheDailyDigest_GathersTheDaysNotifications_InOneMail_SentOnce()
    {
        var partner = await app.ClientFor(PlacementApp.Partner);
        var placements = new[] { await ProposeAsync(), await ProposeAsync() };
        foreach (var p in placements) Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/placements/{p}/confirm", null)).StatusCode);
        await app.Job.RunAsync(CancellationToken.None);

        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        var ids = placements.Select(Guid.Parse).ToList();
        var events = await db.NotificationEvents.AsNoTracking().Where(e => e.Kind == NotificationKind.PlacementConfirmed && ids.Contains(e.PlacementId!.Value)).Select(e => e.Id).ToListAsync();
        var waiting = await db.Notifications.AsNoTracking().Where(n => events.Contains(n.EventId)).ToListAsync();
        Assert.Equal(2, waiting.Count);
        Assert.All(waiting, n => Assert.Equal((MailStatus.Digest, PlacementApp.Officer69), (n.MailStatus, n.Email)));
        // 28 November 2026, 9:00 UTC: the next digest is 29 November, 7:00 in Paris (6:00 UTC).
        Assert.All(waiting, n => Assert.Equal(new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero), n.NextAttemptAt));
        Assert.DoesNotContain(app.Smtp.Received, m => waiting.Any(n => m.Subject == n.Subject));

        var tomorrow = JobAt(new DateTimeOffset(2026, 11, 29, 6, 0, 0, TimeSpan.Zero));
        await tomorrow.RunAsync(CancellationToken.None);
        await tomorrow.RunAsync(CancellationToken.None);
        var digest = Assert.Single(app.Smtp.Received, m => m.To.Mailboxes.Single().Address == PlacementApp.Officer69 && (m.MessageId ?? "").StartsWith("digest.", StringComparison.Ordinal)
            && waiting.All(n => m.TextBody!.Contains(n.Link, StringComparison.Ordinal)));
        Assert.Matches(@"^Vos \d+ notifications du jour$", digest.Subject);
        Assert.Equal(2, digest.TextBody!.Split('\n').Count(l => l.StartsWith("■ Placement confirmé : Karim Benali", StringComparison.Ordinal)));
        Assert.Contains("Choisir les messages reçus par courriel : https://placement.example/notifications/preferences", digest.TextBody, StringComparison.Ordinal);
        Assert.Contains("<h2", digest.HtmlBody, StringComparison.Ordinal); // one section per notification, from the Razor template
        Assert.All(await db.Notifications.AsNoTracking().Where(n => events.Contains(n.EventId)).ToListAsync(), n => Assert.Equal(MailStatus.Sent, n.MailStatus));
    }

    [SkippableFact]
    public async Task ApplicationOnly_ShowsItInTheCentre_AndSendsNoMail()
    {
        var partner = await app.ClientFor(PlacementApp.Partner);
        var chosen = await partner.PutAsJsonAsync("/api/notifications/preferences", new { choices = new Dictionary<string, string> { ["placement-cancelled"] = "application-only" } });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        try
        {
            var placement = await ProposeAsync();
            var officer = await app.ClientFor(PlacementApp.Officer69);
            Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/placements/{placement}/cancel", new { reason = "Déménagement de la personne" })).StatusCode);
            await app.Job.RunAsync(CancellationToken.None);

            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
            var e = await db.NotificationEvents.AsNoTracking().SingleAsync(x => x.PlacementId == Guid.Parse(placement) && x.Kind == NotificationKind.PlacementCancelled);
            var n = await db.Notifications.AsNoTracking().SingleAsync(x => x.EventId == e.Id && x.Email == PlacementApp.Partner);
            Assert.Equal(MailStatus.None, n.MailStatus);
            Assert.DoesNotContain(app.Smtp.Received, m => m.TextBody!.Contains("Déménagement de la personne", StringComparison.Ordinal));
            var list = await (await partner.GetAsync("/api/notifications?unread=true")).Json();
            Assert.Contains(list.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetString() == n.Id.ToString());
        }
        finally
        {
            await partner.PutAsJsonAsync("/api/notifications/preferences", new { choices = new Dictionary<string, string> { ["placement-cancelled"] = "immediate" } });
        }
    }

    [SkippableFact]
    public async Task AnEndingHabilitation_IsToldThreeMonthsThenOneMonthBefore_OnceEach()
    {
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var body = await coordinator.PostAsJsonAsync("/api/host-bodies", new
        {
            name = "Association Trait d'Union Villeurbanne", legalType = "association", siret = "73282932000074",
            habilitation = new { status = "habilitated", validFrom = "2022-03-01", validUntil = "2027-02-28" },
            address = new { street = "5 rue Francis de Pressensé", communeInsee = "69266" },
            contact = new { name = "Nadia Haddad", email = "contact@trait-union.example" },
        });
        Assert.Equal(HttpStatusCode.Created, body.StatusCode);
        var bodyId = (await body.Json()).GetProperty("id").GetString()!;
        var admin = await app.ClientFor(PlacementApp.Admin);
        var account = await admin.PostAsJsonAsync("/api/users", new { email = "benevoles@trait-union.example", displayName = "Nadia Haddad", role = "partner", departements = new[] { "69" }, hostBodyId = bodyId });
        Assert.Equal(HttpStatusCode.Created, account.StatusCode);

        async Task<List<NotificationEvent>> RemindAt(DateTimeOffset at)
        {
            using var scope = app.Services.CreateScope();
            await new CatalogueReminders(scope.ServiceProvider.GetRequiredService<ICatalogueStore>(), ParisCalendar.At(at)).RunAsync();
            return await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().NotificationEvents.AsNoTracking()
                .Where(e => e.HostBodyId == Guid.Parse(bodyId) && e.Kind == NotificationKind.HabilitationExpiring).OrderBy(e => e.OccurredAt).ToListAsync();
        }

        Assert.Empty(await RemindAt(new DateTimeOffset(2026, 11, 27, 5, 0, 0, TimeSpan.Zero))); // three months and a day before
        var first = Assert.Single(await RemindAt(new DateTimeOffset(2026, 11, 28, 5, 0, 0, TimeSpan.Zero)));
        Assert.Equal($"habilitation:{Guid.Parse(bodyId):N}:20270228:3", first.Key);
        Assert.Single(await RemindAt(new DateTimeOffset(2026, 12, 15, 5, 0, 0, TimeSpan.Zero))); // every morning, written once
        var both = await RemindAt(new DateTimeOffset(2027, 1, 28, 5, 0, 0, TimeSpan.Zero));
        Assert.Equal([":3", ":1"], both.Select(e => e.Key![^2..]));
        Assert.Equal(2, (await RemindAt(new DateTimeOffset(2027, 3, 1, 5, 0, 0, TimeSpan.Zero))).Count); // ended: nothing more

        await app.Job.RunAsync(CancellationToken.None);
        var mails = app.Smtp.Received.Where(m => m.To.Mailboxes.Any(a => a.Address == "benevoles@trait-union.example")).ToList();
        Assert.Equal(2, mails.Count);
        Assert.All(mails, m => Assert.Equal("Votre habilitation prend fin le 28 février 2027", m.Subject));
        Assert.Contains("Demandez son renouvellement au SPIP", mails[0].TextBody, StringComparison.Ordinal);
        Assert.Contains("https://placement.example/structure", mails[0].TextBody, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task PostsWaitingForValidation_AreDigestedWeekly_ToTheCoordinatorsOfTheirDepartement()
    {
        var partner = await app.ClientFor(PlacementApp.Partner);
        var post = CatalogueApiTests.Post(await Scenarios.PartnerHostBody(app));
        post["title"] = "Réparation de vélos à l'atelier solidaire";
        var id = (await (await partner.PostAsJsonAsync("/api/posts", post)).Json()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/posts/{id}/submit", null)).StatusCode);

        async Task<List<NotificationEvent>> RemindAt(DateTimeOffset at, params string[] weeks)
        {
            using var scope = app.Services.CreateScope();
            await new CatalogueReminders(scope.ServiceProvider.GetRequiredService<ICatalogueStore>(), ParisCalendar.At(at)).RunAsync();
            var keys = weeks.Select(w => $"validation:{w}").ToList();
            return await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().NotificationEvents.AsNoTracking()
                .Where(e => e.Kind == NotificationKind.PostsAwaitingValidation && keys.Contains(e.Key!)).OrderBy(e => e.OccurredAt).ToListAsync();
        }

        var digest = Assert.Single(await RemindAt(new DateTimeOffset(2026, 12, 7, 5, 0, 0, TimeSpan.Zero), "2026-W50")); // Monday, 9 days after
        Assert.Single(await RemindAt(new DateTimeOffset(2026, 12, 9, 5, 0, 0, TimeSpan.Zero), "2026-W50")); // same week: once
        Assert.Single(await RemindAt(new DateTimeOffset(2026, 12, 14, 5, 0, 0, TimeSpan.Zero), "2026-W51")); // still waiting next week: told again

        await JobAt(new DateTimeOffset(2026, 12, 14, 5, 1, 0, TimeSpan.Zero)).RunAsync(CancellationToken.None);
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
        var told = await db.Notifications.AsNoTracking().Where(n => n.EventId == digest.Id).ToListAsync();
        var coordinator = Assert.Single(told); // the coordinator of the 69's region; no officer, no partner
        Assert.Equal(PlacementApp.Coordinator, coordinator.Email);
        var waiting = (await db.Posts.AsNoTracking().Where(p => p.Status == Placement.Catalogue.Domain.PostStatus.PendingValidation).ToListAsync())
            .Count(p => p.StatusChangedAt < digest.OccurredAt.AddDays(-7));
        Assert.StartsWith($"{waiting} postes attendent votre validation depuis plus de 7 jours", coordinator.Subject, StringComparison.Ordinal);
        Assert.Contains(waiting <= 10 ? "« Réparation de vélos à l'atelier solidaire »" : $"et {waiting - 10} autres.", coordinator.Text, StringComparison.Ordinal);
        Assert.Equal("/validation", coordinator.Link);
        Assert.Contains(app.Smtp.Received, m => m.Subject == coordinator.Subject && m.To.Mailboxes.Single().Address == PlacementApp.Coordinator);
    }

    [SkippableFact]
    public async Task APersonEnteringTheDeadlineWatch_IsToldToTheReferentOnce()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 1);
        var person = Guid.Parse(await Scenarios.Person(app, post, hours: 120));
        async Task<int> WatchAt(DateTimeOffset at)
        {
            using var scope = app.Services.CreateScope();
            await ActivatorUtilities.CreateInstance<DeadlineWatch>(scope.ServiceProvider, ParisCalendar.At(at)).RunAsync();
            return await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().NotificationEvents.CountAsync(e => e.PersonId == person && e.Kind == NotificationKind.DeadlineWatchEntered);
        }

        // The person's deadline is 18 months after the sentence; no confirmed placement: flagged 12 weeks before.
        using (var scope = app.Services.CreateScope())
        {
            var deadline = (await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().Persons.AsNoTracking().SingleAsync(p => p.Id == person)).Profile.Term.EffectiveDeadline;
            var inside = new DateTimeOffset(deadline.AddDays(-70).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            Assert.Equal(1, await WatchAt(inside));
            Assert.Equal(1, await WatchAt(inside.AddDays(1))); // still in the watch: not told again
        }
        while (await app.Job.DispatchAsync() > 0) { } // that morning, many demo persons enter the watch too
        using var check = app.Services.CreateScope();
        var db = check.ServiceProvider.GetRequiredService<PlacementDbContext>();
        var e = await db.NotificationEvents.AsNoTracking().SingleAsync(x => x.PersonId == person && x.Kind == NotificationKind.DeadlineWatchEntered);
        var n = await db.Notifications.AsNoTracking().SingleAsync(x => x.EventId == e.Id);
        Assert.Equal((PlacementApp.Officer69, MailStatus.Digest), (n.Email, n.MailStatus));
        Assert.StartsWith("Échéance menacée : Karim Benali", n.Subject, StringComparison.Ordinal);
        Assert.Contains("aucun placement confirmé", n.Text, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task TheReferent_IsPickedAmongTheOfficersOfThePersonsSpip_AndReceivesItsNotifications()
    {
        var post = await Scenarios.PartnerPost(app, capacity: 1);
        var person = await Scenarios.Person(app, post, hours: 20);
        var admin = await app.ClientFor(PlacementApp.Admin);
        var created = await admin.PostAsJsonAsync("/api/users", new { email = "lea.girard@spip69.example", displayName = "Léa Girard", role = "officer", departements = new[] { "69" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var lea = (await created.Json()).GetProperty("account").GetProperty("id").GetString()!;
        var officer38 = (await (await admin.GetAsync("/api/users")).Json()).EnumerateArray().Single(u => u.GetProperty("email").GetString() == PlacementApp.Officer38).GetProperty("id").GetString();

        var officer = await app.ClientFor(PlacementApp.Officer69);
        var candidates = (await (await officer.GetAsync($"/api/persons/{person}/referent-candidates")).Json()).EnumerateArray().ToList();
        Assert.Contains(candidates, c => c.GetProperty("accountId").GetString() == lea && !c.GetProperty("current").GetBoolean());
        Assert.Contains(candidates, c => c.GetProperty("email").GetString() == PlacementApp.Officer69 && c.GetProperty("current").GetBoolean());
        Assert.DoesNotContain(candidates, c => c.GetProperty("accountId").GetString() == officer38); // another SPIP

        var refused = await officer.PutAsJsonAsync($"/api/persons/{person}/referent", new { accountId = officer38 });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("accountId", (await refused.Json()).GetProperty("errors").EnumerateObject().Select(p => p.Name));

        var chosen = await officer.PutAsJsonAsync($"/api/persons/{person}/referent", new { accountId = lea });
        Assert.Equal(HttpStatusCode.OK, chosen.StatusCode);
        Assert.Equal("lea.girard@spip69.example", (await chosen.Json()).GetProperty("referentOfficer").GetProperty("email").GetString());

        var placement = await officer.PostAsJsonAsync("/api/placements", new { personId = person, postId = post });
        var placementId = (await placement.Json()).GetProperty("id").GetString();
        var partner = await app.ClientFor(PlacementApp.Partner);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsJsonAsync($"/api/placements/{placementId}/decline", new { reason = "Tuteur absent" })).StatusCode);
        await app.Job.RunAsync(CancellationToken.None);
        Assert.Contains(app.Smtp.Received, m => m.To.Mailboxes.Single().Address == "lea.girard@spip69.example" && m.TextBody!.Contains("Tuteur absent", StringComparison.Ordinal));
        using var scope = app.Services.CreateScope();
        var told = await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().Notifications.AsNoTracking()
            .Where(n => n.Kind == NotificationKind.PlacementDeclined && n.Link == $"/personnes/{person}/postes").ToListAsync();
        Assert.Equal(lea, Assert.Single(told).AccountId); // hers, in her notification centre; not the previous referent's
    }

    [SkippableFact]
    public async Task TheDeliveryLog_NamesNoPerson_EvenWhereTheMessagesSubjectDoes()
    {
        var post = await Scenarios.PartnerPost(app, 1);
        var person = await Scenarios.Person(app, post, edit: p => (p["firstName"], p["lastName"]) = ("Zéphyrine", "Quentel"));
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var placementId = (await (await officer.PostAsJsonAsync("/api/placements", new { personId = person, postId = post })).Json()).GetProperty("id").GetString();
        var partner = await app.ClientFor(PlacementApp.Partner);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsJsonAsync($"/api/placements/{placementId}/decline", new { reason = "Tuteur absent" })).StatusCode);
        await app.Job.RunAsync(CancellationToken.None);
        using (var scope = app.Services.CreateScope())
        {
            var subjects = await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().Notifications.AsNoTracking()
                .Where(n => n.Link.Contains(person)).Select(n => n.Subject).ToListAsync();
            Assert.Contains(subjects, s => s.Contains("Zéphyrine", StringComparison.Ordinal)); // the recipients' own subjects name her
        }
        var admin = await app.ClientFor(PlacementApp.Admin);
        var log = await (await admin.GetAsync("/api/deliveries?pageSize=100")).Json();
        Assert.DoesNotContain("Zéphyrine", log.GetRawText(), StringComparison.Ordinal);
        Assert.DoesNotContain("Quentel", log.GetRawText(), StringComparison.Ordinal);
        Assert.All(log.GetProperty("items").EnumerateArray(), d => Assert.Contains(d.GetProperty("subject").GetString(), NotificationKinds.All.Select(k => k.Label)));
    }

    [SkippableFact]
    public async Task Administrators_SeeDeliveries_RecipientSubjectTimeStatus_NeverTheText()
    {
        await ProposeAsync();
        await app.Job.RunAsync(CancellationToken.None);
        var admin = await app.ClientFor(PlacementApp.Admin);
        var page = await (await admin.GetAsync($"/api/deliveries?recipient={Uri.EscapeDataString(PlacementApp.Partner)}&status=sent")).Json();
        var item = page.GetProperty("items").EnumerateArray().First();
        Assert.Equal(["id", "recipient", "kind", "subject", "createdAt", "status", "attempts", "sentAt", "nextAttemptAt", "lastError"], item.EnumerateObject().Select(p => p.Name));
        Assert.Equal("sent", item.GetProperty("status").GetString());
        Assert.True(page.GetProperty("byStatus").GetProperty("sent").GetInt32() >= 1);
        Assert.DoesNotContain("Karim", page.GetRawText(), StringComparison.Ordinal); // the partner's subject names the post, the text the person

        var bad = await admin.GetAsync("/api/deliveries?status=perdu");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("status", (await bad.Json()).GetProperty("errors").EnumerateObject().Select(p => p.Name));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await app.ClientFor(PlacementApp.Coordinator)).GetAsync("/api/deliveries")).StatusCode);
    }

    [SkippableTheory]
    [InlineData("2026-11-28T05:59:00Z", "2026-11-28T06:00:00Z")] // winter: 7:00 in Paris is 6:00 UTC
    [InlineData("2026-11-28T06:00:00Z", "2026-11-29T06:00:00Z")]
    [InlineData("2026-07-01T09:00:00Z", "2026-07-02T05:00:00Z")] // summer: 5:00 UTC
    [InlineData("2026-03-28T12:00:00Z", "2026-03-29T05:00:00Z")] // the night the clocks go forward
    public void TheDailyDigest_IsSentAtSevenInParis(string now, string expected) =>
        Assert.Equal(DateTimeOffset.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            new MailOptions().NextDigest(ParisCalendar.Of(TimeProvider.System), DateTimeOffset.Parse(now, System.Globalization.CultureInfo.InvariantCulture)));

    [SkippableFact]
    public async Task TheMailTemplate_EncodesWhatItQuotes_AndCarriesEveryLink()
    {
        var templates = app.Services.GetRequiredService<Placement.Notifications.Mail.Templates.MailTemplates>();
        var mail = new Placement.Notifications.Mail.Templates.MailModel("Poste non inscrit : <b>Jardin</b>",
            [new("Poste non inscrit : <b>Jardin</b>", "28 novembre 2026", ["Motif : <script>alert(1)</script> & co"], "https://placement.example/structure/postes/1?a=1&b=2")],
            "https://placement.example/notifications/preferences");
        var html = await templates.HtmlAsync(mail);
        Assert.StartsWith("<!DOCTYPE html>", html.TrimStart(), StringComparison.Ordinal);
        Assert.Contains("<html lang=\"fr\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.DoesNotContain("<b>", html, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt; &amp; co", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://placement.example/structure/postes/1?a=1&amp;b=2\"", html, StringComparison.Ordinal);
        Assert.Contains("href=\"https://placement.example/notifications/preferences\"", html, StringComparison.Ordinal);
        var text = Placement.Notifications.Mail.Templates.MailTemplates.Text(mail);
        Assert.Contains("Motif : <script>alert(1)</script> & co\nVoir : https://placement.example/structure/postes/1?a=1&b=2", text, StringComparison.Ordinal);
    }
}

public sealed class NotificationChoicesTestsOnPostgres(PostgresMailingApp app) : NotificationChoicesTests(app), IClassFixture<PostgresMailingApp>;
