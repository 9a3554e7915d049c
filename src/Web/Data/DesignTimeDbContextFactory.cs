using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Placement.Web.Data;

/// <summary>
/// Used by <c>dotnet ef migrations add X --context PlacementDbContext --output-dir Data/Migrations/Sqlite</c> only: the
/// SQLite model, no running host needed (no database is opened to write a migration).
/// </summary>
internal sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<PlacementDbContext>
{
    public PlacementDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PlacementDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>
/// Used by <c>dotnet ef migrations add X --context PostgresPlacementDbContext --output-dir Data/Migrations/Postgres</c>:
/// the PostgreSQL model (no server is contacted to write a migration).
/// </summary>
internal sealed class PostgresDesignTimeDbContextFactory : IDesignTimeDbContextFactory<PostgresPlacementDbContext>
{
    public PostgresPlacementDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPlacementDbContext>().UseNpgsql("Host=localhost;Database=placement_design").Options);
}
