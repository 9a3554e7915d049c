using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placement.Matching.Domain;

namespace Placement.Matching.Persistence;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> b)
    {
        b.ToTable("AuditTrail");
        b.HasKey(x => x.Id);
        b.Property(x => x.Actor).HasMaxLength(256).IsRequired();
        b.Property(x => x.Action).HasMaxLength(16).IsRequired();
        b.Property(x => x.What).HasMaxLength(200).IsRequired();
        b.Property(x => x.PersonIds).HasMaxLength(AuditEntry.MaxPersonsListed * 37).IsRequired();
        b.Property(x => x.Origin).HasMaxLength(64);
        b.Property(x => x.Request).HasMaxLength(300);
        b.HasIndex(x => x.At);
        b.HasIndex(x => x.Actor);
    }
}
