using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class BookingConfiguration : IEntityTypeConfiguration<Booking>
{
    public void Configure(EntityTypeBuilder<Booking> e)
    {
        e.ToTable("bookings");
        e.HasKey(x => x.Id);
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.Property(x => x.ResidentUserId).HasMaxLength(64);
        e.Property(x => x.CheckedInBy).HasMaxLength(256);
        // One active booking per person and item, kept by the database: two concurrent bookings of one person for one item
        // cannot both commit. (State 1 is BookingState.Booked.)
        e.HasIndex(x => new { x.ResidentUserId, x.ItemId }).IsUnique().HasFilter("state = 1");
        // My bookings, newest first; a slot's bookings (closing a day); the jobs' questions, only over waiting rows.
        e.HasIndex(x => new { x.ResidentUserId, x.StartsAt });
        e.HasIndex(x => new { x.SlotId, x.State });
        e.HasIndex(x => x.ReleaseAt).HasFilter("released_at IS NULL AND release_at IS NOT NULL");
        e.HasIndex(x => x.RemindAt).HasFilter("reminded_at IS NULL AND remind_at IS NOT NULL");
        e.HasOne<WindowSlot>().WithMany().HasForeignKey(x => x.SlotId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
