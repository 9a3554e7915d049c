using System.Net;
using Microsoft.Data.Sqlite;

namespace Placement.Web.Tests;

/// <summary>
/// The database failing under the service: a lock held for a moment is waited for; a lock held too long, or a
/// write the database refuses mid-transaction, answers 503 in French with nothing half-written; an unusable data
/// folder stops the start with a clear message.
/// </summary>
public sealed class DatabaseFaultTests
{
    private static string Database(PlacementApp app) => Path.Combine(app.DataDirectory, "placement.db");

    private static object Application(string siret, string email) => new
    {
        name = "Ressourcerie du Plateau",
        legalType = "association",
        siret,
        address = new { street = "3 rue des Tanneurs", communeInsee = "69123" },
        contact = new { name = "Inès Garnier", email = "contact@ressourcerie-plateau.fr" },
        applicant = new { name = "Inès Garnier", email, password = "Ressourcerie-2026-solide" },
    };

    private static async Task<long> Count(PlacementApp app, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={Database(app)}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM \"{table}\"";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task ALockHeldForAMoment_IsWaitedFor_AndTheWriteSucceeds()
    {
        using var app = new PlacementApp();
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        await using var other = new SqliteConnection($"Data Source={Database(app)}");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();
        }
        var write = coordinator.PostAsJsonAsync("/api/host-bodies", CatalogueApiTests.HostBody("Régie de quartier des Minguettes"));
        await Task.Delay(1500);
        Assert.False(write.IsCompleted, "the write did not wait for the lock");
        await using (var commit = other.CreateCommand())
        {
            commit.CommandText = "COMMIT";
            await commit.ExecuteNonQueryAsync();
        }
        Assert.Equal(HttpStatusCode.Created, (await write).StatusCode);
    }

    [Fact]
    public async Task ALockHeldTooLong_Answers503InFrench_AndNothingIsWritten()
    {
        using var app = new PlacementApp();
        app.Settings["Placement:Database:ConnectionString"] = $"Data Source={Database(app)};Default Timeout=1";
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var before = await Count(app, "HostBodies");
        await using var other = new SqliteConnection($"Data Source={Database(app)}");
        await other.OpenAsync();
        await using (var begin = other.CreateCommand())
        {
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync();
        }
        var refused = await coordinator.PostAsJsonAsync("/api/host-bodies", CatalogueApiTests.HostBody("Régie de quartier des Minguettes"));
        await using (var rollback = other.CreateCommand())
        {
            rollback.CommandText = "ROLLBACK";
            await rollback.ExecuteNonQueryAsync();
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("5", refused.Headers.RetryAfter?.ToString());
        var problem = await refused.Json();
        Assert.Equal("Base de données indisponible.", problem.GetProperty("title").GetString());
        Assert.Contains("rien n'a été enregistré", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Sqlite", await refused.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(before, await Count(app, "HostBodies"));
    }

    [Fact]
    public async Task AWriteRefusedMidTransaction_Answers503_AndLeavesNoHostBodyNorAccountBehind()
    {
        using var app = new PlacementApp();
        var anonymous = await app.ClientFor(null);
        var (hostBodies, users) = (await Count(app, "HostBodies"), await Count(app, "AspNetUsers"));
        // The database refuses the last insert of the application (host body, account, then the application itself).
        await using (var connection = new SqliteConnection($"Data Source={Database(app)}"))
        {
            await connection.OpenAsync();
            await using var trigger = connection.CreateCommand();
            trigger.CommandText = "CREATE TRIGGER panne BEFORE INSERT ON HostBodyApplications BEGIN SELECT RAISE(ABORT, 'disk I/O error (panne simulée)'); END";
            await trigger.ExecuteNonQueryAsync();
        }
        var refused = await anonymous.PostAsJsonAsync("/api/host-body-applications", Application("44306184100005", "ines.garnier@ressourcerie-plateau.fr"));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, refused.StatusCode);
        Assert.Equal("Base de données indisponible.", (await refused.Json()).GetProperty("title").GetString());
        Assert.Equal(hostBodies, await Count(app, "HostBodies"));
        Assert.Equal(users, await Count(app, "AspNetUsers"));

        // Once the database accepts again, the same application goes through: nothing of the failed one was left to clash with (SIRET, e-mail).
        await using (var connection = new SqliteConnection($"Data Source={Database(app)}"))
        {
            await connection.OpenAsync();
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DROP TRIGGER panne";
            await drop.ExecuteNonQueryAsync();
        }
        var accepted = await anonymous.PostAsJsonAsync("/api/host-body-applications", Application("44306184100005", "ines.garnier@ressourcerie-plateau.fr"));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
        Assert.Equal(hostBodies + 1, await Count(app, "HostBodies"));
    }

    [Theory]
    [InlineData("a-file")]
    [InlineData("a-file/below")]
    public async Task AnUnusableDataFolder_StopsTheStart_WithOneClearLine(string relative)
    {
        var root = Path.Combine(Path.GetTempPath(), "placement-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        await File.WriteAllTextAsync(Path.Combine(root, "a-file"), "not a folder");
        var folder = Path.Combine(root, relative);
        var (code, output, error) = ExecutableTests.Run("--urls", "http://127.0.0.1:0", "--Placement:DataDirectory", folder);
        Assert.Equal(2, code);
        Assert.StartsWith($"Dossier de données inutilisable : {folder} (", error.Trim(), StringComparison.Ordinal);
        Assert.Contains("Placement:DataDirectory", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(root, "a-file")));
        Directory.Delete(root, recursive: true);
    }
}
