using Linli.Modules.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class ServiceItemConfiguration : IEntityTypeConfiguration<ServiceItem>
{
    public void Configure(EntityTypeBuilder<ServiceItem> e)
    {
        e.ToTable("service_items");
        e.HasKey(x => x.Id);
        e.Property(x => x.Code).HasMaxLength(64);
        e.HasIndex(x => x.Code).IsUnique();
        e.Property(x => x.Name).HasMaxLength(200);
        e.Ignore(x => x.Draft);
        e.Ignore(x => x.Published);
        e.HasMany(x => x.Versions).WithOne().HasForeignKey(v => v.ItemId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<ServiceItemVersion>().WithMany().HasForeignKey(x => x.PublishedVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}
