using System.Text.Json;
using Mapster;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placement.Catalogue.Domain;
using Placement.Catalogue.Persistence;
using Placement.Matching.Domain;

namespace Placement.Matching.Persistence;

/// <summary>What the matching module needs of the database, beside the catalogue.</summary>
public interface IMatchingStore : ICatalogueStore
{
    DbSet<Person> Persons { get; }
    DbSet<TigPlacement> Placements { get; }
    DbSet<AssignmentRun> AssignmentRuns { get; }
    DbSet<AssignmentProposal> Proposals { get; }
    DbSet<UnplacedPerson> Unplaced { get; }
    DbSet<AssignmentSchedule> Schedules { get; }
    DbSet<AtRiskPerson> AtRisk { get; }
    DbSet<AuditEntry> AuditTrail { get; }
    DbSet<WorkSession> Sessions { get; }
    DbSet<Incident> Incidents { get; }
    DbSet<MeasureAction> MeasureActions { get; }
    DbSet<MeasureDocument> Documents { get; }
    DbSet<SpipLetterhead> Letterheads { get; }
    /// <summary>The persons' no-contact lists as rows, read only: <see cref="NoContactRows"/> derives them at every save.</summary>
    IQueryable<NoContactLink> NoContactLinks { get; }

    /// <summary>Forgets every tracked entity (after a failed save, before re-reading).</summary>
    void ChangeTrackerClear();
}

internal sealed class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("Persons");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Departement).HasMaxLength(3).IsRequired();
        b.Property(x => x.LastName).HasMaxLength(100).IsRequired();
        b.HasIndex(x => x.Departement);
        b.Property(x => x.CaseNumber).HasMaxLength(40);
        b.Ignore(x => x.IsUnderMeasure);
        // A case number is the key of one SPIP's imports: unique within a département, not across them (issue 25, item 8: a
        // number carried by another SPIP's person must be answered as an unused one). CaseNumber first: lookups by number alone use it.
        b.HasIndex(x => new { x.CaseNumber, x.Departement }).IsUnique();
        b.Property(x => x.Profile).HasColumnName("Document").IsRequired().HasConversion(
            p => StoredDocuments.Write<StoredPerson>(p, StoredPerson.Config),
            s => StoredDocuments.Read<StoredPerson, PersonProfile>(s, StoredPerson.Config));
    }
}

internal sealed class NoContactLinkConfiguration : IEntityTypeConfiguration<NoContactLink>
{
    public void Configure(EntityTypeBuilder<NoContactLink> b)
    {
        b.ToTable("PersonNoContacts");
        b.HasKey(x => new { x.PersonId, x.OtherPersonId });
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        // Rule 13, reverse direction: who lists this person?
        b.HasIndex(x => x.OtherPersonId);
    }
}

internal sealed class PlacementConfiguration : IEntityTypeConfiguration<TigPlacement>
{
    public void Configure(EntityTypeBuilder<TigPlacement> b)
    {
        b.ToTable("Placements");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Restrict);
        b.HasOne<Post>().WithMany().HasForeignKey(x => x.PostId).OnDelete(DeleteBehavior.Restrict);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.HasIndex(x => new { x.PostId, x.Status });
        b.HasIndex(x => new { x.PersonId, x.Status });
        // A person never holds two active placements: enforced by the database itself.
        b.HasIndex(x => x.PersonId).IsUnique().HasFilter($"\"Status\" IN ({string.Join(", ", TigPlacement.ActiveStatuses.Select(s => $"'{s}'"))})").HasDatabaseName("IX_Placements_OneActivePerPerson");
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Ignore(x => x.HoursLogged);
        b.Ignore(x => x.IsActive);
        b.Ignore(x => x.IsUnderway);
        b.OwnsMany<HoursLog>("_hours", h =>
        {
            h.ToTable("PlacementHours");
            h.WithOwner().HasForeignKey("PlacementId");
            h.Property<int>("Id");
            h.HasKey("Id");
            h.Property(x => x.Date);
            h.Property(x => x.Hours);
            h.Property(x => x.Note).HasMaxLength(500);
            h.Property(x => x.Tutor).HasMaxLength(200);
            h.Property(x => x.EnteredBy).HasMaxLength(200);
            h.Property(x => x.SessionId);
        });
        b.Ignore(x => x.Hours);
        b.OwnsOne(x => x.Attestation, a =>
        {
            a.Property(x => x.TutorName).HasMaxLength(200).HasColumnName("AttestedByName");
            a.Property(x => x.TutorEmail).HasMaxLength(256).HasColumnName("AttestedByEmail");
            a.Property(x => x.At).HasColumnName("AttestedAt");
            a.Property(x => x.Origin).HasMaxLength(64).HasColumnName("AttestedFrom");
            a.Property(x => x.Hours).HasColumnName("AttestedHours");
        });
    }
}
