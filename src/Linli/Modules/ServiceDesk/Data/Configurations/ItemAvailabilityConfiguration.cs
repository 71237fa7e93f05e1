using Linli.Modules.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class ItemAvailabilityConfiguration : IEntityTypeConfiguration<ItemAvailability>
{
    public void Configure(EntityTypeBuilder<ItemAvailability> e)
    {
        e.ToTable("item_availability");
        e.HasKey(x => x.Id);
        e.Property(x => x.DistrictCode).HasMaxLength(6);
        e.HasIndex(x => new { x.DistrictCode, x.ItemId }).IsUnique();
        e.HasIndex(x => x.ItemId);
        e.HasOne<ServiceItem>().WithMany().HasForeignKey(x => x.ItemId).OnDelete(DeleteBehavior.Cascade);
    }
}
