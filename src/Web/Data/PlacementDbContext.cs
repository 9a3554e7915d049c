using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Persistence;
using Placement.Matching.Domain;
using Placement.Matching.Persistence;
using Placement.Notifications.Persistence;
using Placement.Web.Identity;

namespace Placement.Web.Data;

/// <summary>
/// The one database of Placement: Identity, the catalogue, the matching module and the notifications. Each module
/// brings its own entity configurations; this class only gathers them, so a provider changes nothing in the
/// domain. This type is the SQLite database and owns its migrations (<c>Data/Migrations/Sqlite</c>);
/// <see cref="PostgresPlacementDbContext"/> is the same model on PostgreSQL with its own (<c>Data/Migrations/Postgres</c>).
/// </summary>
public class PlacementDbContext : IdentityDbContext<PlacementUser, IdentityRole, string>, INotificationStore, IDataProtectionKeyContext
{
    public PlacementDbContext(DbContextOptions<PlacementDbContext> options) : base(options) { }

    /// <summary>For a provider's own context type (its migrations are found by that type).</summary>
    protected PlacementDbContext(DbContextOptions options) : base(options) { }

    public DbSet<HostBody> HostBodies => Set<HostBody>();
    public DbSet<Post> Posts => Set<Post>();
    public DbSet<HostBodyApplication> HostBodyApplications => Set<HostBodyApplication>();
    public DbSet<Activity> Activities => Set<Activity>();

    /// <summary>The keys that protect cookies and tokens, shared by every node of the service.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<Person> Persons => Set<Person>();
    public DbSet<TigPlacement> Placements => Set<TigPlacement>();
    public DbSet<Placement.Matching.Domain.AssignmentRun> AssignmentRuns => Set<Placement.Matching.Domain.AssignmentRun>();
    public DbSet<Placement.Matching.Domain.AssignmentProposal> Proposals => Set<Placement.Matching.Domain.AssignmentProposal>();
    public DbSet<Placement.Matching.Domain.UnplacedPerson> Unplaced => Set<Placement.Matching.Domain.UnplacedPerson>();
    public DbSet<Placement.Matching.Domain.AssignmentSchedule> Schedules => Set<Placement.Matching.Domain.AssignmentSchedule>();
    public DbSet<Placement.Matching.Domain.AtRiskPerson> AtRisk => Set<Placement.Matching.Domain.AtRiskPerson>();
    public DbSet<Placement.Matching.Domain.AuditEntry> AuditTrail => Set<Placement.Matching.Domain.AuditEntry>();
    public DbSet<Placement.Matching.Domain.WorkSession> Sessions => Set<Placement.Matching.Domain.WorkSession>();
    public DbSet<Placement.Matching.Domain.Incident> Incidents => Set<Placement.Matching.Domain.Incident>();
    public DbSet<Placement.Matching.Domain.MeasureAction> MeasureActions => Set<Placement.Matching.Domain.MeasureAction>();
    public DbSet<Placement.Matching.Domain.MeasureDocument> Documents => Set<Placement.Matching.Domain.MeasureDocument>();
    public DbSet<Placement.Matching.Domain.SpipLetterhead> Letterheads => Set<Placement.Matching.Domain.SpipLetterhead>();
    public DbSet<Placement.Catalogue.Search.SearchOutboxEntry> SearchOutbox => Set<Placement.Catalogue.Search.SearchOutboxEntry>();
    public DbSet<Placement.Kernel.Notifications.NotificationEvent> NotificationEvents => Set<Placement.Kernel.Notifications.NotificationEvent>();
    public DbSet<Placement.Notifications.Domain.Notification> Notifications => Set<Placement.Notifications.Domain.Notification>();
    public DbSet<Placement.Notifications.Domain.NotificationPreference> NotificationPreferences => Set<Placement.Notifications.Domain.NotificationPreference>();
    public IQueryable<Placement.Matching.Domain.NoContactLink> NoContactLinks => Set<Placement.Matching.Domain.NoContactLink>().AsNoTracking();
    public DbSet<Placement.Catalogue.Imports.ImportRecord> Imports => Set<Placement.Catalogue.Imports.ImportRecord>();
    public DbSet<Placement.Catalogue.Imports.PendingImport> PendingImports => Set<Placement.Catalogue.Imports.PendingImport>();

    public void ChangeTrackerClear() => ChangeTracker.Clear();

    /// <summary>Whatever built the options (the host, a test, a benchmark), derived rows follow their documents in every save.</summary>
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder)
    {
        ArgumentNullException.ThrowIfNull(optionsBuilder);
        optionsBuilder.AddInterceptors(NoContactRows.Instance);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(ICatalogueStore).Assembly);
        builder.ApplyConfigurationsFromAssembly(typeof(IMatchingStore).Assembly);
        builder.ApplyConfigurationsFromAssembly(typeof(INotificationStore).Assembly);
        builder.ApplyConfiguration(new SignInRecordConfiguration());
        builder.Entity<PlacementUser>(u =>
        {
            u.Property(x => x.DisplayName).HasMaxLength(200);
            u.Property(x => x.Departements).HasMaxLength(400);
            u.Ignore(x => x.DepartementList);
        });
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite cannot order or compare DateTimeOffset values stored as text; store UTC ticks instead.
        if (Database.IsSqlite())
            configurationBuilder.Properties<DateTimeOffset>().HaveConversion<Microsoft.EntityFrameworkCore.Storage.ValueConversion.DateTimeOffsetToBinaryConverter>();
    }
}
