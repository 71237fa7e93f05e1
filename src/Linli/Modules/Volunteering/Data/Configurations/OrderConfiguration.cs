using Linli.Modules.Volunteering.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Volunteering.Data.Configurations;

/// <summary>Orders, listed per community and state; the capacity check is the database's too.</summary>
internal sealed class OrderConfiguration : IEntityTypeConfiguration<VolunteerOrder>
{
    public void Configure(EntityTypeBuilder<VolunteerOrder> e)
    {
        e.ToTable("orders", t =>
        {
            t.HasCheckConstraint("ck_orders_claimed_within_capacity", "claimed >= 0 AND claimed <= capacity");
            t.HasCheckConstraint("ck_orders_capacity_positive", "capacity > 0");
        });
        e.HasKey(x => x.Id);
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.Description).HasMaxLength(1000);
        e.Property(x => x.PostedBy).HasMaxLength(256);
        e.Property(x => x.CancelReason).HasMaxLength(200);
        e.HasIndex(x => new { x.CommunityCode, x.State, x.StartsAt });
    }
}

/// <summary>Claims: one per order and volunteer.</summary>
internal sealed class OrderClaimConfiguration : IEntityTypeConfiguration<OrderClaim>
{
    public void Configure(EntityTypeBuilder<OrderClaim> e)
    {
        e.ToTable("order_claims");
        e.HasKey(x => x.Id);
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.Property(x => x.ClaimedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.OrderId, x.VolunteerId }).IsUnique();
        e.HasIndex(x => x.VolunteerId);
        e.HasOne<VolunteerOrder>().WithMany().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Volunteer>().WithMany().HasForeignKey(x => x.VolunteerId).OnDelete(DeleteBehavior.Restrict);
    }
}
