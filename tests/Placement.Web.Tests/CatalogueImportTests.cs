using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Catalogue.Domain;
using Placement.Web.Data;

namespace Placement.Web.Tests;

/// <summary>
/// Issue 16, the catalogue: host bodies found again by their SIRET, posts by SIRET + the partner's reference — each
/// format and encoding, a report per line naming the column, dry run, all-or-nothing, an idempotent re-import, and the
/// scope: a coordinator's départements, a partner's own host body.
/// </summary>
[Collection(ApiCollection.Name)]
public class CatalogueImportTests(PlacementApp app)
{
    static CatalogueImportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    private const string HostBodyHeader = "siret;nom;forme_juridique;habilitation;habilitation_debut;habilitation_fin;adresse;commune_insee;contact_nom;contact_courriel;contact_telephone";
    private const string PostHeader = "siret;reference;intitule;description;activite;savoir_faire;adresse;commune_insee;places;heures_hebdo_max;creneaux;ouvert_du;ouvert_au;tuteur_nom;tuteur_courriel;tuteur_telephone;effort_physique;contact_mineurs;proche_transports;etat";

    /// <summary>A new valid SIRET (14 digits, Luhn key), so that each test owns its host bodies.</summary>
    internal static string NewSiret()
    {
        var digits = string.Concat(Enumerable.Range(0, 13).Select(_ => (char)('0' + Random.Shared.Next(10))));
        for (var last = 0; last < 10; last++)
            if (Siret.LuhnValid(digits + last)) return digits + last;
        throw new InvalidOperationException("unreachable");
    }

    internal static async Task<(HttpStatusCode Status, JsonElement Body)> ImportAsync(PlacementApp app, string kind, string email, byte[] file, string fileName, bool dryRun, bool allOrNothing = false)
    {
        var client = await app.ClientFor(email);
        using var content = new ByteArrayContent(file);
        content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue(fileName.EndsWith(".json", StringComparison.Ordinal) ? "application/json" : "text/csv");
        var response = await client.PostAsync($"/api/imports/{kind}?dryRun={dryRun.ToString().ToLowerInvariant()}&allOrNothing={allOrNothing.ToString().ToLowerInvariant()}&fileName={Uri.EscapeDataString(fileName)}", content);
        return (response.StatusCode, await response.Json());
    }

    private static IEnumerable<(int Line, string Outcome)> Outcomes(JsonElement report) =>
        report.GetProperty("lines").EnumerateArray().Select(l => (l.GetProperty("line").GetInt32(), l.GetProperty("outcome").GetString()!));

    private static Dictionary<int, List<(string? Column, string Message)>> Problems(JsonElement report) =>
        report.GetProperty("lines").EnumerateArray().ToDictionary(l => l.GetProperty("line").GetInt32(),
            l => l.GetProperty("problems").EnumerateArray().Select(p => (p.GetProperty("column").GetString(), p.GetProperty("message").GetString()!)).ToList());

