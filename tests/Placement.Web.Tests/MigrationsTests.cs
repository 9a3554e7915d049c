using Microsoft.EntityFrameworkCore;
using Placement.Web.Data;

namespace Placement.Web.Tests;

/// <summary>Each provider's migrations describe the model exactly: a change of the model without its two migrations fails here.</summary>
public class MigrationsTests
{
    [Fact]
    public void TheSqliteMigrations_MatchTheModel()
    {
        using var db = new PlacementDbContext(new DbContextOptionsBuilder<PlacementDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(db.Database.HasPendingModelChanges(), "dotnet ef migrations add <Nom> --project src/Web --context PlacementDbContext --output-dir Data/Migrations/Sqlite");
        Assert.NotEmpty(db.Database.GetMigrations());
    }

    [Fact]
    public void ThePostgresMigrations_MatchTheModel_AndAreTheirOwn()
    {
        // No server is contacted: the model and the migrations are compared in memory.
        using var db = new PostgresPlacementDbContext(new DbContextOptionsBuilder<PostgresPlacementDbContext>().UseNpgsql("Host=localhost;Database=unused").Options);
        Assert.False(db.Database.HasPendingModelChanges(),
            "dotnet ef migrations add <Nom> --project src/Web --context PostgresPlacementDbContext --output-dir Data/Migrations/Postgres");
        using var sqlite = new PlacementDbContext(new DbContextOptionsBuilder<PlacementDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.Empty(db.Database.GetMigrations().Intersect(sqlite.Database.GetMigrations()));
    }
}
