using System.Text.Json;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placement.Catalogue.Contracts;
using Placement.Catalogue.Domain;

namespace Placement.Catalogue.Persistence;

/// <summary>
/// What the catalogue needs of the database. The one DbContext of the host implements it, so the
/// catalogue never knows which provider (SQLite, PostgreSQL) or which other modules share the database.
/// </summary>
public interface ICatalogueStore
{
    DbSet<HostBody> HostBodies { get; }
    DbSet<Post> Posts { get; }
    DbSet<HostBodyApplication> HostBodyApplications { get; }
    DbSet<Activity> Activities { get; }
    DbSet<Search.SearchOutboxEntry> SearchOutbox { get; }
    DbSet<Placement.Kernel.Notifications.NotificationEvent> NotificationEvents { get; }
    DbSet<Imports.ImportRecord> Imports { get; }
    DbSet<Imports.PendingImport> PendingImports { get; }
    DatabaseFacade Database { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}

internal sealed class HostBodyConfiguration : IEntityTypeConfiguration<HostBody>
{
    public void Configure(EntityTypeBuilder<HostBody> b)
    {
        b.ToTable("HostBodies");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.Departement).HasMaxLength(3).IsRequired();
        b.HasIndex(x => x.Departement);
        b.Property(x => x.Siret).HasMaxLength(14).IsRequired();
        b.HasIndex(x => x.Siret);
        b.HasIndex(x => x.UpdatedAt); // as for posts
        b.Property(x => x.Details).HasColumnName("Document").IsRequired().HasConversion(
            d => StoredDocuments.Write<StoredHostBody>(d, StoredDocuments.Config),
            s => StoredDocuments.Read<StoredHostBody, HostBodyDetails>(s, StoredDocuments.Config));
        b.Property(x => x.ProposedAddress).HasMaxLength(1000).HasConversion(
            a => StoredDocuments.Write<StoredAddress>(a!, StoredDocuments.Config),
            s => StoredAddress.Read(s));
    }
}

internal sealed class ActivityConfiguration : IEntityTypeConfiguration<Activity>
{
    public void Configure(EntityTypeBuilder<Activity> b)
    {
        b.ToTable("Activities");
        b.HasKey(x => x.Code);
        b.Property(x => x.Code).HasMaxLength(60);
        b.Property(x => x.Label).HasMaxLength(80).IsRequired();
    }
}

internal sealed class HostBodyApplicationConfiguration : IEntityTypeConfiguration<HostBodyApplication>
{
    public void Configure(EntityTypeBuilder<HostBodyApplication> b)
    {
        b.ToTable("HostBodyApplications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasIndex(x => new { x.Status, x.Departement });
        b.Property(x => x.OrganisationName).HasMaxLength(200).IsRequired();
        b.Property(x => x.Siret).HasMaxLength(14).IsRequired();
        b.Property(x => x.Departement).HasMaxLength(3).IsRequired();
        b.Property(x => x.ApplicantName).HasMaxLength(120).IsRequired();
        b.Property(x => x.ApplicantEmail).HasMaxLength(200).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.RefusalReason).HasMaxLength(500);
    }
}

internal sealed class PostConfiguration : IEntityTypeConfiguration<Post>
{
    public void Configure(EntityTypeBuilder<Post> b)
    {
        b.ToTable("Posts");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<HostBody>().WithMany().HasForeignKey(x => x.HostBodyId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Departement).HasMaxLength(3).IsRequired();
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.RefusalReason).HasMaxLength(500);
        b.Property(x => x.Reference).HasMaxLength(60);
        b.Property(x => x.TutorEmail).HasMaxLength(200);
        b.HasIndex(x => x.TutorEmail);
        b.HasIndex(x => new { x.HostBodyId, x.Reference }).IsUnique(); // SIRET + reference: one post
        b.HasIndex(x => new { x.Departement, x.Status });
        b.HasIndex(x => x.UpdatedAt); // « what changed lately? », asked by caches of the catalogue before each use
        b.Property(x => x.Details).HasColumnName("Document").IsRequired().HasConversion(
            d => StoredDocuments.Write<StoredPost>(d, StoredDocuments.Config),
            s => StoredDocuments.Read<StoredPost, PostDetails>(s, StoredDocuments.Config));
    }
}

internal sealed class NotificationEventConfiguration : IEntityTypeConfiguration<Placement.Kernel.Notifications.NotificationEvent>
{
    public void Configure(EntityTypeBuilder<Placement.Kernel.Notifications.NotificationEvent> b)
    {
        b.ToTable("NotificationEvents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Detail).HasMaxLength(Placement.Kernel.Notifications.NotificationEvent.MaxDetail);
        b.Property(x => x.Key).HasMaxLength(120);
        b.Property(x => x.AccountId).HasMaxLength(450);
        b.HasIndex(x => x.DispatchedAt);
        b.HasIndex(x => x.Key).IsUnique();
    }
}
