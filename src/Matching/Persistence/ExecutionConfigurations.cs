using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placement.Matching.Domain;

namespace Placement.Matching.Persistence;

internal sealed class WorkSessionConfiguration : IEntityTypeConfiguration<WorkSession>
{
    public void Configure(EntityTypeBuilder<WorkSession> b)
    {
        b.ToTable("Sessions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<TigPlacement>().WithMany().HasForeignKey(x => x.PlacementId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Reason).HasMaxLength(500);
        b.Property(x => x.CreatedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.PlacementId, x.Date });
        b.HasIndex(x => x.Date); // « Aujourd'hui »: the day's sessions
        b.Ignore(x => x.PlannedHours);
        b.Ignore(x => x.IsOpen);
        b.OwnsOne(x => x.Attendance, a =>
        {
            a.Property(x => x.Outcome).HasConversion<string>().HasMaxLength(24).HasColumnName("AttendanceOutcome");
            a.Property(x => x.Arrival).HasColumnName("AttendanceArrival");
            a.Property(x => x.Departure).HasColumnName("AttendanceDeparture");
            a.Property(x => x.BreakMinutes).HasColumnName("AttendanceBreakMinutes");
            a.Property(x => x.Reason).HasMaxLength(500).HasColumnName("AttendanceReason");
            a.Property(x => x.Comment).HasMaxLength(500).HasColumnName("AttendanceComment");
            a.Property(x => x.ProofDueBy).HasColumnName("AttendanceProofDueBy");
            a.Property(x => x.RecordedBy).HasMaxLength(200).HasColumnName("AttendanceRecordedBy");
            a.Property(x => x.RecordedAt).HasColumnName("AttendanceRecordedAt");
            a.Ignore(x => x.HoursCredited);
        });
    }
}

internal sealed class IncidentConfiguration : IEntityTypeConfiguration<Incident>
{
    public void Configure(EntityTypeBuilder<Incident> b)
    {
        b.ToTable("Incidents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<TigPlacement>().WithMany().HasForeignKey(x => x.PlacementId).OnDelete(DeleteBehavior.Cascade);
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Description).HasMaxLength(2000);
        b.Property(x => x.ReportedBy).HasMaxLength(200);
        b.HasIndex(x => new { x.Status, x.ReportedAt });
        b.HasIndex(x => x.PlacementId);
        b.OwnsOne(x => x.Accident, a =>
        {
            a.Property(x => x.OccurredAt).HasColumnName("AccidentOccurredAt");
            a.Property(x => x.Place).HasMaxLength(200).HasColumnName("AccidentPlace");
            a.Property(x => x.Circumstances).HasMaxLength(2000).HasColumnName("AccidentCircumstances");
            a.Property(x => x.Witnesses).HasMaxLength(500).HasColumnName("AccidentWitnesses");
        });
        b.OwnsOne(x => x.Decision, d =>
        {
            d.Property(x => x.Action).HasConversion<string>().HasMaxLength(16).HasColumnName("DecisionAction");
            d.Property(x => x.FollowUp).HasConversion<string>().HasMaxLength(16).HasColumnName("DecisionFollowUp");
            d.Property(x => x.Comment).HasMaxLength(2000).HasColumnName("DecisionComment");
            d.Property(x => x.DecidedBy).HasMaxLength(200).HasColumnName("DecisionBy");
            d.Property(x => x.DecidedAt).HasColumnName("DecisionAt");
        });
    }
}

internal sealed class MeasureActionConfiguration : IEntityTypeConfiguration<MeasureAction>
{
    public void Configure(EntityTypeBuilder<MeasureAction> b)
    {
        b.ToTable("MeasureActions");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Ground).HasConversion<string>().HasMaxLength(16);
        b.Property(x => x.Comment).HasMaxLength(2000);
        b.Property(x => x.RecordedBy).HasMaxLength(200);
        b.HasIndex(x => x.PersonId);
    }
}
