using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Matching.Domain;
using Placement.Matching.Features.Documents;
using Placement.Matching.Persistence;
using UglyToad.PdfPig;

namespace Placement.Web.Tests;

/// <summary>
/// The documents of a measure (issue 29) composed from what the service holds and read back as a reader would (PdfPig):
/// what each says, that those for the host say nothing judicial, that a long list of sessions flows onto numbered pages,
/// that the map is drawn. The scenario's person is Karim Benali, born on 2 April 1999, deadline 15 March 2028; the clock
/// reads Saturday 28 November 2026.
/// </summary>
[Collection(ApiCollection.Name)]
public class DocumentCompositionTests(PlacementApp app)
{
    private static readonly Letterhead Letterhead = new("SPIP du Rhône", ["Service pénitentiaire d'insertion et de probation", "12 rue de la Justice", "69003 Lyon"],
        "04 72 00 00 00", "spip69@justice.example", "Claire Martin", "Directrice fonctionnelle des services pénitentiaires d'insertion et de probation");

    private static DocumentStamp Stamp(int n) => new($"069-2026-{n:00000}", 2, new DateTimeOffset(2026, 11, 28, 9, 0, 0, TimeSpan.Zero));

    /// <summary>What a host may never read: the last name, the birth date, the case number, the deadline, the restrictions.</summary>
    private static readonly string[] Judicial =
        ["Benali", "BENALI", "1999", "02/04/1999", "2 avril", "15 mars 2028", "15/03/2028", "2028", "mineur", "restriction", "exclusion", "infraction", "juge", "JAP", "naissance", "dossier", "échéance"];

