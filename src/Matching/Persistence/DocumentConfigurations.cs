using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placement.Matching.Domain;

namespace Placement.Matching.Persistence;

internal sealed class MeasureDocumentConfiguration : IEntityTypeConfiguration<MeasureDocument>
{
    public void Configure(EntityTypeBuilder<MeasureDocument> b)
    {
        b.ToTable("Documents");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.HasOne<Person>().WithMany().HasForeignKey(x => x.PersonId).OnDelete(DeleteBehavior.Cascade);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(24);
        b.Property(x => x.Departement).HasMaxLength(3).IsRequired();
        b.Property(x => x.Number).HasMaxLength(20).IsRequired();
        b.Property(x => x.Title).HasMaxLength(200).IsRequired();
        b.Property(x => x.Sha256).HasMaxLength(64).IsRequired();
        b.Property(x => x.IssuedBy).HasMaxLength(256).IsRequired();
        b.Ignore(x => x.Subject);
        // One number per document within its SPIP and year, one row per version of it: two nodes issuing at once cannot share them.
        b.HasIndex(x => new { x.Departement, x.Year, x.Sequence, x.Version }).IsUnique();
        b.HasIndex(x => new { x.PersonId, x.Kind });
        b.HasIndex(x => x.PlacementId);
    }
}

internal sealed class SpipLetterheadConfiguration : IEntityTypeConfiguration<SpipLetterhead>
{
    public void Configure(EntityTypeBuilder<SpipLetterhead> b)
    {
        b.ToTable("SpipLetterheads");
        b.HasKey(x => x.Departement);
        b.Property(x => x.Departement).HasMaxLength(3);
        b.Property(x => x.Name).HasMaxLength(200).IsRequired();
        b.Property(x => x.Address).HasMaxLength(500).IsRequired();
        b.Property(x => x.Phone).HasMaxLength(40);
        b.Property(x => x.Email).HasMaxLength(256);
        b.Property(x => x.SignatoryName).HasMaxLength(200).IsRequired();
        b.Property(x => x.SignatoryTitle).HasMaxLength(200).IsRequired();
        b.Property(x => x.UpdatedBy).HasMaxLength(256).IsRequired();
    }
}
