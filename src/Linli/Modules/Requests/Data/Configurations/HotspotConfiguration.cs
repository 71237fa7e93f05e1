using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Requests.Data.Configurations;

internal sealed class HotspotConfiguration : IEntityTypeConfiguration<Hotspot>
{
    public void Configure(EntityTypeBuilder<Hotspot> e)
    {
        e.ToTable("hotspots");
        e.Property(x => x.RegionCode).HasMaxLength(12);
        e.Property(x => x.DismissReason).HasMaxLength(500);
        e.Property(x => x.HandledBy).HasMaxLength(64);
        // The list: an area's hotspots by state and kind, newest first.
        e.HasIndex(x => new { x.RegionCode, x.State, x.LastAt });
        e.HasIndex(x => new { x.State, x.LastAt });
        // A rising category is one per street, category and week: the detection updates it rather than adding another.
        e.HasIndex(x => new { x.Kind, x.RegionCode, x.CategoryId, x.WeekOf }).IsUnique().HasFilter("week_of IS NOT NULL");
        e.HasOne(x => x.ProactiveTicket).WithMany().HasForeignKey(x => x.ProactiveTicketId).OnDelete(DeleteBehavior.SetNull);
        e.HasIndex(x => x.ProactiveTicketId);
        e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.HotspotId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HotspotMemberConfiguration : IEntityTypeConfiguration<HotspotMember>
{
    public void Configure(EntityTypeBuilder<HotspotMember> e)
    {
        e.ToTable("hotspot_members");
        e.HasKey(x => new { x.HotspotId, x.TicketId });
        // The detection asks which hotspot a ticket already belongs to.
        e.HasIndex(x => x.TicketId);
        e.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class HotspotRunConfiguration : IEntityTypeConfiguration<HotspotRun>
{
    public void Configure(EntityTypeBuilder<HotspotRun> e)
    {
        e.ToTable("hotspot_runs");
        e.Property(x => x.StartedBy).HasMaxLength(64);
        e.Property(x => x.Failure).HasMaxLength(500);
        e.HasIndex(x => x.StartedAt);
    }
}