    private async Task<List<HostBody>> HostBodiesAsync(params string[] sirets)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().HostBodies.AsNoTracking().Where(h => sirets.Contains(h.Siret)).ToListAsync();
    }

    private async Task<List<Post>> PostsAsync(Guid hostBodyId)
    {
        using var scope = app.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().Posts.AsNoTracking().Where(p => p.HostBodyId == hostBodyId).OrderBy(p => p.Reference).ToListAsync();
    }

    /// <summary>A host body of the Rhône, imported by the coordinator; its id.</summary>
    private async Task<Guid> HostBodyAsync(string siret, string name = "Association Import Postes")
    {
        var csv = $"{HostBodyHeader}\n{siret};{name};association;habilitée;01/01/2026;31/12/2030;;69259;Claire Martin;claire@exemple.fr;\n";
        var (status, report) = await ImportAsync(app, "host-bodies", PlacementApp.Coordinator, Encoding.UTF8.GetBytes(csv), "structures.csv", dryRun: false);
        Assert.True(status == HttpStatusCode.OK && report.GetProperty("created").GetInt32() == 1, report.GetRawText());
        return (await HostBodiesAsync(siret)).Single().Id;
    }

    [SkippableFact]
    public async Task HostBodies_InWindows1252_AreCreated_ThenFoundUnchanged_ThenUpdated_BySiret()
    {
        var (commune, association) = (NewSiret(), NewSiret());
        var csv = $"""
            {HostBodyHeader}
            {commune};Commune de Vénissieux;Commune;;;;5 avenue Marcel Houël;69259;Service des ressources humaines;rh@ville-venissieux.fr;04 72 21 44 44
            {association[..3]} {association[3..6]} {association[6..9]} {association[9..]};Les Jardins de l'Ozon;Association;habilitée;01/01/2026;31/12/2029;;69290;Claire Martin;;04 78 00 00 00
            """;
        var bytes = Encoding.GetEncoding(1252).GetBytes(csv);
        var (status, preview) = await ImportAsync(app, "host-bodies", PlacementApp.Coordinator, bytes, "structures.csv", dryRun: true);
        Assert.True(status == HttpStatusCode.OK, preview.GetRawText());
        Assert.True(Outcomes(preview).SequenceEqual([(2, "created"), (3, "created")]), preview.GetRawText());
        Assert.Empty(await HostBodiesAsync(commune, association)); // a dry run writes nothing

        var (_, done) = await ImportAsync(app, "host-bodies", PlacementApp.Coordinator, bytes, "structures.csv", dryRun: false);
        Assert.True(done.GetProperty("applied").GetBoolean());
        var created = (await HostBodiesAsync(commune, association)).ToDictionary(h => h.Siret);
        Assert.Equal("Commune de Vénissieux", created[commune].Name); // the accents of Windows-1252
        Assert.Equal(HabilitationStatus.ByRight, created[commune].Details.Habilitation.Status); // blank: by right for a commune
        Assert.Equal((HabilitationStatus.Habilitated, new DateOnly(2029, 12, 31)), (created[association].Details.Habilitation.Status, created[association].Details.Habilitation.Period!.End));
        Assert.Equal("Les Jardins de l'Ozon", created[association].Name);
        // No street: placed in its commune, and the line says so on the address's column.
        Assert.Contains(Problems(done)[3], p => p.Column == "adresse" && p.Message.Contains("centre", StringComparison.Ordinal));

        var (_, again) = await ImportAsync(app, "host-bodies", PlacementApp.Coordinator, bytes, "structures.csv", dryRun: false);
        Assert.True(Outcomes(again).SequenceEqual([(2, "unchanged"), (3, "unchanged")]), again.GetRawText());
        Assert.False(again.GetProperty("applied").GetBoolean());

        var renamed = Encoding.GetEncoding(1252).GetBytes(csv.Replace("Claire Martin", "Claire Martin-Dubois", StringComparison.Ordinal));
        var (_, updated) = await ImportAsync(app, "host-bodies", PlacementApp.Coordinator, renamed, "structures.csv", dryRun: false);
        Assert.True(Outcomes(updated).SequenceEqual([(2, "unchanged"), (3, "updated")]), updated.GetRawText());
        Assert.Equal("Claire Martin-Dubois", (await HostBodiesAsync(association)).Single().Details.Contact.Name);
        Assert.Equal(2, (await HostBodiesAsync(commune, association)).Count);

        using var scope = app.Services.CreateScope();
        Assert.True(await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().Imports.AnyAsync(r => r.Kind == "host-bodies" && r.By == PlacementApp.Coordinator && r.Applied && r.Created == 2));
    }

    [SkippableFact]
    public async Task HostBodies_BadLinesAndLinesOutOfScope_AreRejectedOnTheirColumn_AndAllOrNothingWritesNone()
    {
        var (good, paris, twice) = (NewSiret(), NewSiret(), NewSiret());
        var csv = Encoding.UTF8.GetBytes($"""
            {HostBodyHeader}
            {good};Association Bonne Ligne;association;en attente;;;;69123;Léa Roux;lea@exemple.fr;
            {paris};Association Parisienne;association;en attente;;;;75056;Léa Roux;lea@exemple.fr;
            12345678901234;Mauvais SIRET;association;en attente;;;;69123;Léa Roux;lea@exemple.fr;
            {twice};Forme Inconnue;coopérative;;;;;69123;Léa Roux;lea@exemple.fr;
            {twice};Doublon;association;habilitée;01/01/2026;;;69123;Léa Roux;;
            """);
        var (_, report) = await ImportAsync(app, "host-bodies", PlacementApp.Coordinator, csv, "mixte.csv", dryRun: false, allOrNothing: true);
        Assert.True(Outcomes(report).SequenceEqual([(2, "created"), (3, "rejected"), (4, "rejected"), (5, "rejected"), (6, "rejected")]), report.GetRawText());
        Assert.False(report.GetProperty("applied").GetBoolean());
        Assert.Empty(await HostBodiesAsync(good, paris, twice));

        var problems = Problems(report);
        Assert.Contains(problems[3], p => p.Column == "commune_insee" && p.Message.Contains("75", StringComparison.Ordinal) && p.Message.Contains("périmètre", StringComparison.Ordinal));
        Assert.Contains(problems[4], p => p.Column == "siret" && p.Message.Contains("clé de contrôle", StringComparison.Ordinal));
        Assert.Contains(problems[5], p => p.Column == "forme_juridique");
        Assert.Contains(problems[6], p => p.Column == "siret" && p.Message.Contains("ligne 5", StringComparison.Ordinal));

        var (_, partial) = await ImportAsync(app, "host-bodies", PlacementApp.Coordinator, csv, "mixte.csv", dryRun: false);
        Assert.True(partial.GetProperty("applied").GetBoolean());
        Assert.Equal([good], (await HostBodiesAsync(good, paris, twice)).Select(h => h.Siret));

        // Officers and partners do not import host bodies.
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(app, "host-bodies", PlacementApp.Officer69, csv, "x.csv", dryRun: true)).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(app, "host-bodies", PlacementApp.Partner, csv, "x.csv", dryRun: true)).Status);
    }

    [SkippableFact]
    public async Task Posts_AreFoundAgainBySiretAndReference_AndEtatMovesThemForward()
    {
        var siret = NewSiret();
        var hostBody = await HostBodyAsync(siret);
        var csv = $"""
            {PostHeader}
            {siret};ESP-01;Entretien des espaces verts;Tonte, désherbage et plantations.;Espaces verts;jardinage;;;2;10,5;"lun 08:00-12:00 ; jeu 13h30-17h";01/01/2027;31/12/2027;Paul Girard;;04 72 21 44 00;moyen;non;oui;à valider
            {siret};CUI-01;Aide en cuisine;Préparation des repas du restaurant solidaire.;restauration-aide-alimentaire;cuisine;12 rue de la République;69259;1;7;mar 09:00-12:00;2027-01-01;2027-12-31;Inès Moreau;ines@exemple.fr;;faible;non;oui;publié
            """;
        var (status, done) = await ImportAsync(app, "posts", PlacementApp.Coordinator, Encoding.UTF8.GetBytes(csv), "postes.csv", dryRun: false);
        Assert.True(status == HttpStatusCode.OK, done.GetRawText());
        Assert.True(Outcomes(done).SequenceEqual([(2, "created"), (3, "created")]), done.GetRawText());
        var posts = await PostsAsync(hostBody);
        Assert.Equal(["CUI-01", "ESP-01"], posts.Select(p => p.Reference));
        Assert.Equal([PostStatus.Published, PostStatus.PendingValidation], posts.Select(p => p.Status)); // « publié » by the SPIP, « à valider »
        var green = posts[1].Details;
        Assert.Equal(("espaces-verts", 10.5, 2), (green.Activity, green.MaxWeeklyHoursPerPerson, green.Schedule.Count)); // the activity by its label
        Assert.Equal("69259", green.Place.CommuneInsee); // no address: the host body's

        var (_, again) = await ImportAsync(app, "posts", PlacementApp.Coordinator, Encoding.UTF8.GetBytes(csv), "postes.csv", dryRun: false);
        Assert.True(Outcomes(again).SequenceEqual([(2, "unchanged"), (3, "unchanged")]), again.GetRawText());
        Assert.Equal(2, (await PostsAsync(hostBody)).Count);

        // « brouillon » never takes a post back; a new description updates it in place.
        var edited = csv.Replace("Tonte, désherbage", "Tonte, taille", StringComparison.Ordinal).Replace(";publié", ";brouillon", StringComparison.Ordinal);
        var (_, updated) = await ImportAsync(app, "posts", PlacementApp.Coordinator, Encoding.UTF8.GetBytes(edited), "postes.csv", dryRun: false);
        Assert.True(Outcomes(updated).SequenceEqual([(2, "updated"), (3, "unchanged")]), updated.GetRawText());
        posts = await PostsAsync(hostBody);
        Assert.Equal(PostStatus.Published, posts[0].Status);
        Assert.StartsWith("Tonte, taille", posts[1].Details.Description, StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task APartner_ImportsItsOwnPostsOnly_AndOnlyTheSpipPublishes()
    {
        var partner = await app.ClientFor(PlacementApp.Partner);
        var own = (await (await partner.GetAsync("/api/host-bodies")).Json()).GetProperty("items")[0];
        var (ownSiret, ownId) = (own.GetProperty("siret").GetString()!, Guid.Parse(own.GetProperty("id").GetString()!));
        var other = NewSiret();
        await HostBodyAsync(other, "Association Voisine");
        var reference = "P-" + Guid.NewGuid().ToString("N")[..8];
        string Line(string siret, string etat, string title = "Accueil du public") =>
            $"{siret};{reference};{title};Accueil et orientation des visiteurs.;Accueil administratif;;;;1;7;mer 14:00-17:00;01/01/2027;31/12/2027;Tuteur Partenaire;tuteur@exemple.fr;;faible;non;oui;{etat}";
        var csv = $"{PostHeader}\n{Line(ownSiret, "à valider")}\n{Line(other, "")}\n{Line(NewSiret(), "")}\n";
        var (_, report) = await ImportAsync(app, "posts", PlacementApp.Partner, Encoding.UTF8.GetBytes(csv), "mes-postes.csv", dryRun: false);
        Assert.True(Outcomes(report).SequenceEqual([(2, "created"), (3, "rejected"), (4, "rejected")]), report.GetRawText());
        var problems = Problems(report);
        Assert.Contains(problems[3], p => p.Column == "siret" && p.Message.Contains("périmètre", StringComparison.Ordinal));
        Assert.Contains(problems[4], p => p.Column == "siret" && p.Message.Contains("importez-la d'abord", StringComparison.Ordinal));
        var post = (await PostsAsync(ownId)).Single(p => p.Reference == reference);
        Assert.Equal(PostStatus.PendingValidation, post.Status);

        var publish = Encoding.UTF8.GetBytes($"{PostHeader}\n{Line(ownSiret, "publié")}\n");
        var (_, refused) = await ImportAsync(app, "posts", PlacementApp.Partner, publish, "mes-postes.csv", dryRun: false);
        Assert.Contains(Problems(refused)[2], p => p.Column == "etat" && p.Message.Contains("Seul le SPIP", StringComparison.Ordinal));

        // Published by the SPIP, then changed in substance by the partner's file: back to validation, and the line says so.
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.PostAsync($"/api/posts/{post.Id}/publish", null)).StatusCode);
        var substance = Encoding.UTF8.GetBytes($"{PostHeader}\n{Line(ownSiret, "").Replace(";1;7;", ";3;7;", StringComparison.Ordinal)}\n");
        var (_, changed) = await ImportAsync(app, "posts", PlacementApp.Partner, substance, "mes-postes.csv", dryRun: false);
        Assert.True(Outcomes(changed).SequenceEqual([(2, "updated")]), changed.GetRawText());
        Assert.Contains(Problems(changed)[2], p => p.Message.Contains("repasse en validation", StringComparison.Ordinal));
        Assert.Equal(PostStatus.PendingValidation, (await PostsAsync(ownId)).Single(p => p.Reference == reference).Status);
        Assert.Equal(HttpStatusCode.Forbidden, (await ImportAsync(app, "posts", PlacementApp.Officer69, substance, "x.csv", dryRun: true)).Status);
    }

    [SkippableFact]
    public async Task EveryImport_IsRecorded_AndListedToItsAuthor_AndToAdministrators()
    {
        var file = $"historique-{Guid.NewGuid():N}.csv";
        var csv = Encoding.UTF8.GetBytes($"{HostBodyHeader}\n{NewSiret()};Association Historique;association;en attente;;;;69123;Léa Roux;lea@exemple.fr;\n");
        await ImportAsync(app, "host-bodies", PlacementApp.Coordinator, csv, file, dryRun: true);
        await ImportAsync(app, "host-bodies", PlacementApp.Coordinator, csv, file, dryRun: false);

        async Task<List<JsonElement>> ListAsync(string email, string query)
        {
            var response = await (await app.ClientFor(email)).GetAsync($"/api/imports{query}");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return [.. (await response.Json()).GetProperty("items").EnumerateArray()];
        }
        var mine = (await ListAsync(PlacementApp.Coordinator, "?kind=host-bodies&pageSize=100")).Where(r => r.GetProperty("fileName").GetString() == file).ToList();
        Assert.Equal([(false, true, 1), (true, false, 1)], mine.Select(r => (r.GetProperty("dryRun").GetBoolean(), r.GetProperty("applied").GetBoolean(), r.GetProperty("created").GetInt32())).Order());
        Assert.All(mine, r => Assert.Equal(PlacementApp.Coordinator, r.GetProperty("by").GetString()));
        Assert.DoesNotContain(await ListAsync(PlacementApp.Officer69, "?pageSize=100"), r => r.GetProperty("fileName").GetString() == file); // another's imports
        Assert.Equal(2, (await ListAsync(PlacementApp.Admin, "?kind=host-bodies&pageSize=100")).Count(r => r.GetProperty("fileName").GetString() == file));
        var bad = await (await app.ClientFor(PlacementApp.Coordinator)).GetAsync("/api/imports?kind=couleurs");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True((await bad.Json()).GetProperty("errors").TryGetProperty("kind", out _));
    }

    [SkippableFact]
    public async Task APagesPreview_IsKeptForItsAuthor_AndConfirmedOnce_BeforeItExpires()
    {
        var siret = NewSiret();
        var file = Encoding.UTF8.GetBytes($"{HostBodyHeader}\n{siret};Association Aperçu;association;en attente;;;;69123;Léa Roux;lea@exemple.fr;\n");
        var coordinator = new Placement.Kernel.Caller(PlacementApp.Coordinator, Placement.Kernel.CallerRoles.Coordinator, new HashSet<string> { "69" }, null);
        var admin = Placement.Kernel.Caller.Operator(PlacementApp.Admin);
        async Task<Placement.Catalogue.Imports.ImportReport> Confirm(Placement.Kernel.Caller caller, string kind, Guid id)
        {
            using var scope = app.Services.CreateScope();
            return await scope.ServiceProvider.GetRequiredService<Placement.Catalogue.Features.Imports.ConfirmImport>().HandleAsync(caller, kind, id, CancellationToken.None);
        }

        Placement.Catalogue.Imports.ImportReport preview;
        using (var scope = app.Services.CreateScope())
            preview = await scope.ServiceProvider.GetRequiredService<Placement.Catalogue.Features.Imports.PreviewImport>()
                .HandleAsync(coordinator, "host-bodies", new("structures.csv", file, DryRun: true, AllOrNothing: false), CancellationToken.None);
        Assert.Equal(1, preview.Created);
        Assert.Empty(await HostBodiesAsync(siret)); // kept, not written

        var refused = await Assert.ThrowsAsync<Placement.Kernel.ValidationFailedException>(() => Confirm(admin, "host-bodies", preview.Id)); // not the author
        Assert.True(refused.Errors.ContainsKey("file"));
        await Assert.ThrowsAsync<Placement.Kernel.ValidationFailedException>(() => Confirm(coordinator, "posts", preview.Id)); // not that kind
        var done = await Confirm(coordinator, "host-bodies", preview.Id);
        Assert.True(done.Applied);
        Assert.Single(await HostBodiesAsync(siret));
        await Assert.ThrowsAsync<Placement.Kernel.ValidationFailedException>(() => Confirm(coordinator, "host-bodies", preview.Id)); // once

        // A preview older than its lifetime is refused, and the next preview deletes it.
        var old = Guid.NewGuid();
        using (var scope = app.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
            db.PendingImports.Add(new Placement.Catalogue.Imports.PendingImport(old, "host-bodies", "ancien.csv", PlacementApp.Coordinator, false, file,
                app.Clock.GetUtcNow() - Placement.Catalogue.Imports.PendingImport.Lifetime - TimeSpan.FromMinutes(1)));
            await db.SaveChangesAsync();
        }
        await Assert.ThrowsAsync<Placement.Kernel.ValidationFailedException>(() => Confirm(coordinator, "host-bodies", old));
        using (var scope = app.Services.CreateScope())
            await scope.ServiceProvider.GetRequiredService<Placement.Catalogue.Features.Imports.PreviewImport>()
                .HandleAsync(coordinator, "host-bodies", new("structures.csv", file, DryRun: true, AllOrNothing: false), CancellationToken.None);
        using (var scope = app.Services.CreateScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().PendingImports.AnyAsync(p => p.Id == old));
    }

    [SkippableFact]
    public async Task AnAccount_KeepsItsThreeLatestPreviews_ANewOneReplacesTheOldest()
    {
        var caller = new Placement.Kernel.Caller("apercus@test.placement", Placement.Kernel.CallerRoles.Coordinator, new HashSet<string> { "69" }, null);
        var previews = new List<Guid>();
        for (var i = 0; i < Placement.Catalogue.Imports.PendingImport.KeptPerAccount + 2; i++)
        {
            var file = Encoding.UTF8.GetBytes($"{HostBodyHeader}\n{NewSiret()};Association Aperçu {i};association;en attente;;;;69123;Léa Roux;lea@exemple.fr;\n");
            using var scope = app.Services.CreateScope();
            previews.Add((await scope.ServiceProvider.GetRequiredService<Placement.Catalogue.Features.Imports.PreviewImport>()
                .HandleAsync(caller, "host-bodies", new($"structures-{i}.csv", file, DryRun: true, AllOrNothing: false), CancellationToken.None)).Id);
            app.Clock.Advance(TimeSpan.FromSeconds(1));
        }
        using (var scope = app.Services.CreateScope())
        {
            var kept = await scope.ServiceProvider.GetRequiredService<PlacementDbContext>().PendingImports.Where(p => p.By == caller.Who).Select(p => p.Id).ToListAsync();
            Assert.Equal(previews.TakeLast(Placement.Catalogue.Imports.PendingImport.KeptPerAccount).Order(), kept.Order());
        }
        using (var scope = app.Services.CreateScope())
        {
            var refused = await Assert.ThrowsAsync<Placement.Kernel.ValidationFailedException>(() =>
                scope.ServiceProvider.GetRequiredService<Placement.Catalogue.Features.Imports.ConfirmImport>().HandleAsync(caller, "host-bodies", previews[0], CancellationToken.None));
            Assert.Contains("seuls vos trois derniers aperçus sont gardés", refused.Errors["file"][0], StringComparison.Ordinal);
        }
    }

    [SkippableFact]
    public async Task PostsInJson_CarryTheApisShape_WithTheSiret_AndABadElementNamesItsField()
    {
        var siret = NewSiret();
        var hostBody = await HostBodyAsync(siret);
        var post = CatalogueApiTests.Post(hostBody.ToString());
        post.Remove("hostBodyId");
        post["siret"] = siret;
        post["reference"] = "JSON-01";
        post["status"] = "pending-validation";
        var json = JsonSerializer.SerializeToUtf8Bytes(new object[] { post, new { siret, reference = "JSON-02", capacity = "beaucoup" } }, new JsonSerializerOptions(JsonSerializerDefaults.Web));
        var (status, report) = await ImportAsync(app, "posts", PlacementApp.Coordinator, json, "postes.json", dryRun: false);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("json", report.GetProperty("format").GetString());
        Assert.True(Outcomes(report).SequenceEqual([(1, "created"), (2, "rejected")]), report.GetRawText());
        Assert.Equal("capacity", Problems(report)[2][0].Column);
        var created = (await PostsAsync(hostBody)).Single();
        Assert.Equal(("JSON-01", PostStatus.PendingValidation, "Aide jardinier"), (created.Reference, created.Status, created.Details.Title));
    }
}

