using System.Net;
using System.Text.Json;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Placement.Matching.Persistence;
using Placement.Matching.Features.Audit;

namespace Placement.Web.Tests;

/// <summary>
/// The audit trail: every read and every change of a person's data by a user leaves a line (who, when, what, which
/// person, from where), a change and its line in one transaction; administrators read and filter it, nobody changes it.
/// </summary>
public sealed class AuditTests : IClassFixture<PlacementApp>
{
    private readonly PlacementApp _app;

    public AuditTests(PlacementApp app) => _app = app;

    private async Task<List<JsonElement>> Lines(string query)
    {
        var admin = await _app.ClientFor(PlacementApp.Admin);
        var response = await admin.GetAsync("/api/audit?pageSize=100&" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return [.. (await response.Json()).GetProperty("items").EnumerateArray()];
    }

    private async Task<string> APerson()
    {
        var officer = await _app.ClientFor(PlacementApp.Officer69);
        return (await (await officer.GetAsync("/api/persons?pageSize=1&page=3")).Json()).GetProperty("items")[0].GetProperty("id").GetString()!;
    }

    [Fact]
    public async Task ReadingAPersonsFile_LeavesALine_NamingWhoWhatWhichPersonAndFromWhere()
    {
        var person = await APerson();
        var officer = await _app.ClientFor(PlacementApp.Officer69);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/persons/{person}")).StatusCode);

        var line = (await Lines($"personId={person}&action=read")).First(l => l.GetProperty("what").GetString() == "Fiche de la personne");
        Assert.Equal(PlacementApp.Officer69, line.GetProperty("actor").GetString());
        Assert.Equal(person, line.GetProperty("personIds")[0].GetString());
        Assert.Equal(1, line.GetProperty("personCount").GetInt32());
        Assert.Equal($"GET /api/persons/{person}", line.GetProperty("request").GetString());
        Assert.Equal(PlacementApp.ClientAddress, line.GetProperty("origin").GetString());
        Assert.Equal(_app.Clock.GetUtcNow(), line.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task Lists_SuitablePosts_AndPages_AreReadsToo()
    {
        var person = await APerson();
        var officer = await _app.ClientFor(PlacementApp.Officer69);
        await _app.SearchReady();
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/api/persons/{person}/suitable-posts")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await officer.GetAsync($"/personnes/{person}")).StatusCode);
        var whats = (await Lines($"personId={person}")).Select(l => l.GetProperty("what").GetString()).ToList();
        Assert.Contains("Postes adaptés à la personne", whats);
        Assert.Contains("Dossier de la personne et ses placements", whats);
        Assert.Contains("Liste des personnes (page 3)", whats);
    }

    [Fact]
    public async Task AChange_AndItsLine_AreOneTransaction()
    {
        var person = await APerson();
        var officer = await _app.ClientFor(PlacementApp.Officer69);
        var file = JsonSerializer.Deserialize<Dictionary<string, object?>>((await (await officer.GetAsync($"/api/persons/{person}")).Content.ReadAsStringAsync()))!;
        file["maxTravelKm"] = 21.5;
        var before = (await Lines($"personId={person}&action=update")).Count;

        // The database refuses the change: no line either.
        await Sql("CREATE TRIGGER panne_personne BEFORE UPDATE ON Persons BEGIN SELECT RAISE(ABORT, 'disk I/O error (panne simulée)'); END");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await officer.PutAsJsonAsync($"/api/persons/{person}", file)).StatusCode);
        await Sql("DROP TRIGGER panne_personne");
        Assert.Equal(before, (await Lines($"personId={person}&action=update")).Count);

        // The change goes through: its line with it.
        Assert.Equal(HttpStatusCode.OK, (await officer.PutAsJsonAsync($"/api/persons/{person}", file)).StatusCode);
        var lines = await Lines($"personId={person}&action=update");
        Assert.Equal(before + 1, lines.Count);
        Assert.Equal(("Fiche de la personne", PlacementApp.Officer69), (lines[0].GetProperty("what").GetString(), lines[0].GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task APlacement_ItsConfirmationAndItsHours_AreLines_ForTheirAuthors()
    {
        var post = await Scenarios.PartnerPost(_app, capacity: 1);
        var person = await Scenarios.Person(_app, post, hours: 20);
        var officer = await _app.ClientFor(PlacementApp.Officer69);
        var partner = await _app.ClientFor(PlacementApp.Partner);
        var id = (await (await officer.PostAsJsonAsync("/api/placements", new { personId = person, postId = post })).Json()).GetProperty("id").GetString();
        await partner.PostAsync($"/api/placements/{id}/confirm", null);
        Assert.Equal(HttpStatusCode.OK, (await officer.PostAsJsonAsync($"/api/placements/{id}/hours", new { note = "Feuille d'heures papier", date = "2026-11-21", hours = 4 })).StatusCode);

        var lines = (await Lines($"personId={person}")).Select(l => (l.GetProperty("actor").GetString(), l.GetProperty("action").GetString(), l.GetProperty("what").GetString())).ToList();
        Assert.Contains((PlacementApp.Officer69, "create", "Fiche de la personne"), lines);
        Assert.Contains((PlacementApp.Officer69, "create", "Placement (proposed)"), lines);
        Assert.Contains((PlacementApp.Partner, "update", "Placement (confirmed)"), lines);
        Assert.Contains((PlacementApp.Officer69, "create", "Heures effectuées"), lines);
    }

    [Fact]
    public async Task TheTrail_IsFilteredAndPaged_ForAdministratorsOnly_AndBadFiltersAreNamed()
    {
        var officer = await _app.ClientFor(PlacementApp.Officer69);
        await officer.GetAsync("/api/persons?pageSize=5");
        var mine = await Lines("actor=CPIP69&action=read&from=2026-11-28&to=2026-11-28");
        Assert.NotEmpty(mine);
        Assert.All(mine, l => Assert.Equal(PlacementApp.Officer69, l.GetProperty("actor").GetString()));
        Assert.Empty(await Lines("from=2026-11-29"));

        var admin = await _app.ClientFor(PlacementApp.Admin);
        Assert.Equal(["action"], await (await admin.GetAsync("/api/audit?action=lire")).ErrorFields());
        Assert.Equal(["to"], await (await admin.GetAsync("/api/audit?from=2026-11-28&to=2026-11-01")).ErrorFields());
        Assert.Equal(HttpStatusCode.Forbidden, (await officer.GetAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _app.ClientFor(PlacementApp.Coordinator)).GetAsync("/api/audit")).StatusCode);
    }

    [Fact]
    public async Task NobodyChangesOrDeletesALine_ThroughTheApplication()
    {
        var admin = await _app.ClientFor(PlacementApp.Admin);
        await (await _app.ClientFor(PlacementApp.Officer69)).GetAsync($"/api/persons/{await APerson()}");
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.DeleteAsync("/api/audit")).StatusCode);
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await admin.PutAsJsonAsync("/api/audit", new { })).StatusCode);

