using Microsoft.EntityFrameworkCore;

namespace Placement.Web.Data;

/// <summary>
/// The Placement database on PostgreSQL (<c>Placement:Database:Provider = Postgres</c>): the same model, its own migrations
/// in <c>Data/Migrations/Postgres</c>. Resolved as <see cref="PlacementDbContext"/> everywhere else.
/// </summary>
public sealed class PostgresPlacementDbContext(DbContextOptions<PostgresPlacementDbContext> options) : PlacementDbContext(options);
