using Linli.Modules.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class ServiceItemVersionConfiguration : IEntityTypeConfiguration<ServiceItemVersion>
{
    public void Configure(EntityTypeBuilder<ServiceItemVersion> e)
    {
        e.ToTable("service_item_versions");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.ItemId, x.Number }).IsUnique();
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.DepartmentCode).HasMaxLength(64);
        e.Property(x => x.LegalBasis).HasMaxLength(4000);
        e.Property(x => x.Conditions).HasMaxLength(4000);
        e.Property(x => x.Fee).HasMaxLength(500);
        e.Property(x => x.PublishedBy).HasMaxLength(256);
        e.HasMany(x => x.Materials).WithOne().HasForeignKey(m => m.VersionId).OnDelete(DeleteBehavior.Cascade);
    }
}