        using var scope = _app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<IMatchingStore>();
        var line = await store.AuditTrail.OrderBy(l => l.Id).FirstAsync();
        store.AuditTrail.Remove(line);
        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => store.SaveChangesAsync());
        Assert.Equal("Le journal d'audit ne se modifie ni ne se supprime.", refused.Message);
        using var again = _app.Services.CreateScope();
        Assert.True(await again.ServiceProvider.GetRequiredService<IMatchingStore>().AuditTrail.AnyAsync(l => l.Id == line.Id));
    }

    [Fact]
    public async Task EveryAccountChange_IsALine_NamingWhoDidIt_AndTheAccount()
    {
        var admin = await _app.ClientFor(PlacementApp.Admin);
        var created = await admin.PostAsJsonAsync("/api/users", new { email = "suivi-compte@test.placement", displayName = "Lou Martin", role = "officer", departements = new[] { "38" } });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Json()).GetProperty("account").GetProperty("id").GetString();
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/users/{id}", new { displayName = "Lou Martin", role = "coordinator", departements = new[] { "38", "69" } })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{id}/lock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{id}/unlock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{id}/reset-password", null)).StatusCode);

        var lines = (await Lines("actor=" + PlacementApp.Admin)).Where(l => l.GetProperty("what").GetString()!.StartsWith("Compte suivi-compte@test.placement : ", StringComparison.Ordinal))
            .Select(l => (l.GetProperty("action").GetString(), l.GetProperty("what").GetString()!["Compte suivi-compte@test.placement : ".Length..], l.GetProperty("personCount").GetInt32(), l.GetProperty("request").GetString()))
            .Reverse().ToList();
        Assert.Equal([
            ("create", "créé (départements 38)", 0, "POST /api/users"),
            ("update", "rôle Conseiller (CPIP)", 0, "POST /api/users"),
            ("update", "périmètre départements 38, 69 (avant : départements 38), rôle Conseiller (CPIP) retiré", 0, $"PUT /api/users/{id}"),
            ("update", "rôle Coordinateur", 0, $"PUT /api/users/{id}"),
            ("update", "verrouillé", 0, $"POST /api/users/{id}/lock"),
            ("update", "déverrouillé", 0, $"POST /api/users/{id}/unlock"),
            ("update", "nouveau mot de passe provisoire", 0, $"POST /api/users/{id}/reset-password"),
        ], lines);
    }

    [Fact]
    public async Task AcceptingAnApplication_OpensItsAccount_InTheTrail_UnderTheNameOfWhoAccepted()
    {
        var anonymous = _app.CreateClient();
        var applied = await anonymous.PostAsJsonAsync("/api/host-body-applications", new
        {
            name = "Jardins partagés de Vénissieux", legalType = "association", siret = "44306184100013",
            address = new { street = "5 rue Gaspard Picard", communeInsee = "69259" },
            contact = new { name = "Nadia Benali", email = "jardins@venissieux.test" },
            applicant = new { name = "Nadia Benali", email = "jardins@venissieux.test", password = "Jardins-Venissieux-2026" },
        });
        Assert.True(applied.StatusCode == HttpStatusCode.Created, await applied.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await Lines("actor=jardins"), _ => true);
        var coordinator = await _app.ClientFor(PlacementApp.Coordinator);
        var accepted = await coordinator.PostAsJsonAsync($"/api/host-body-applications/{(await applied.Json()).GetProperty("id").GetString()}/accept", new { });
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        var line = Assert.Single(await Lines("actor=" + PlacementApp.Coordinator), l => l.GetProperty("what").GetString()!.StartsWith("Compte jardins@venissieux.test", StringComparison.Ordinal));
        Assert.Equal("Compte jardins@venissieux.test : demande acceptée, compte ouvert", line.GetProperty("what").GetString());
    }

    private async Task Sql(string command)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(_app.DataDirectory, "placement.db")}");
        await connection.OpenAsync();
        await using var sql = connection.CreateCommand();
        sql.CommandText = command;
        await sql.ExecuteNonQueryAsync();
    }
}

