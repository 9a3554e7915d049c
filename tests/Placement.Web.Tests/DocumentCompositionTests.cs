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
        var (placement, person) = await Scenarios.ConfirmedPlacement(app, hours, caseNumber: caseNumber);
        return (Guid.Parse(placement), Guid.Parse(person), await app.ClientFor(PlacementApp.Officer69), await app.ClientFor(PlacementApp.Partner));
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
        Has(text, title);
        Has(text, $"N° 069-2026-{number:00000} — version 2 — émis le 28/11/2026");
        Has(text, "SPIP du Rhône");
        Has(text, "12 rue de la Justice");
        Has(text, "04 72 00 00 00");
        Assert.Contains("Claire Martin", pages[^1]);
        for (var i = 0; i < pages.Count; i++) Assert.Contains($"Page {i + 1}/{pages.Count}", pages[i]);
        using var pdf = PdfDocument.Open(document.Pdf);
        Assert.Equal(title, pdf.Information.Title);
        Assert.Equal("SPIP du Rhône", pdf.Information.Author);
        Assert.All(pdf.GetPages(), p => Assert.Equal((595, 842), ((int)Math.Round(p.Width), (int)Math.Round(p.Height))));
        // Nothing is written off the page, nor in its margins: the text stays within 40 points of every edge.
        Assert.All(pdf.GetPages().SelectMany(p => p.GetWords()), w => Assert.True(
            w.BoundingBox.Left >= 40 && w.BoundingBox.Right <= 555 && w.BoundingBox.Bottom >= 40 && w.BoundingBox.Top <= 802, $"« {w.Text} » at {w.BoundingBox}"));
        if (Environment.GetEnvironmentVariable("PLACEMENT_DOCUMENTS_DUMP") is { Length: > 0 } dump)
            File.WriteAllBytes(Path.Combine(dump, $"{title.Replace(' ', '-').Replace('\'', '-')}-{Guid.NewGuid():N}.pdf"), document.Pdf);
    }

    /// <summary>The text holds <paramref name="expected"/>; the whole text is in the message when it does not.</summary>
    private static void Has(string text, string expected) => Assert.True(text.Contains(expected, StringComparison.Ordinal), $"« {expected} » not found in:\n{text}");

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
        Has(text, "Karim BENALI");
        Has(text, title);
        Has(text, host);
        Has(text, commune);
        // The sessions planned at confirmation: 9 h + 9 h + 2 h on the Saturdays after today, the first the start.
        Has(text, "Date de début 5 décembre 2026");
        Has(text, "Samedi 5 décembre 2026 08:00 – 17:00 9 h");
        Has(text, "Samedi 12 décembre 2026");
        Has(text, "Samedi 19 décembre 2026 08:00 – 10:00 2 h");
        Has(text, "Heures sur ce poste 20 h");
        Has(text, "Reste de la mesure 20 h");
        Has(text, "Date limite d'exécution 15 mars 2028");
        Has(text, "Être présent(e) et à l'heure à chaque séance prévue.");
        Has(text, "juge de l'application des peines (JAP)");
        Has(text, "l'État prend en charge les accidents");
        Has(text, "Agent CPIP du Rhône");
        Has(text, "cpip69@demo.placement");

        // The map: the département's outline as a path of many points, the marker, the scale bar in km.
        using var pdf = PdfDocument.Open(document.Pdf);
        var page = pdf.GetPage(1);
        Assert.Contains(page.Paths, p => p.Sum(s => s.Commands.Count) > 100);
        Has(text, "Rhône (69)");
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
        Has(text, "Karim B.");
        Has(text, "Lundi 08:00 – 18:00");
        Has(text, "Samedi 5 décembre 2026 08:00 – 17:00 9 h");
        Has(text, "Heures à effectuer 20 h");
        Has(text, "Agent CPIP du Rhône");
        AssertNoJudicialData(text);
        Assert.DoesNotContain(caseNumber, text, StringComparison.OrdinalIgnoreCase);
        // The decision, for the person, has them all.
        var decision = Text((await Compose(DocumentKind.DecisionAffectation, new DocumentSubject(person, placement))).Pdf);
        Has(decision, "BENALI");
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
        Has(text, "Karim B.");
        Has(text, "28/11/2026 09:00 – 13:00 4 h Présent 3,5 h");
        Has(text, "05/12/2026 08:00 – 17:00 9 h Prévue");
        Has(text, "21/11/2026 4 h Feuille papier reçue");
        Has(text, "Heures créditées 7,5 h sur 20 h à effectuer");
        Has(text, "Attestation en attente : les heures ne sont pas encore attestées par le tuteur");
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
        Has(text, "Heures créditées 20 h sur 20 h à effectuer");
        // 09:30 UTC is 10:30 in Paris in November.
        Has(text, "Attesté électroniquement par Julie Tutrice (julie.tutrice@example.org) le 28/11/2026 à 10:30 (heure de Paris), depuis 192.0.2.10");
        AssertNoJudicialData(text);

        var report = await Compose(DocumentKind.RapportFinMesure, new DocumentSubject(person));
        AssertFrame(report, "Rapport de fin de mesure");
        var final = Text(report.Pdf);
        Has(final, "Karim BENALI");
        Has(final, "Date de naissance 2 avril 1999");
        Has(final, "Heures prononcées 20 h");
        Has(final, "Heures restantes 0 h");
        Has(final, "Échéance effective 15 mars 2028");
        Has(final, "Clos (heures attestées)");
        Has(final, "20 h / 20 h");
        Has(final, "du 20/11/2026 au 21/11/2026"); // the days worked
        Has(final, "Aucun incident signalé.");
        Has(final, "Mesure exécutée : les 20 heures ont été effectuées.");
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
        Has(text, "Karim BENALI");
        Has(text, $"N° de dossier {caseNumber}");
        Has(text, "Nature Accident du travail");
        Has(text, "Coupure à la main pendant la taille des haies.");
        Has(text, "Survenu le 28/11/2026 à 09:30");
        Has(text, "Parc municipal");
        Has(text, "M. Durand");
        Has(text, "Rapport au juge de l'application des peines");
        Has(text, "Fin du placement");
        Has(text, "Consignes de sécurité refusées à plusieurs reprises.");
        Has(text, "Heures restantes 20 h");

        var final = Text((await Compose(DocumentKind.RapportFinMesure, new DocumentSubject(person))).Pdf);
        Has(final, "Accident du travail — signalé le 28/11/2026");
        Has(final, "Rapport au juge de l'application des peines — Fin du placement");
        Has(final, "Mesure non exécutée à ce jour : 20 h restantes.");
    }

    [SkippableFact]
    public async Task ALongListOfSessions_FlowsOntoFurtherPages_EachNumbered()
    {
        var (placement, person, _, _) = await ConfirmedPlacement(hours: 300);
        DateOnly last;
        using (var scope = app.Services.CreateScope())
        {
            var sessions = await scope.ServiceProvider.GetRequiredService<IMatchingStore>().Sessions.Where(s => s.PlacementId == placement).Select(s => s.Date).ToListAsync();
            Assert.True(sessions.Count >= 30, $"{sessions.Count} sessions");
            last = sessions.Max();
        }
        foreach (var kind in new[] { DocumentKind.DecisionAffectation, DocumentKind.FicheLiaison, DocumentKind.ReleveHeures })
        {
            var document = await Compose(kind, new DocumentSubject(person, placement));
            var pages = Pages(document.Pdf);
            Assert.True(pages.Count >= 2, $"{kind}: {pages.Count} page(s)");
            AssertFrame(document, document.Title);
            // Every session is there, the first to the last, on one page or the next.
            var all = string.Join('\n', pages);
            Has(all, kind == DocumentKind.ReleveHeures ? "05/12/2026 08:00 – 17:00" : "Samedi 5 décembre 2026 08:00 – 17:00");
            Has(all, kind == DocumentKind.ReleveHeures ? last.ToString("dd/MM/yyyy", System.Globalization.CultureInfo.InvariantCulture) : Placement.Kernel.French.Date(last));
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

    [SkippableFact]
    public async Task OverTheApi_TheHostDownloadsItsFicheDeLiaison_AndTheOfficerTheDecision_AsComposedPdf()
    {
        var (placement, _, officer, partner) = await ConfirmedPlacement(hours: 20);
        var fiche = await partner.GetAsync($"/api/placements/{placement}/documents/fiche-liaison");
        Assert.True(fiche.StatusCode == HttpStatusCode.OK, await fiche.Content.ReadAsStringAsync());
        Assert.Equal("application/pdf", fiche.Content.Headers.ContentType?.MediaType);
        var text = Text(await fiche.Content.ReadAsByteArrayAsync());
        Has(text, "Fiche de liaison");
        Has(text, "Karim B.");
        AssertNoJudicialData(text);
        var decision = await officer.GetAsync($"/api/placements/{placement}/documents/decision-affectation");
        Assert.True(decision.StatusCode == HttpStatusCode.OK, await decision.Content.ReadAsStringAsync());
        Has(Text(await decision.Content.ReadAsByteArrayAsync()), "Karim BENALI");
    }
}
