using Microsoft.Extensions.DependencyInjection;
using Microsoft.AspNetCore.Hosting;
using Npgsql;

namespace Placement.Web.Tests;

/// <summary>
/// The same demo-loaded service on PostgreSQL: a fresh database on the server named by <c>PLACEMENT_TEST_POSTGRES</c>
/// (a connection string without a database, e.g. <c>Host=127.0.0.1;Port=55432;Username=postgres</c>; <c>.ci/run</c>
/// starts a throw-away cluster and sets it), dropped at the end. Without a reachable server, each test that uses it
/// is skipped with the reason.
/// </summary>
public sealed class PostgresPlacementApp : PlacementApp
{
    public const string Variable = "PLACEMENT_TEST_POSTGRES";

    private readonly PostgresTestDatabase _database = new();

    /// <summary>Why the PostgreSQL runs are skipped when no server is named.</summary>
    public const string NoServer = $"PostgreSQL : {Variable} n'est pas défini (.ci/run démarre un serveur et le définit).";

    public static string? ServerConnection => Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } s ? s : null;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        _database.Configure(Settings);
        base.ConfigureWebHost(builder);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _database.Drop();
    }

    /// <summary>Drops a test database, its connections closed first.</summary>
    public static void DropDatabase(string database)
    {
        if (ServerConnection is null) return;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(ServerConnection) { Database = "postgres" }.ConnectionString);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }
}

/// <summary>
/// A fresh database for one test service on the server of <c>PLACEMENT_TEST_POSTGRES</c>: the settings that point the
/// service at it (or a skip, with the reason, when no server answers), and its drop at the end.
/// </summary>
public sealed class PostgresTestDatabase
{
    private readonly string _name = "placement_test_" + Guid.NewGuid().ToString("N")[..12];
    private readonly Lazy<string?> _unavailable = new(Probe);

    public void Configure(IDictionary<string, string> settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (_unavailable.Value is { } reason) throw new SkipException(reason);
        settings["Placement:Database:Provider"] = "Postgres";
        settings["Placement:Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(PostgresPlacementApp.ServerConnection) { Database = _name }.ConnectionString;
    }

    public void Drop()
    {
        if (_unavailable.IsValueCreated && _unavailable.Value is null) PostgresPlacementApp.DropDatabase(_name);
    }

    private static string? Probe()
    {
        if (PostgresPlacementApp.ServerConnection is not { } server) return PostgresPlacementApp.NoServer;
        try
        {
            using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(server) { Database = "postgres", Timeout = 3 }.ConnectionString);
            connection.Open();
            return null;
        }
        catch (NpgsqlException e)
        {
            return $"PostgreSQL injoignable ({server}) : {e.Message}";
        }
    }
}

/// <summary>The API tests on PostgreSQL share one demo-loaded service too.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresApiCollection : ICollectionFixture<PostgresPlacementApp>
{
    public const string Name = "api-postgres";
}

// The API and persistence suites, again on PostgreSQL: every test of each class, on the other provider.
[Collection(PostgresApiCollection.Name)] public sealed class AssignmentRunTestsOnPostgres(PostgresPlacementApp app) : AssignmentRunTests(app);
[Collection(PostgresApiCollection.Name)] public sealed class CaseloadTestsOnPostgres(PostgresPlacementApp app) : CaseloadTests(app);
[Collection(PostgresApiCollection.Name)] public sealed class CatalogueApiTestsOnPostgres(PostgresPlacementApp app) : CatalogueApiTests(app);
[Collection(PostgresApiCollection.Name)] public sealed class ImportTestsOnPostgres(PostgresPlacementApp app) : ImportTests(app);
[Collection(PostgresApiCollection.Name)] public sealed class CatalogueImportTestsOnPostgres(PostgresPlacementApp app) : CatalogueImportTests(app);
[Collection(PostgresApiCollection.Name)] public sealed class CoDefendantTestsOnPostgres(PostgresPlacementApp app) : CoDefendantTests(app);
[Collection(PostgresApiCollection.Name)] public sealed class OtherSpipPersonsTestsOnPostgres(PostgresPlacementApp app) : OtherSpipPersonsTests(app);
[Collection(PostgresApiCollection.Name)] public sealed class ListGetAgreementTestsOnPostgres(PostgresPlacementApp app) : ListGetAgreementTests(app);
[Collection(PostgresApiCollection.Name)] public sealed class PersonsApiTestsOnPostgres(PostgresPlacementApp app) : PersonsApiTests(app);
[Collection(PostgresApiCollection.Name)] public sealed class PlacementTestsOnPostgres(PostgresPlacementApp app) : PlacementTests(app);
[Collection(PostgresApiCollection.Name)] public sealed class HoursSignatureTestsOnPostgres(PostgresPlacementApp app) : HoursSignatureTests(app);
[Collection(PostgresApiCollection.Name)] public sealed class PostValidationTestsOnPostgres(PostgresPlacementApp app) : PostValidationTests(app);
[Collection(PostgresApiCollection.Name)] public sealed class ScopeTestsOnPostgres(PostgresPlacementApp app) : ScopeTests(app);
[Collection(PostgresApiCollection.Name)] public sealed class SearchApiTestsOnPostgres(PostgresPlacementApp app) : SearchApiTests(app);
[Collection(PostgresApiCollection.Name)] public sealed class SuitablePostsTestsOnPostgres(PostgresPlacementApp app) : SuitablePostsTests(app);
[Collection(PostgresApiCollection.Name)] public sealed class UseCaseTestsOnPostgres(PostgresPlacementApp app) : UseCaseTests(app);
[Collection(PostgresApiCollection.Name)] public sealed class ValidationTestsOnPostgres(PostgresPlacementApp app) : ValidationTests(app);
[Collection(PostgresApiCollection.Name)] public sealed class AuthTestsOnPostgres(PostgresPlacementApp app) : AuthTests(app);

