using Microsoft.Data.Sqlite;
using Npgsql;

namespace Placement.Web.Tests;

/// <summary>
/// The migrations were squashed into one <c>Initial</c> per provider before the first release. A database made
/// before (its history names migrations that no longer exist, not this version's <c>Initial</c>) stops the start and
/// every verb with one French line naming the database to delete, and is left exactly as it was.
/// </summary>
public sealed class SquashedMigrationsTests
{
    /// <summary>The first migration of before the squash, as a database made then records it.</summary>
    private const string OldMigration = "20261128100142_Initial";

    private static readonly string[] OldTables = ["Persons", "__EFMigrationsHistory"];

    [Fact]
    public void ASqliteDatabaseOfBeforeTheSquash_StopsTheStartAndTheVerbs_AndIsLeftAsItIs()
    {
        var dir = Path.Combine(Path.GetTempPath(), "placement-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        var file = Path.Combine(dir, "placement.db");
        try
        {
            Execute(file, $"""
                CREATE TABLE "__EFMigrationsHistory" ("MigrationId" TEXT NOT NULL CONSTRAINT "PK___EFMigrationsHistory" PRIMARY KEY, "ProductVersion" TEXT NOT NULL);
                INSERT INTO "__EFMigrationsHistory" VALUES ('{OldMigration}', '10.0.0');
                CREATE TABLE "Persons" ("Id" TEXT NOT NULL PRIMARY KEY);
                """);
            foreach (var args in new[] { new[] { "--urls", "http://127.0.0.1:0" }, ["seed"] })
            {
                var (code, output, error) = ExecutableTests.Run([.. args, "--Placement:DataDirectory", dir]);
                Assert.True(code == 1, $"{code}: {output}{error}");
                Assert.StartsWith($"La base SQLite {file} a été créée par une version d'avant la première livraison", error.Trim(), StringComparison.Ordinal);
                Assert.Contains("supprimez ce fichier", error, StringComparison.Ordinal);
                Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
            }
            Assert.Equal(OldTables, Query(file, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"));
            Assert.Equal([OldMigration], Query(file, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\""));
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [SkippableFact]
    public void APostgresDatabaseOfBeforeTheSquash_StopsTheStart_AndIsLeftAsItIs()
    {
        var database = new PostgresTestDatabase();
        var settings = new Dictionary<string, string>();
        database.Configure(settings); // skips, with the reason, without a server
        var connection = settings["Placement:Database:ConnectionString"];
        var name = new NpgsqlConnectionStringBuilder(connection).Database!;
        var dir = Path.Combine(Path.GetTempPath(), "placement-tests", Guid.NewGuid().ToString("N"));
        try
        {
            using (var server = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connection) { Database = "postgres" }.ConnectionString))
            {
                server.Open();
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", server);
                create.ExecuteNonQuery();
            }
            string[] Tables()
            {
                using var db = new NpgsqlConnection(connection);
                db.Open();
                using var command = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY table_name COLLATE \"C\"", db);
                using var reader = command.ExecuteReader();
                var names = new List<string>();
                while (reader.Read()) names.Add(reader.GetString(0));
                return [.. names];
            }
            using (var db = new NpgsqlConnection(connection))
            {
                db.Open();
                using var old = new NpgsqlCommand($"""
                    CREATE TABLE "__EFMigrationsHistory" ("MigrationId" character varying(150) PRIMARY KEY, "ProductVersion" character varying(32) NOT NULL);
                    INSERT INTO "__EFMigrationsHistory" VALUES ('{OldMigration}', '10.0.0');
                    CREATE TABLE "Persons" ("Id" uuid PRIMARY KEY);
                    """, db);
                old.ExecuteNonQuery();
            }
            var (code, output, error) = ExecutableTests.Run("--urls", "http://127.0.0.1:0", "--Placement:DataDirectory", dir,
                "--Placement:Database:Provider", "Postgres", "--Placement:Database:ConnectionString", connection);
            Assert.True(code == 1, $"{code}: {output}{error}");
            Assert.StartsWith($"La base PostgreSQL « {name} » (serveur ", error.Trim(), StringComparison.Ordinal);
            Assert.Contains($"DROP DATABASE \"{name}\"", error, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
            Assert.Equal(OldTables, Tables());
        }
        finally
        {
            database.Drop();
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }

    private static void Execute(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static string[] Query(string file, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={file};Pooling=False;Mode=ReadOnly");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var values = new List<string>();
        while (reader.Read()) values.Add(reader.GetString(0));
        return [.. values];
    }
}
