using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Placement.Catalogue.Imports;

/// <summary>Every import, dry runs included: who, when, which file, what it did (issue 16). Never the file's content.</summary>
public sealed class ImportRecord
{
    private ImportRecord() { }

    public ImportRecord(Guid id, string kind, string fileName, string by, DateTimeOffset at, bool dryRun, bool allOrNothing, bool applied,
        int created, int updated, int unchanged, int rejected)
    {
        Id = id;
        Kind = kind;
        FileName = fileName.Length > 255 ? fileName[..255] : fileName;
        By = by;
        At = at;
        DryRun = dryRun;
        AllOrNothing = allOrNothing;
        Applied = applied;
        (Created, Updated, Unchanged, Rejected) = (created, updated, unchanged, rejected);
    }

    public Guid Id { get; private set; }
    public string Kind { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string By { get; private set; } = "";
    public DateTimeOffset At { get; private set; }
    public bool DryRun { get; private set; }
    public bool AllOrNothing { get; private set; }
    public bool Applied { get; private set; }
    public int Created { get; private set; }
    public int Updated { get; private set; }
    public int Unchanged { get; private set; }
    public int Rejected { get; private set; }
}

internal sealed class ImportRecordConfiguration : IEntityTypeConfiguration<ImportRecord>
{
    public void Configure(EntityTypeBuilder<ImportRecord> b)
    {
        b.ToTable("Imports");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.By).HasMaxLength(256);
        b.HasIndex(x => x.At);
    }
}