    private async Task<(Guid Placement, Guid Person, HttpClient Officer, HttpClient Partner)> ConfirmedPlacement(double hours, string? caseNumber = null)
    {
        var postId = await Scenarios.PartnerPost(app, capacity: 3);
        var personId = await Scenarios.Person(app, postId, hours, caseNumber: caseNumber);
        var officer = await app.ClientFor(PlacementApp.Officer69);
        var partner = await app.ClientFor(PlacementApp.Partner);
        var created = await officer.PostAsJsonAsync("/api/placements", new { personId, postId });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Json()).GetProperty("id").GetString()!;
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync($"/api/placements/{id}/confirm", null)).StatusCode);
        return (Guid.Parse(id), Guid.Parse(personId), officer, partner);
    }

    private async Task<ComposedDocument> Compose(DocumentKind kind, DocumentSubject subject, int number = 12)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<DocumentComposer>().ComposeAsync(kind, subject, Letterhead, Stamp(number), CancellationToken.None);
    }

    /// <summary>The text of each page, its words separated by single spaces.</summary>
    private static List<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => string.Join(' ', p.GetWords().Select(w => w.Text)))];
    }

    private static string Text(byte[] pdf) => string.Join('\n', Pages(pdf));

    private static void AssertFrame(ComposedDocument document, string title, int number = 12)
    {
        Assert.Equal(title, document.Title);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(document.Pdf, 0, 5));
        var pages = Pages(document.Pdf);
        var text = string.Join('\n', pages);
        Assert.Contains(title, text);
        Assert.Contains($"N° 069-2026-{number:00000} — version 2 — émis le 28/11/2026", text);
        Assert.Contains("SPIP du Rhône", text);
        Assert.Contains("12 rue de la Justice", text);
        Assert.Contains("04 72 00 00 00", text);
        Assert.Contains("Claire Martin", pages[^1]);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1}/{pages.Count}", pages[i]);
        using var pdf = PdfDocument.Open(document.Pdf);
        Assert.Equal(title, pdf.Information.Title);
        Assert.Equal("SPIP du Rhône", pdf.Information.Author);
        Assert.All(pdf.GetPages(), p => Assert.Equal((595, 842), ((int)Math.Round(p.Width), (int)Math.Round(p.Height))));
    }

    private static void AssertNoJudicialData(string text)
    {
        foreach (var word in Judicial) Assert.DoesNotContain(word, text, StringComparison.OrdinalIgnoreCase);
    }

    [SkippableFact]
    public async Task AConfirmedPlacement_ItsDecision_SaysThePostWhereWhenTheHoursTheDeadlineAndTheObligations_WithAMap()
    {
        var (placement, person, _, _) = await ConfirmedPlacement(hours: 20);
        var document = await Compose(DocumentKind.DecisionAffectation, new DocumentSubject(person, placement));
        AssertFrame(document, "Décision d'affectation");
        var text = Text(document.Pdf);
        string host, title, commune;
        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
            var post = await store.Posts.SingleAsync(p => p.Id == store.Placements.Single(x => x.Id == placement).PostId);
            host = (await store.HostBodies.SingleAsync(h => h.Id == post.HostBodyId)).Name;
            title = post.Details.Title;
            commune = scope.ServiceProvider.GetRequiredService<Placement.Catalogue.Geography.FranceGeography>().Commune(post.Details.Place.CommuneInsee)!.Name;
        }
        Assert.Contains("Karim BENALI", text);
        Assert.Contains(title, text);
        Assert.Contains(host, text);
        Assert.Contains(commune, text);
        // The sessions planned at confirmation: 9 h + 9 h + 2 h on the Saturdays after today, the first the start.
        Assert.Contains("Date de début 5 décembre 2026", text);
        Assert.Contains("Samedi 5 décembre 2026 08:00 – 17:00 9 h", text);
        Assert.Contains("Samedi 12 décembre 2026", text);
        Assert.Contains("Samedi 19 décembre 2026 08:00 – 10:00 2 h", text);
        Assert.Contains("Heures à effectuer sur ce poste 20 h", text);
        Assert.Contains("Date limite d'exécution 15 mars 2028", text);
        Assert.Contains("Être présent(e) et à l'heure à chaque séance prévue.", text);
        Assert.Contains("juge de l'application des peines (JAP)", text);
        Assert.Contains("l'État prend en charge les accidents", text);
        Assert.Contains("Agent CPIP du Rhône", text);
        Assert.Contains("cpip69@demo.placement", text);

        // The map: the département's outline as a path of many points, the marker, the scale bar in km.
        using var pdf = PdfDocument.Open(document.Pdf);
        var page = pdf.GetPage(1);
        Assert.Contains(page.Paths, p => p.Sum(s => s.Commands.Count) > 100);
        Assert.Contains("Rhône (69)", text);
        Assert.Matches(@"\b\d+ km\b", text);
    }

    [SkippableFact]
    public async Task TheFicheDeLiaison_GivesTheHostFirstNameAndInitial_TheScheduleAndTheOfficer_AndNothingJudicial()
    {
        var caseNumber = $"DOC-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        var (placement, person, _, _) = await ConfirmedPlacement(hours: 20, caseNumber);
        var document = await Compose(DocumentKind.FicheLiaison, new DocumentSubject(person, placement));
        AssertFrame(document, "Fiche de liaison");
        var text = Text(document.Pdf);
        Assert.Contains("Karim B.", text);
        Assert.Contains("Lundi 08:00 – 18:00", text);
        Assert.Contains("Samedi 5 décembre 2026 08:00 – 17:00 9 h", text);
        Assert.Contains("Heures à effectuer 20 h", text);
        Assert.Contains("Agent CPIP du Rhône", text);
        AssertNoJudicialData(text);
        Assert.DoesNotContain(caseNumber, text, StringComparison.OrdinalIgnoreCase);
        // The decision, for the person, has them all.
        var decision = Text((await Compose(DocumentKind.DecisionAffectation, new DocumentSubject(person, placement))).Pdf);
        Assert.Contains("BENALI", decision);
    }

    [SkippableFact]
    public async Task AnUnderwayPlacement_ItsRelevé_ListsEverySessionWithItsAttendance_TheHoursWithoutASession_AndAwaitsTheAttestation()
    {
        var (placement, person, officer, partner) = await ConfirmedPlacement(hours: 20);
        var added = await partner.PostAsJsonAsync($"/api/placements/{placement}/sessions", new { date = "2026-11-28", start = "09:00", end = "13:00" });
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        var session = (await added.Json()).GetProperty("id").GetString();
        var recorded = await partner.PostAsJsonAsync($"/api/sessions/{session}/attendance", new { outcome = "present", arrival = "09:00", departure = "13:00", breakMinutes = 30 });
        Assert.True(recorded.StatusCode == HttpStatusCode.OK, await recorded.Content.ReadAsStringAsync());
        var logged = await officer.PostAsJsonAsync($"/api/placements/{placement}/hours", new { date = "2026-11-21", hours = 4, note = "Feuille papier reçue" });
        Assert.True(logged.StatusCode == HttpStatusCode.OK, await logged.Content.ReadAsStringAsync());

        var document = await Compose(DocumentKind.ReleveHeures, new DocumentSubject(person, placement));
        AssertFrame(document, "Relevé d'heures et attestation d'exécution");
        var text = Text(document.Pdf);
        Assert.Contains("Karim B.", text);
        Assert.Contains("28/11/2026 09:00 – 13:00 4 h Présent 3,5 h", text);
        Assert.Contains("05/12/2026 08:00 – 17:00 9 h Prévue", text);
        Assert.Contains("21/11/2026 4 h Feuille papier reçue", text);
        Assert.Contains("Heures créditées 7,5 h sur 20 h à effectuer", text);
        Assert.Contains("Attestation en attente : les heures ne sont pas encore attestées par le tuteur", text);
        AssertNoJudicialData(text);
    }

    [SkippableFact]
    public async Task ACompletedAndAttestedPlacement_ItsRelevé_SaysWhoAttestedWhenAndFromWhere_AndTheEndOfMeasureReportConcludes()
    {
        var (placement, person, officer, _) = await ConfirmedPlacement(hours: 20);
        foreach (var (date, hours) in new[] { ("2026-11-20", 10), ("2026-11-21", 10) })
        {
            var logged = await officer.PostAsJsonAsync($"/api/placements/{placement}/hours", new { date, hours, note = "Chantier de printemps" });
            Assert.True(logged.StatusCode == HttpStatusCode.OK, await logged.Content.ReadAsStringAsync());
        }
        using (var scope = app.Services.CreateScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
            var tracked = await store.Placements.SingleAsync(p => p.Id == placement);
            Assert.Equal(PlacementStatus.Completed, tracked.Status);
            tracked.Attest(new PlacementAttestation("Julie Tutrice", "julie.tutrice@example.org", new DateTimeOffset(2026, 11, 28, 9, 30, 0, TimeSpan.Zero), "192.0.2.10", 20), app.Clock.GetUtcNow());
            await store.SaveChangesAsync();
        }
        var releve = await Compose(DocumentKind.ReleveHeures, new DocumentSubject(person, placement));
        var text = Text(releve.Pdf);
        Assert.Contains("Heures créditées 20 h sur 20 h à effectuer", text);
        // 09:30 UTC is 10:30 in Paris in November.
        Assert.Contains("Attesté électroniquement par Julie Tutrice (julie.tutrice@example.org) le 28/11/2026 à 10:30 (heure de Paris), depuis 192.0.2.10", text);
        AssertNoJudicialData(text);

        var report = await Compose(DocumentKind.RapportFinMesure, new DocumentSubject(person));
        AssertFrame(report, "Rapport de fin de mesure");
        var final = Text(report.Pdf);
        Assert.Contains("Karim BENALI", final);
        Assert.Contains("Date de naissance 2 avril 1999", final);
        Assert.Contains("Heures prononcées 20 h", final);
        Assert.Contains("Heures restantes 0 h", final);
        Assert.Contains("Échéance effective 15 mars 2028", final);
        Assert.Contains("Clos (heures attestées)", final);
        Assert.Contains("20 h / 20 h", final);
        Assert.Contains("Aucun incident signalé.", final);
        Assert.Contains("Mesure exécutée : les 20 heures ont été effectuées.", final);
    }

    [SkippableFact]
    public async Task AnIncidentReportedToTheJudge_ItsReport_AndTheEndOfMeasureReport_SayTheIncidentAndTheDecision()
    {
        var caseNumber = $"INC-{Guid.NewGuid():N}"[..16].ToUpperInvariant();
        var (placement, person, officer, partner) = await ConfirmedPlacement(hours: 20, caseNumber);
        var reported = await partner.PostAsJsonAsync($"/api/placements/{placement}/incidents", new
        {
            kind = "accident", description = "Coupure à la main pendant la taille des haies.", suspend = true,
            accident = new { occurredAt = "2026-11-28T08:30:00Z", place = "Parc municipal", circumstances = "Taille de haie au sécateur", witnesses = "M. Durand" },
        });
        Assert.True(reported.StatusCode == HttpStatusCode.Created, await reported.Content.ReadAsStringAsync());
        var incident = Guid.Parse((await reported.Json()).GetProperty("id").GetString()!);
        var decided = await officer.PostAsJsonAsync($"/api/incidents/{incident}/decision",
            new { action = "report-to-judge", followUp = "end", comment = "Consignes de sécurité refusées à plusieurs reprises." });
        Assert.True(decided.StatusCode == HttpStatusCode.OK, await decided.Content.ReadAsStringAsync());

        var document = await Compose(DocumentKind.RapportIncident, new DocumentSubject(person, IncidentId: incident));
        AssertFrame(document, "Rapport d'incident");
        var text = Text(document.Pdf);
        Assert.Contains("Karim BENALI", text);
        Assert.Contains($"N° de dossier {caseNumber}", text);
        Assert.Contains("Nature Accident du travail", text);
        Assert.Contains("Coupure à la main pendant la taille des haies.", text);
        Assert.Contains("Survenu le 28/11/2026 à 09:30", text);
        Assert.Contains("Parc municipal", text);
        Assert.Contains("M. Durand", text);
        Assert.Contains("Rapport au juge de l'application des peines", text);
        Assert.Contains("Fin du placement", text);
        Assert.Contains("Consignes de sécurité refusées à plusieurs reprises.", text);
        Assert.Contains("Heures restantes 20 h", text);

        var final = Text((await Compose(DocumentKind.RapportFinMesure, new DocumentSubject(person))).Pdf);
        Assert.Contains("Accident du travail — signalé le 28/11/2026", final);
        Assert.Contains("Rapport au juge de l'application des peines — Fin du placement", final);
        Assert.Contains("Mesure non exécutée à ce jour : 20 h restantes.", final);
    }

    [SkippableFact]
    public async Task ALongListOfSessions_FlowsOntoFurtherPages_EachNumbered()
    {
        var (placement, person, _, _) = await ConfirmedPlacement(hours: 300);
        using (var scope = app.Services.CreateScope())
            Assert.True(await scope.ServiceProvider.GetRequiredService<IMatchingStore>().Sessions.CountAsync(s => s.PlacementId == placement) >= 30);
        foreach (var kind in new[] { DocumentKind.DecisionAffectation, DocumentKind.FicheLiaison, DocumentKind.ReleveHeures })
        {
            var document = await Compose(kind, new DocumentSubject(person, placement));
            var pages = Pages(document.Pdf);
            Assert.True(pages.Count >= 2, $"{kind}: {pages.Count} page(s)");
            AssertFrame(document, document.Title);
            // Every session is there, on one page or the next.
            Assert.Contains("Samedi 5 décembre 2026", pages[0] + pages[1] + string.Join("", pages.Skip(2)));
            Assert.True(document.Pdf.Length < 400_000, $"{kind}: {document.Pdf.Length} bytes");
        }
    }

    [SkippableFact]
    public async Task ASubjectThatDoesNotHoldTogether_IsNotFound_OrRefused()
    {
        var (placement, person, _, _) = await ConfirmedPlacement(hours: 20);
        var (_, other, _, _) = await ConfirmedPlacement(hours: 20);
        Assert.Equal("incidentId", (await Assert.ThrowsAsync<DomainRuleException>(() => Compose(DocumentKind.RapportIncident, new DocumentSubject(person, placement)))).Field);
        Assert.Equal("placementId", (await Assert.ThrowsAsync<DomainRuleException>(() => Compose(DocumentKind.FicheLiaison, new DocumentSubject(person)))).Field);
        await Assert.ThrowsAsync<NotFoundException>(() => Compose(DocumentKind.DecisionAffectation, new DocumentSubject(other, placement)));
        await Assert.ThrowsAsync<NotFoundException>(() => Compose(DocumentKind.RapportFinMesure, new DocumentSubject(Guid.NewGuid())));
        await Assert.ThrowsAsync<NotFoundException>(() => Compose(DocumentKind.RapportIncident, new DocumentSubject(person, IncidentId: Guid.NewGuid())));
    }

    [Fact]
    public void TheFontResolver_SetTwice_StaysTheEmbeddedOne()
    {
        DocumentFonts.Register();
        DocumentFonts.Register();
        Parallel.For(0, 8, _ => DocumentFonts.Register());
        Assert.IsType<DocumentFonts>(PdfSharp.Fonts.GlobalFontSettings.FontResolver);
        var fonts = new DocumentFonts();
        Assert.NotNull(fonts.GetFont(fonts.ResolveTypeface("Arial", bold: true, italic: false)!.FaceName));
        Assert.NotNull(fonts.GetFont(fonts.ResolveTypeface(DocumentFonts.Family, bold: false, italic: true)!.FaceName));
    }

    [SkippableFact]
    public async Task TheSameDocument_ComposedTwice_IsTheSameApartFromWhatPdfSharpForces()
    {
        var (placement, person, _, _) = await ConfirmedPlacement(hours: 20);
        var first = await Compose(DocumentKind.FicheLiaison, new DocumentSubject(person, placement));
        var second = await Compose(DocumentKind.FicheLiaison, new DocumentSubject(person, placement));
        Assert.Equal(Pages(first.Pdf), Pages(second.Pdf));
        using var pdf = PdfDocument.Open(first.Pdf);
        Assert.True(pdf.Information.GetCreatedDateTimeOffset() is { } created && created.UtcDateTime == new DateTime(2026, 11, 28, 9, 0, 0, DateTimeKind.Utc));
    }
}