/// <summary>Broken files, for every kind: refused whole (400 on <c>file</c>) or line by line, never a 5xx, and nothing written.</summary>
[Collection(ApiCollection.Name)]
public class MalformedImportTests(PlacementApp app)
{
    public static TheoryData<string> Kinds => ["persons", "host-bodies", "posts"];

    private static IEnumerable<(string Name, byte[] Bytes)> Corpus(string header)
    {
        var random = new Random(16);
        var noise = new byte[4096];
        random.NextBytes(noise);
        yield return ("json-ouvert.json", "[{"u8.ToArray());
        yield return ("objet.json", "{}"u8.ToArray());
        yield return ("nombres.json", "[1, 2, \"trois\"]"u8.ToArray());
        yield return ("nul.json", "[null, {}]"u8.ToArray());
        yield return ("champ-inconnu.json", "[{\"couleur\": \"bleu\"}]"u8.ToArray());
        yield return ("bruit.csv", noise);
        yield return ("bom-seul.csv", [0xEF, 0xBB, 0xBF]);
        yield return ("zeros.csv", new byte[64]);
        yield return ("en-tete-seul.csv", Encoding.UTF8.GetBytes(header + "\n"));
        yield return ("guillemet.csv", Encoding.UTF8.GetBytes($"{header}\n\"ouvert;{new string(';', 30)}\n"));
        yield return ("colonnes-en-trop.csv", Encoding.UTF8.GetBytes($"{header}\n{string.Join(';', Enumerable.Repeat("x", 80))}\n"));
        yield return ("ligne-geante.csv", Encoding.UTF8.GetBytes($"{header}\n{new string('a', 1_000_000)}\n"));
        yield return ("utf8-invalide.csv", [.. Encoding.UTF8.GetBytes(header + "\n"), 0xC3, 0x28, 0xFF, (byte)';', 0x80]);
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public async Task BrokenFiles_AreRefusedOrRejected_NeverAServerError_AndWriteNothing(string kind)
    {
        string header;
        using (var scope = app.Services.CreateScope())
            header = string.Join(';', scope.ServiceProvider.GetServices<Placement.Catalogue.Imports.IImporter>().Single(i => i.Kind == kind).Columns.Select(c => c.Name));
        var email = kind == "persons" ? PlacementApp.Officer69 : PlacementApp.Coordinator;
        async Task<(int, int, int)> CountsAsync()
        {
            using var scope = app.Services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<PlacementDbContext>();
            return (await db.Persons.CountAsync(), await db.HostBodies.CountAsync(), await db.Posts.CountAsync());
        }
        var before = await CountsAsync();
        foreach (var (name, bytes) in Corpus(header))
        {
            var (status, body) = await CatalogueImportTests.ImportAsync(app, kind, email, bytes, name, dryRun: false);
            Assert.True(status is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{name}: {status} {body.GetRawText()}");
            if (status == HttpStatusCode.BadRequest) Assert.True(body.GetProperty("errors").TryGetProperty("file", out _), $"{name}: {body.GetRawText()}");
            else Assert.Equal(0, body.GetProperty("created").GetInt32() + body.GetProperty("updated").GetInt32());
        }
        Assert.Equal(before, await CountsAsync());
    }
}

/// <summary>The templates offered to users are the importers' own columns, and their examples import.</summary>
[Collection(ApiCollection.Name)]
public class CatalogueImportTemplateTests(PlacementApp app)
{
    private static string Template(string slug) => Path.Combine(Documentation.Root, "docs", "import", $"modele-{slug}.csv");

    [SkippableFact]
    public async Task TheHostBodiesAndPostsTemplates_AreTheImportersColumns_AndTheirExamplesImport()
    {
        if (Environment.GetEnvironmentVariable("PLACEMENT_WRITE_DOCS") == "1")
        {
            await File.WriteAllBytesAsync(Template("structures"), Placement.Catalogue.Imports.ImportFile.Template(Placement.Catalogue.Imports.HostBodyColumns.All));
            await File.WriteAllBytesAsync(Template("postes"), Placement.Catalogue.Imports.ImportFile.Template(Placement.Catalogue.Imports.PostColumns.All));
        }
        Assert.Equal(Placement.Catalogue.Imports.ImportFile.Template(Placement.Catalogue.Imports.HostBodyColumns.All), await File.ReadAllBytesAsync(Template("structures")));
        Assert.Equal(Placement.Catalogue.Imports.ImportFile.Template(Placement.Catalogue.Imports.PostColumns.All), await File.ReadAllBytesAsync(Template("postes")));

        var (_, hostBodies) = await CatalogueImportTests.ImportAsync(app, "host-bodies", PlacementApp.Coordinator, await File.ReadAllBytesAsync(Template("structures")), "modele-structures.csv", dryRun: false);
        Assert.True(hostBodies.GetProperty("lines")[0].GetProperty("outcome").GetString() is "created" or "unchanged", hostBodies.GetRawText());
        var (_, posts) = await CatalogueImportTests.ImportAsync(app, "posts", PlacementApp.Coordinator, await File.ReadAllBytesAsync(Template("postes")), "modele-postes.csv", dryRun: true);
        Assert.True(posts.GetProperty("lines")[0].GetProperty("outcome").GetString() is "created" or "unchanged", posts.GetRawText());
    }
}
