using Linli.Modules.ServiceDesk.Domain.Appointments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class QueueEntryConfiguration : IEntityTypeConfiguration<QueueEntry>
{
    public void Configure(EntityTypeBuilder<QueueEntry> e)
    {
        e.ToTable("queue_entries");
        e.HasKey(x => x.Id);
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.Property(x => x.ResidentUserId).HasMaxLength(64);
        e.Property(x => x.CalledBy).HasMaxLength(256);
        e.Property(x => x.AddedBy).HasMaxLength(256);
        // The day's numbers are unique (two arrivals at once: one retries with the next number) and give the arrival order.
        e.HasIndex(x => new { x.CommunityCode, x.Day, x.Number }).IsUnique();
        // A booking enters the queue once.
        e.HasIndex(x => x.BookingId).IsUnique();
    }
}