/// <summary>The suites above do run on PostgreSQL: the service's database is Npgsql's, migrated with its own migrations.</summary>
[Collection(PostgresApiCollection.Name)]
public sealed class PostgresProviderTests(PostgresPlacementApp app)
{
    [SkippableFact]
    public async Task TheService_RunsOnPostgreSql_WithItsOwnMigrations()
    {
        _ = app.CreateClient();
        using var scope = app.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<Placement.Web.Data.PlacementDbContext>();
        Assert.IsType<Placement.Web.Data.PostgresPlacementDbContext>(db);
        Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
        Assert.Empty(await Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GetPendingMigrationsAsync(db.Database));
        Assert.True(await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(db.Persons) >= 540);
        // Several nodes: the placement gate is the post's row, the jobs are in PostgreSQL.
        Assert.Equal("PostgresPlacementGate", app.Services.GetRequiredService<Placement.Matching.Features.Placements.IPlacementGate>().GetType().Name);
        Assert.IsType<Hangfire.PostgreSql.PostgreSqlStorage>(app.Services.GetRequiredService<Hangfire.JobStorage>());
    }
}

/// <summary>The command line on PostgreSQL: seed, seed again (refused), seed --reset, reindex — on a database of its own.</summary>
public sealed class CommandLineOnPostgresTests
{
    [SkippableFact]
    public void Seed_Reset_AndReindex_WorkOnPostgreSql()
    {
        Skip.If(PostgresPlacementApp.ServerConnection is null, PostgresPlacementApp.NoServer);
        var database = "placement_cli_" + Guid.NewGuid().ToString("N")[..12];
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(PostgresPlacementApp.ServerConnection) { Database = database }.ConnectionString;
        var dir = Path.Combine(Path.GetTempPath(), "placement-tests", Guid.NewGuid().ToString("N"));
        string[] postgres = ["--Placement:DataDirectory", dir, "--Placement:Database:Provider", "Postgres", "--Placement:Database:ConnectionString", connection];
        try
        {
            var first = ExecutableTests.Run(["seed", .. postgres]);
            Assert.True(first.ExitCode == 0, first.Err);
            Assert.Contains("Données de démonstration chargées", first.Out, StringComparison.Ordinal);
            var second = ExecutableTests.Run(["seed", .. postgres]);
            Assert.Equal(2, second.ExitCode);
            Assert.Contains("seed --reset", second.Err, StringComparison.Ordinal);
            var reset = ExecutableTests.Run(["seed", "--reset", .. postgres]);
            Assert.True(reset.ExitCode == 0, reset.Err);
            var reindex = ExecutableTests.Run(["reindex", .. postgres]);
            Assert.True(reindex.ExitCode == 0, reindex.Err);
            Assert.Matches(@"reconstruit : 1\d{3} postes publiés", reindex.Out);
        }
        finally
        {
            PostgresPlacementApp.DropDatabase(database);
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}

/// <summary>The search outbox drained by several indexers at once on PostgreSQL: each change once, nothing left, no conflict.</summary>
[Collection(PostgresApiCollection.Name)]
public sealed class OutboxOnPostgresTests(PostgresPlacementApp app)
{
    [SkippableFact]
    public async Task ManyDrainersAtOnce_ApplyEveryChange_AndLeaveTheOutboxEmpty()
    {
        _ = app.CreateClient();
        await app.SearchReady();
        var coordinator = await app.ClientFor(PlacementApp.Coordinator);
        var post = await Scenarios.PartnerPost(app, capacity: 1);
        var partner = await app.ClientFor(PlacementApp.Partner);
        var current = await (await partner.GetAsync($"/api/posts/{post}")).Json();
        var fields = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, object?>>(current.GetRawText())!;
        // Twenty edits of the title, the last one is what the index must hold.
        for (var i = 1; i <= 20; i++)
        {
            fields["title"] = $"Atelier vélo {i:00}";
            Assert.Equal(System.Net.HttpStatusCode.OK, (await partner.PutAsJsonAsync($"/api/posts/{post}", fields)).StatusCode);
        }
        var indexer = app.Services.GetRequiredService<Placement.Catalogue.Search.SearchIndexer>();
        await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => Task.Run(async () => { while (await indexer.ProcessBatchAsync()) { } })));
        await app.SearchReady();
        using var scope = app.Services.CreateScope();
        var store = scope.ServiceProvider.GetRequiredService<Placement.Catalogue.Persistence.ICatalogueStore>();
        Assert.Equal(0, await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.CountAsync(store.SearchOutbox));
        var found = await (await coordinator.GetAsync("/api/posts/search?q=" + Uri.EscapeDataString("Atelier vélo 20"))).Json();
        Assert.Contains(found.GetProperty("items").EnumerateArray(), i => i.GetProperty("post").GetProperty("title").GetString() == "Atelier vélo 20");
        Assert.Equal("PostgresOutboxLease", app.Services.GetRequiredService<Placement.Catalogue.Search.ISearchOutboxLease>().GetType().Name);
    }
}
