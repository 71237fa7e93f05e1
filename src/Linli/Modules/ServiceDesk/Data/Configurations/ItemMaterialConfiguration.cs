using Linli.Modules.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class ItemMaterialConfiguration : IEntityTypeConfiguration<ItemMaterial>
{
    public void Configure(EntityTypeBuilder<ItemMaterial> e)
    {
        e.ToTable("item_materials");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.VersionId, x.Position }).IsUnique();
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Condition).HasMaxLength(500);
    }
}
