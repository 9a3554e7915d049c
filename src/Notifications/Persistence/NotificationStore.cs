using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Placement.Matching.Persistence;
using Placement.Notifications.Domain;

namespace Placement.Notifications.Persistence;

/// <summary>
/// What the notifications module needs of the database: its own tables (the notifications, the choices) beside the
/// catalogue's and the matching module's, whose events (<see cref="Placement.Catalogue.Persistence.ICatalogueStore.NotificationEvents"/>) it reads and
/// whose things it names. The one DbContext of the host implements it.
/// </summary>
public interface INotificationStore : IMatchingStore
{
    DbSet<Notification> Notifications { get; }
    DbSet<NotificationPreference> NotificationPreferences { get; }
}

internal sealed class NotificationConfiguration : IEntityTypeConfiguration<Notification>
{
    public void Configure(EntityTypeBuilder<Notification> b)
    {
        b.ToTable("Notifications");
        b.HasKey(x => x.Id);
        b.Property(x => x.Id).ValueGeneratedNever();
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Email).HasMaxLength(254).IsRequired();
        b.Property(x => x.AccountId).HasMaxLength(450);
        b.Property(x => x.Subject).HasMaxLength(200).IsRequired();
        b.Property(x => x.Text).HasMaxLength(4000).IsRequired();
        b.Property(x => x.Link).HasMaxLength(400).IsRequired();
        b.Property(x => x.MailStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(x => x.LastError).HasMaxLength(500);
        b.HasIndex(x => new { x.EventId, x.Email }).IsUnique();
        b.HasIndex(x => new { x.Email, x.ReadAt }); // the bell of every page: « how many unread for this address? »
        b.HasIndex(x => new { x.MailStatus, x.NextAttemptAt });
    }
}

internal sealed class NotificationPreferenceConfiguration : IEntityTypeConfiguration<NotificationPreference>
{
    public void Configure(EntityTypeBuilder<NotificationPreference> b)
    {
        b.ToTable("NotificationPreferences");
        b.HasKey(x => new { x.Email, x.Kind });
        b.Property(x => x.Email).HasMaxLength(254);
        b.Property(x => x.Kind).HasConversion<string>().HasMaxLength(40);
        b.Property(x => x.Delivery).HasConversion<string>().HasMaxLength(20);
    }
}
