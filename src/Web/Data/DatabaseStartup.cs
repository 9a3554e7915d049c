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
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services, bool loadDemo = true, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<PlacementDbContext>();
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
