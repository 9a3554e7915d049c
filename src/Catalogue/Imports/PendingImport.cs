using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Placement.Catalogue.Imports;

/// <summary>
/// A file previewed on the import page, waiting for its confirmation: kept in the database (any node confirms it) for the
/// account that previewed it only, at most <see cref="Lifetime"/>, and deleted once imported — so the page never sends the
/// file back and forth. An account keeps its <see cref="KeptPerAccount"/> latest previews, each at most the import's
/// file bound: what one account can leave in the database is bounded. Its id is the preview's report id.
/// </summary>
public sealed class PendingImport
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    /// <summary>The previews an account keeps waiting: a new one replaces the oldest.</summary>
    public const int KeptPerAccount = 3;

    private PendingImport() { }

    public PendingImport(Guid id, string kind, string fileName, string by, bool allOrNothing, byte[] content, DateTimeOffset now)
    {
        Id = id;
        Kind = kind;
        FileName = fileName.Length > 255 ? fileName[..255] : fileName;
        By = by;
        AllOrNothing = allOrNothing;
        Content = content;
        ExpiresAt = now + Lifetime;
    }

    public Guid Id { get; private set; }
    public string Kind { get; private set; } = "";
    public string FileName { get; private set; } = "";
    public string By { get; private set; } = "";
    public bool AllOrNothing { get; private set; }
    public byte[] Content { get; private set; } = [];
    public DateTimeOffset ExpiresAt { get; private set; }
}

internal sealed class PendingImportConfiguration : IEntityTypeConfiguration<PendingImport>
{
    public void Configure(EntityTypeBuilder<PendingImport> b)
    {
        b.ToTable("PendingImports");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasMaxLength(20);
        b.Property(x => x.FileName).HasMaxLength(255);
        b.Property(x => x.By).HasMaxLength(256);
        b.HasIndex(x => x.ExpiresAt);
    }
}
