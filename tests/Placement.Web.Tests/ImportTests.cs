using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Imports;
using Microsoft.Extensions.DependencyInjection;
using Placement.Web.Data;

namespace Placement.Web.Tests;

/// <summary>
/// Issue 16, persons: the case-management export imported safely — each format and encoding, a report per line naming the
/// column, a dry run that writes nothing, all-or-nothing, an idempotent re-import, and the scope of the caller.
/// </summary>
[Collection(ApiCollection.Name)]
public class ImportTests(PlacementApp app)
{
    static ImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance); // Windows-1252, as office software writes it

    private const string Header = "numero_dossier;nom;prenom;spip;date_naissance;adresse;commune_insee;distance_max_km;heures_prononcees;date_jugement;date_echeance;disponibilites;savoir_faire;effort_physique_max";

    private static string Key() => "T-" + Guid.NewGuid().ToString("N")[..10].ToUpperInvariant();

    private async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(string email, byte[] file, string fileName, bool dryRun, bool allOrNothing = false)
    {
        var client = await app.ClientFor(email);
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(fileName.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/csv");
        var response = await client.PostAsync($"/api/imports/persons?dryRun={dryRun.ToString().ToLowerInvariant()}&allOrNothing={allOrNothing.ToString().ToLowerInvariant()}&fileName={Uri.EscapeDataString(fileName)}", content);
        return (response.StatusCode, await response.Json());
    }

    private async Task<int> CountAsync(params string[] keys)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().Persons.CountAsync(p => p.CaseNumber != null && keys.Contains(p.CaseNumber));
    }

    private static IEnumerable<(int Line, string Outcome)> Outcomes(JsonElement report) =>
        report.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("line").GetInt32(), l.GetProperty("outcome").GetString()!));

    [SkippableFact]
    public async Task ACsvWithABom_FrenchDatesAndDecimalCommas_IsPreviewed_ThenImported_ThenFoundUnchanged()
    {
        var (a, b) = (Key(), Key());
        var csv = $"""
            {Header}
            {a};Benali;Karim;69;02/04/1999;;69266;12,5;105;15/09/2026;15/03/2028;"lun 08:00-12:00 ; sam 9h-17h";cuisine, service;moyen
            {b};Moreau;Inès;69;1998-11-30;;69123;10;40;2026-10-01;2028-04-01;sam 09:00-12:00;;faible
            """;
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(csv)).ToArray();

        var (status, preview) = await ImportAsync(PlacementApp.Officer69, bytes, "export-appi.csv", dryRun: true);
        Assert.True(status == HttpStatusCode.OK, preview.GetRawText());
        Assert.True(Outcomes(preview).SequenceEqual([(2, "created"), (3, "created")]), preview.GetRawText());
        Assert.False(preview.GetProperty("applied").GetBoolean());
        Assert.Equal(0, await CountAsync(a, b)); // a dry run writes nothing

        var (_, done) = await ImportAsync(PlacementApp.Officer69, bytes, "export-appi.csv", dryRun: false);
        Assert.True(done.GetProperty("applied").GetBoolean());
        Assert.Equal(2, done.GetProperty("created").GetInt32());
        var officer = await app.ClientFor(PlacementApp.Officer69);
        using (var scope = app.Services.CreateScope())
        {
            var person = await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().Persons.AsNoTracking().SingleAsync(p => p.CaseNumber == a);
            Assert.Equal((12.5, "Karim", new DateOnly(1999, 4, 2)), (person.Profile.Mobility.MaxTravelKm, person.Profile.FirstName, person.Profile.BirthDate));
            Assert.Equal(2, person.Profile.Availability.Count);
            Assert.Equal(PlacementApp.Officer69, person.Profile.ReferentOfficer.Email); // blank referent: the importing officer
            var file = await (await officer.GetAsync($"/api/persons/{person.Id}")).Json();
            Assert.Equal(a, file.GetProperty("caseNumber").GetString());
        }

        var (_, again) = await ImportAsync(PlacementApp.Officer69, bytes, "export-appi.csv", dryRun: false);
        Assert.Equal([(2, "unchanged"), (3, "unchanged")], Outcomes(again));
        Assert.False(again.GetProperty("applied").GetBoolean());
        Assert.Equal(2, await CountAsync(a, b));

        var changed = Encoding.UTF8.GetBytes(csv.Replace(";12,5;105;", ";20;105;", StringComparison.Ordinal));
        var (_, updated) = await ImportAsync(PlacementApp.Officer69, changed, "export-appi.csv", dryRun: false);
        Assert.Equal([(2, "updated"), (3, "unchanged")], Outcomes(updated));

        using var check = app.Services.CreateScope();
        var records = await check.ServiceProvider.GetRequiredService<PlacementDbContext>().Imports.AsNoTracking().Where(r => r.FileName == "export-appi.csv" && r.By == PlacementApp.Officer69).ToListAsync();
        Assert.True(records.Count >= 4);
        Assert.Contains(records, r => r.DryRun && !r.Applied && r.Created == 2);
    }

    [SkippableFact]
    public async Task AWindows1252CsvSeparatedByCommas_KeepsItsAccents()
    {
        var key = Key();
        var csv = Header.Replace(';', ',') + "\r\n" + $"{key},Lefèvre,Zoé,69,12/06/2001,,69266,15,60,01/10/2026,01/04/2028,\"mer 14:00-17:00\",\"jardinage, bricolage\",élevé\r\n";
        var (status, report) = await ImportAsync(PlacementApp.Officer69, Encoding.GetEncoding(1252).GetBytes(csv), "export.csv", dryRun: false);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([(2, "created")], Outcomes(report));
        using var scope = app.Services.CreateScope();
        var person = await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().Persons.AsNoTracking().SingleAsync(p => p.CaseNumber == key);
        Assert.Equal(("Lefèvre", "Zoé"), (person.Profile.LastName, person.Profile.FirstName));
        Assert.Equal(["bricolage", "jardinage"], person.Profile.Skills);
        Assert.Equal(Placement.Catalogue.Domain.PhysicalDemand.High, person.Profile.MaxPhysicalDemand);
    }

    [SkippableFact]
    public async Task BadLines_AreReportedWithTheirLineAndColumn_AndAllOrNothingWritesNone()
    {
        var (good, bad, other, twice) = (Key(), Key(), Key(), Key());
        var csv = Encoding.UTF8.GetBytes($"""
            {Header}
            {good};Benali;Karim;69;02/04/1999;;69266;15;105;15/09/2026;15/03/2028;sam 08:00-17:00;;moyen
            {bad};Durand;Léo;69;31/02/1999;;69266;15;105;15/09/2026;15/03/2028;sam 08:00-17:00;;moyen
            {other};Petit;Anna;38;02/04/1999;;38185;15;105;15/09/2026;15/03/2028;sam 08:00-17:00;;moyen
            ;Sans;Numéro;69;02/04/1999;;69266;15;105;15/09/2026;15/03/2028;sam 08:00-17:00;;moyen
            {twice};Roux;Tom;69;02/04/1999;;99999;15;105;15/09/2026;15/03/2028;dimanche matin;;moyen
            {twice};Roux;Tom;69;02/04/1999;;69266;15;105;15/09/2026;15/03/2028;sam 08:00-17:00;;moyen
            """);
        var (_, report) = await ImportAsync(PlacementApp.Officer69, csv, "mixte.csv", dryRun: false, allOrNothing: true);
        Assert.Equal([(2, "created"), (3, "rejected"), (4, "rejected"), (5, "rejected"), (6, "rejected"), (7, "rejected")], Outcomes(report));
        Assert.False(report.GetProperty("applied").GetBoolean());
        Assert.Equal(0, await CountAsync(good, bad, other, twice)); // all or nothing: nothing

        var problems = report.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("line").GetInt32(),
            l => l.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("column").GetString(), p.GetProperty("message").GetString()!)).ToList());
        Assert.Contains(problems[3], p => p.Item1 == "date_naissance" && p.Item2.Contains("31/02/1999", StringComparison.Ordinal));
        Assert.Contains(problems[4], p => p.Item1 == "spip" && p.Item2.Contains("périmètre", StringComparison.Ordinal)); // an officer of the 69, a person of the 38
        Assert.Contains(problems[5], p => p.Item1 == "numero_dossier");
        Assert.Contains(problems[6], p => p.Item1 == "disponibilites");
        Assert.Contains(problems[7], p => p.Item1 == "numero_dossier" && p.Item2.Contains("ligne 6", StringComparison.Ordinal));

        var (_, partial) = await ImportAsync(PlacementApp.Officer69, csv, "mixte.csv", dryRun: false);
        Assert.True(partial.GetProperty("applied").GetBoolean());
        Assert.Equal(1, await CountAsync(good, bad, other, twice)); // the valid line only
    }

    /// <summary>
    /// Issue 25, item 8: a case number is unique within a SPIP. A line of the Rhône with the number of a person of the Isère is
    /// a new person of the Rhône — the import neither reads, nor changes, nor tells anything of the Isère's person.
    /// </summary>
    [SkippableFact]
    public async Task APersonOfAnotherSpip_IsNeitherReadNorChanged_ByAnImport()
    {
        var key = Key();
        var officer38 = await app.ClientFor(PlacementApp.Officer38);
        var person = PersonsApiTests.Person("38", "38185");
        person["caseNumber"] = key;
        person["home"] = new { communeInsee = "38185" };
        Assert.Equal(HttpStatusCode.Created, (await officer38.PostAsJsonAsync("/api/persons", person)).StatusCode);

        var csv = Encoding.UTF8.GetBytes($"{Header}\n{key};Durand;Léo;69;02/04/1999;;69266;15;105;15/09/2026;15/03/2028;sam 08:00-17:00;;moyen\n");
        var (_, report) = await ImportAsync(PlacementApp.Officer69, csv, "autre-spip.csv", dryRun: false);
        Assert.Equal([(2, "created")], Outcomes(report));
        using var scope = app.Services.CreateScope();
        var carriers = await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().Persons.AsNoTracking().Where(p => p.CaseNumber == key).ToListAsync();
        Assert.Equal(["38 Benali", "69 Durand"], carriers.Select(p => $"{p.Departement} {p.LastName}").Order(StringComparer.Ordinal));

        // The API refuses a case number already taken in the same SPIP, on its field.
        var duplicate = PersonsApiTests.Person("38", "38185");
        duplicate["caseNumber"] = key.ToLowerInvariant();
        var refused = await officer38.PostAsJsonAsync("/api/persons", duplicate);
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.True((await refused.Json()).GetProperty("errors").TryGetProperty("caseNumber", out _));
    }

    [SkippableFact]
    public async Task JsonInTheApisShape_CarriesEverything_AndABadElementNamesItsField()
    {
        var key = Key();
        var person = PersonsApiTests.Person("69", "69266");
        person["caseNumber"] = key;
        var json = JsonSerializer.SerializeToUtf8Bytes(new object[] { person, new { caseNumber = Key(), firstName = "Eva", birthDate = "pas une date" } },
            new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var (status, report) = await ImportAsync(PlacementApp.Officer69, json, "personnes.json", dryRun: false);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("json", report.GetProperty("format").GetString());
        Assert.Equal([(1, "created"), (2, "rejected")], Outcomes(report));
        Assert.Equal("birthDate", report.GetProperty("lines")[1].GetProperty("problems")[0].GetProperty("column").GetString());
        using var scope = app.Services.CreateScope();
        var created = await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().Persons.AsNoTracking().SingleAsync(p => p.CaseNumber == key);
        Assert.True(created.Profile.Restrictions.NoContactWithMinors);
        Assert.NotEmpty(created.Profile.Restrictions.ExclusionZones.Geometries); // what only the JSON carries
    }

    [SkippableFact]
    public async Task AFileWithoutARequiredColumn_OrEmpty_IsRefusedWhole()
    {
        var (status, body) = await ImportAsync(PlacementApp.Officer69, Encoding.UTF8.GetBytes("numero_dossier;nom;couleur\nA1;Benali;bleu\n"), "incomplet.csv", dryRun: true);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = string.Join(" ", body.GetProperty("errors").GetProperty("file").EnumerateArray().Select(e => e.GetString()));
        Assert.Contains("prenom : Colonne obligatoire absente", message, StringComparison.Ordinal);
        Assert.Contains("couleur : Colonne inconnue", message, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.BadRequest, (await ImportAsync(PlacementApp.Officer69, [], "vide.csv", dryRun: true)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(PlacementApp.Partner, Encoding.UTF8.GetBytes(Header), "x.csv", dryRun: true)).Status);
    }

    [SkippableFact]
    public async Task AFileOfMoreLinesThanTheBound_IsRefusedWhole_OnItsField_SayingTheBound()
    {
        var lines = string.Concat(Enumerable.Range(0, ImportFile.MaxLines + 1).Select(i => $"\nX{i};Nom;Prénom"));
        var (status, body) = await ImportAsync(PlacementApp.Officer69, Encoding.UTF8.GetBytes(Header + lines), "trop.csv", dryRun: true);
        Assert.Equal(HttpStatusCode.BadRequest, status);
        var message = body.GetProperty("errors").GetProperty("file")[0].GetString()!;
        Assert.Contains("au plus 20", message, StringComparison.Ordinal);
        Assert.Contains("découpez-le", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task AJsonElementWithAFieldTheFormatDoesNotHave_OrAValueOfTheWrongKind_IsToldInFrench_WithoutADotNetName()
    {
        var withId = PersonsApiTests.Person("69", "69266");
        withId["caseNumber"] = Key();
        withId["id"] = Guid.NewGuid();
        var json = JsonSerializer.SerializeToUtf8Bytes(new object[] { withId, new { caseNumber = Key(), hoursOrdered = "quarante" }, new { caseNumber = Key(), publicTransportOnly = 3 } },
            new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var (status, report) = await ImportAsync(PlacementApp.Officer69, json, "personnes.json", dryRun: true);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal([(1, "rejected"), (2, "rejected"), (3, "rejected")], Outcomes(report));
        var messages = report.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("problems")[0].GetProperty("message").GetString()!).ToList();
        Assert.StartsWith("Champ inconnu « id »", messages[0], StringComparison.Ordinal);
        Assert.Equal("Valeur illisible : un nombre est attendu.", messages[1]);
        Assert.Equal("Valeur illisible : vrai ou faux (true / false) est attendu.", messages[2]);
        Assert.All(messages, m => Assert.DoesNotMatch("System\\.|Placement\\.|JSON value|could not|\\.NET", m));

        var (broken, body) = await ImportAsync(PlacementApp.Officer69, Encoding.UTF8.GetBytes("[{\"caseNumber\": }]"), "casse.json", dryRun: true);
        Assert.Equal(HttpStatusCode.BadRequest, broken);
        Assert.Equal("JSON illisible : JSON mal formé (ligne 1, caractère 17).", body.GetProperty("errors").GetProperty("file")[0].GetString());
    }
}

/// <summary>The template offered to users is the importer's own columns, and it imports.</summary>
[Collection(ApiCollection.Name)]
public class ImportTemplateTests(PlacementApp app)
{
    private static string Template() => Path.Combine(Documentation.Root, "docs", "import", "modele-personnes.csv");

    [SkippableFact]
    public async Task ThePersonsTemplate_HasEveryColumn_AndItsExampleImports()
    {
        var lines = await File.ReadAllLinesAsync(Template());
        Assert.Equal(Placement.Matching.Features.Imports.PersonColumns.All.Select(c => c.Name), lines[0].Split(';'));
        var officer = await app.ClientFor(PlacementApp.Officer69);
        using var content = new ByteArrayContent(await File.ReadAllBytesAsync(Template()));
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("text/csv");
        var report = await (await officer.PostAsync("/api/imports/persons?dryRun=true&fileName=modele-personnes.csv", content)).Json();
        var line = report.GetProperty("lines")[0];
        Assert.True(line.GetProperty("outcome").GetString() is "created" or "unchanged", report.GetRawText());
    }
}