/// <summary>The trail's growth is bounded: the daily job removes the lines past <c>Placement:Audit:RetentionDays</c>, and only those.</summary>
public sealed class AuditRetentionTests
{
    [Fact]
    public async Task LinesOlderThanTheRetention_AreRemoved_TheOthersKept()
    {
        using var app = new PlacementApp();
        app.Settings["Placement:Audit:RetentionDays"] = "90";
        var officer = await app.ClientFor(PlacementApp.Officer69);
        await officer.GetAsync("/api/persons?pageSize=3");
        app.Clock.Advance(TimeSpan.FromDays(91));
        using (var later = app.Services.CreateScope())
        {
            var caller = new Placement.Kernel.Caller(PlacementApp.Officer69, Placement.Kernel.CallerRoles.Officer, new HashSet<string> { "69" }, null);
            await later.ServiceProvider.GetRequiredService<PersonAudit>().ReadAsync(caller, "Liste des personnes (page 2)", Guid.NewGuid(), CancellationToken.None);
        }

        var removed = await app.Services.GetRequiredService<AuditRetentionJob>().RunAsync(CancellationToken.None);
        Assert.True(removed >= 1);
        using var scope = app.Services.CreateScope();
        var left = await scope.ServiceProvider.GetRequiredService<IMatchingStore>().AuditTrail.ToListAsync();
        Assert.Contains(left, l => l.What == "Liste des personnes (page 2)");
        Assert.All(left, l => Assert.True(l.At >= app.Clock.GetUtcNow().AddDays(-90)));
    }
}
