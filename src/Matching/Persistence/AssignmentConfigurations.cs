using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placement.Matching.Domain;

namespace Placement.Matching.Persistence;

internal sealed class AssignmentRunConfiguration : IEntityTypeConfiguration<AssignmentRun>
{
    public void Configure(EntityTypeBuilder<AssignmentRun> b)
    {
        b.ToTable("AssignmentRuns");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        // The job and a cancel request race on these two: an update made on a stale read fails and is retried.
        b.Property(x => x.State).HasConversion<string>().HasMaxLength(16).IsConcurrencyToken();
        b.Property(x => x.CancelRequested).IsConcurrencyToken();
        b.Property(x => x.Phase).HasMaxLength(32);
        b.Property(x => x.RequestedBy).HasMaxLength(200);
        b.Property(x => x.SolveStatus).HasMaxLength(16);
        b.Property(x => x.Error).HasMaxLength(2000);
        b.HasIndex(x => x.State);
        // Hangfire delivers a recurring job at least once: a second delivery of an occurrence finds its run.
        b.HasIndex(x => new { x.ScheduleId, x.Occurrence }).IsUnique();
        b.Ignore(x => x.IsFinished);
    }
}

internal sealed class AssignmentProposalConfiguration : IEntityTypeConfiguration<AssignmentProposal>
{
    public void Configure(EntityTypeBuilder<AssignmentProposal> b)
    {
        b.ToTable("AssignmentProposals");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<AssignmentRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.DecidedBy).HasMaxLength(200);
        b.Property(x => x.RejectionReason).HasMaxLength(500);
        // A run proposes at most one post per person, whatever happens to its job (retries, duplicates).
        b.HasIndex(x => new { x.RunId, x.PersonId }).IsUnique();
        b.HasIndex(x => new { x.PersonId, x.Status });
    }
}

internal sealed class UnplacedPersonConfiguration : IEntityTypeConfiguration<UnplacedPerson>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public void Configure(EntityTypeBuilder<UnplacedPerson> b)
    {
        b.ToTable("UnplacedPersons");
        b.HasKey(x => x.Id);
        b.HasOne<AssignmentRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Reason).HasMaxLength(32);
        b.HasIndex(x => new { x.RunId, x.PersonId }).IsUnique();
        b.Property(x => x.BlockingRules).HasConversion(
            d => d == null ? null : JsonSerializer.Serialize(d, Json),
            s => s == null ? null : JsonSerializer.Deserialize<Dictionary<string, int>>(s, Json),
            new ValueComparer<Dictionary<string, int>?>((a, c) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(c, Json), d => d == null ? 0 : d.Count, d => d));
    }
}

internal sealed class AssignmentScheduleConfiguration : IEntityTypeConfiguration<AssignmentSchedule>
{
    public void Configure(EntityTypeBuilder<AssignmentSchedule> b)
    {
        b.ToTable("AssignmentSchedules");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Cron).HasMaxLength(100);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.Ignore(x => x.RecurringJobId);
    }
}

internal sealed class AtRiskPersonConfiguration : IEntityTypeConfiguration<AtRiskPerson>
{
    public void Configure(EntityTypeBuilder<AtRiskPerson> b)
    {
        b.ToTable("AtRiskPersons");
        b.HasKey(x => x.PersonId);
        b.Property(x => x.Departement).HasMaxLength(3);
        b.HasIndex(x => x.Departement);
    }
}
