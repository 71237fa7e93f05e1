using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Requests.Data.Configurations;

/// <summary>The ticket's table and indexes; the scope filter is the context's (<see cref="RequestsDbContext"/>).</summary>
internal sealed class TicketConfiguration : IEntityTypeConfiguration<Ticket>
{
    public void Configure(EntityTypeBuilder<Ticket> e)
    {
        e.ToTable("tickets");
        e.HasKey(x => x.Id);
        e.Property(x => x.Number).HasMaxLength(20);
        e.HasIndex(x => x.Number).IsUnique();
        e.Property(x => x.Description).HasMaxLength(RequestLimits.Description);
        e.Property(x => x.Address).HasMaxLength(RequestLimits.Address);
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.Property(x => x.GridCode).HasMaxLength(15);
        e.Property(x => x.AssignedUnitCode).HasMaxLength(64);
        e.Property(x => x.ReporterUserId).HasMaxLength(64);
        e.Property(x => x.PhoneMasked).HasMaxLength(32);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        e.Property(x => x.Reply).HasMaxLength(RequestLimits.Opinion);
        e.Property(x => x.ExtensionReason).HasMaxLength(RequestLimits.Opinion);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.Ignore(x => x.IsOpen);
        e.Ignore(x => x.PendingSummons);
        // Queues, metrics and the watcher read by these.
        e.HasIndex(x => new { x.State, x.AssignedUnitCode });
        e.HasIndex(x => new { x.AssignedUnitCode, x.State });
        e.HasIndex(x => new { x.CommunityCode, x.CreatedAt });
        // The ticket list pages newest first by (created_at, id), also within one state; the overdue and supervised
        // filters have small partial indexes of their own, so that even their (capped) counts read an index.
        e.HasIndex(x => new { x.State, x.CreatedAt, x.Id });
        // (Named in the model too: indexes over the same columns are one index in EF unless named.)
        e.HasIndex(x => new { x.CreatedAt, x.Id }, "ix_tickets_overdue_created_at_id").HasFilter("is_overdue").HasDatabaseName("ix_tickets_overdue_created_at_id");
        e.HasIndex(x => new { x.CreatedAt, x.Id }, "ix_tickets_supervised_created_at_id").HasFilter("under_supervision")
            .HasDatabaseName("ix_tickets_supervised_created_at_id");
        // The metrics count unsigned tickets past their sign deadline at read time: few, held here.
        e.HasIndex(x => x.CreatedAt, "ix_tickets_unsigned_created_at").HasFilter("signed_at IS NULL AND sign_due_at IS NOT NULL")
            .HasDatabaseName("ix_tickets_unsigned_created_at");
        e.HasIndex(x => new { x.CategoryId, x.CreatedAt });
        // Duplicates at intake: the same category within a box and a week, checked inside the index, so a
        // category's surge (a heating outage: thousands of calls a week) costs only the tickets near the point.
        e.HasIndex(x => new { x.CategoryId, x.Longitude, x.Latitude, x.CreatedAt }).HasDatabaseName("ix_tickets_duplicates_box");
        e.HasIndex(x => new { x.CreatedAt, x.Id }, "ix_tickets_created_at_id").HasDatabaseName("ix_tickets_created_at_id");
        e.HasIndex(x => x.FinishDueAt);
        e.HasIndex(x => x.PhoneHash);
        e.HasIndex(x => x.ReporterUserId);
        // A worker's own patrol reports (我的上报), newest first.
        e.HasIndex(x => new { x.CreatedBy, x.CreatedAt });
        e.HasIndex(x => x.MergedIntoId);
        // Open311's public reads (a few per cent of all tickets): the newest by intake (GET requests) and those updated
        // since a date (GET servicerequestupdates), in index order, without scanning other channels. The anonymous ones
        // (a twentieth of them) are left out after the index, so the order still comes from it.
        e.HasIndex(x => new { x.Channel, x.CreatedAt, x.Id }).HasDatabaseName("ix_tickets_channel_created_at");
        e.HasIndex(x => new { x.Channel, x.UpdatedAt }).HasDatabaseName("ix_tickets_channel_updated_at");
        e.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<RoutingRule>().WithMany().HasForeignKey(x => x.RoutingRuleId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Units).WithOne().HasForeignKey(u => u.TicketId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Actions).WithOne().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
