using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Placement.Web.Demo;
using Placement.Web.Hosting;
using Placement.Web.Identity;

namespace Placement.Web.Data;

public static class DatabaseStartup
{
    private static async Task EnsureBootstrapAdminAsync(IServiceProvider sp, BootstrapOptions bootstrap)
    {
        if (bootstrap is not { AdminEmail: { Length: > 0 } email, AdminPassword: { Length: > 0 } password }) return;
        var users = sp.GetRequiredService<UserManager<PlacementUser>>();
        if (await users.FindByEmailAsync(email) is not null) return;
        var admin = new PlacementUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Administrateur" };
        var result = await users.CreateAsync(admin, password);
        if (result.Succeeded) result = await users.AddToRoleAsync(admin, Roles.Admin);
        if (!result.Succeeded)
            throw new InvalidOperationException($"Compte administrateur initial refusé (Placement:Bootstrap:AdminEmail={email}, Placement:Bootstrap:AdminPassword) : {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    /// <summary>
    /// Stops before migrating a database whose history was written by the migrations of before the first release
    /// (squashed since into one <c>Initial</c> per provider): applied migrations, but not this version's first one.
    /// Such a database only ever held demo data; it is not deleted here (the service cannot tell what it holds), the
    /// administrator deletes it and the next start creates it again.
    /// </summary>
    private static async Task EnsureNotOutdatedAsync(PlacementDbContext db, CancellationToken ct)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(ct)).ToList();
        if (applied.Count == 0 || applied.Contains(db.Database.GetMigrations().First(), StringComparer.Ordinal)) return;
        var connection = db.Database.GetDbConnection();
        throw new OutdatedDatabaseException(db.Database.IsNpgsql()
            ? $"La base PostgreSQL « {connection.Database} » (serveur {connection.DataSource}) a été créée par une version d'avant la première livraison, " +
              "dont les migrations ont été regroupées depuis ; elle ne peut pas être mise à jour. Elle ne contenait que des données de démonstration : " +
              $"supprimez-la et recréez-la vide (DROP DATABASE \"{connection.Database}\" ; CREATE DATABASE \"{connection.Database}\"), puis relancez : " +
              "le schéma est recréé (avec les données de démonstration si Placement:Demo:SeedWhenEmpty est vrai, comme par défaut)."
            : $"La base SQLite {connection.DataSource} a été créée par une version d'avant la première livraison, " +
              "dont les migrations ont été regroupées depuis ; elle ne peut pas être mise à jour. Elle ne contenait que des données de démonstration : " +
              "supprimez ce fichier (et ses fichiers -wal et -shm s'ils existent), puis relancez : " +
              "la base est recréée (avec les données de démonstration si Placement:Demo:SeedWhenEmpty est vrai, comme par défaut).");
    }

    /// <summary>
    /// Checks the search engine before serving: an unreachable Elasticsearch stops the start with a clear
    /// message (the embedded index just opens its folder). Returns false when the service must not start.
    /// </summary>
    public static async Task<bool> CheckSearchAsync(this IServiceProvider services, CancellationToken ct = default)
    {
        var index = services.GetRequiredService<Placement.Catalogue.Search.IPostSearchIndex>();
        try
        {
            await index.EnsureReadyAsync(ct);
            return true;
        }
        catch (Placement.Catalogue.Search.SearchUnavailableException e)
        {
            services.GetRequiredService<ILoggerFactory>().CreateLogger("Placement.Startup").LogCritical("Démarrage impossible : {Message}", e.Message);
            await Console.Error.WriteLineAsync("Démarrage impossible : " + e.Message);
            return false;
        }
    }

    /// <summary>
    /// Migrates the database, makes sure the four roles exist, loads the demo data into an empty
    /// database (<c>Placement:Demo:SeedWhenEmpty</c>) and keeps the demo accounts when demo mode is on.
    /// A database made before the migrations were squashed into one <c>Initial</c> (before the first release) is
    /// neither migrated nor touched: <see cref="OutdatedDatabaseException"/> says which one to delete.
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, bool loadDemo = true, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PlacementDbContext>();
        await EnsureNotOutdatedAsync(db, ct);
        await db.Database.MigrateAsync(ct);

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        await sp.GetRequiredService<Placement.Catalogue.Features.Activities.ActivityVocabulary>().LoadAsync(db, ct);

        var options = sp.GetRequiredService<IOptions<PlacementOptions>>().Value;
        await EnsureBootstrapAdminAsync(sp, options.Bootstrap);
        if (!loadDemo) return;
        var loader = sp.GetRequiredService<DemoDataLoader>();
        var loaded = options.Demo.SeedWhenEmpty && await loader.LoadIfEmptyAsync(ct);
        if (!loaded && options.Demo.Enabled) await loader.EnsureAccountsAsync(ct);
    }
}

/// <summary>
/// The database was made by the migrations of before the first release (squashed since): the start stops, the message
/// (French, for the administrator) names the database to delete. An <see cref="InvalidOperationException"/>, so that a
/// CLI verb prints it and exits with code 1 like any other refusal; the service prints it and exits with code 1 too.
/// </summary>
public sealed class OutdatedDatabaseException(string message) : InvalidOperationException(message);
