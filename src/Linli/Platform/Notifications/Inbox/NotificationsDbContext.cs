using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Notifications.Inbox;

/// <summary>The in-app inbox every module's notifications are delivered into (each module keeps its own outbox).</summary>
internal abstract class NotificationsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "notifications";

    public DbSet<InboxMessage> Inbox => Set<InboxMessage>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfiguration(new InboxMessageConfiguration());
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}

internal sealed class InboxMessageConfiguration : IEntityTypeConfiguration<InboxMessage>
{
    public void Configure(Microsoft.EntityFrameworkCore.Metadata.Builders.EntityTypeBuilder<InboxMessage> e)
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
