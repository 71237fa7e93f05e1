using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class WindowSlotConfiguration : IEntityTypeConfiguration<WindowSlot>
{
    public void Configure(EntityTypeBuilder<WindowSlot> e)
    {
        e.ToTable("window_slots");
        e.HasKey(x => x.Id);
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.Property(x => x.CreatedBy).HasMaxLength(256);
        // A community's slots by time (the public list, a day's closure); one slot per community and start.
        e.HasIndex(x => new { x.CommunityCode, x.StartsAt }).IsUnique();
        e.HasIndex(x => new { x.CommunityCode, x.Day });
        // A holiday entered later: the open slots from its first changed day on.
        e.HasIndex(x => x.Day).HasFilter("closed_at IS NULL");
        e.HasMany(x => x.Items).WithOne().HasForeignKey(i => i.SlotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class WindowSlotItemConfiguration : IEntityTypeConfiguration<WindowSlotItem>
{
    public void Configure(EntityTypeBuilder<WindowSlotItem> e)
    {
        e.ToTable("window_slot_items");
        e.HasKey(x => new { x.SlotId, x.ItemId });
        e.HasIndex(x => x.ItemId);
        e.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Restrict);
    }
}
