using Linli.Platform.Notifications.Inbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Platform.Notifications.Data.Configurations;

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(EntityTypeBuilder<InboxMessage> e)
    {
        e.ToTable("inbox");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.Key).IsUnique();
        e.Property(x => x.Recipient).HasMaxLength(NotificationAddress.MaxLength);
        e.Property(x => x.Subject).HasMaxLength(200);
        e.Property(x => x.Body).HasMaxLength(4000);
        e.Property(x => x.AboutKind).HasMaxLength(32);
        e.Property(x => x.ReadBy).HasMaxLength(256);
        // A reader's page, newest first, and the unread count: by address, then id.
        e.HasIndex(x => new { x.Recipient, x.Id });
        // The unread badge on every page counts only unread messages, capped: a unit inbox of years of read ones costs nothing.
        e.HasIndex(x => x.Recipient).HasFilter("read_at IS NULL").HasDatabaseName("ix_inbox_unread");
    }
}
