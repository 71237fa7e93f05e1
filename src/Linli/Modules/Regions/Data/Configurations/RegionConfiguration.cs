using Linli.Modules.Regions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Regions.Data.Configurations;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> e)
    {
        e.ToTable("regions");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(15);
        e.Property(x => x.ParentCode).HasMaxLength(15);
        e.Property(x => x.Name).HasMaxLength(100);
        e.HasIndex(x => x.ParentCode);
        e.HasIndex(x => new { x.Level, x.Code });
        e.HasIndex(x => x.Name);
    }
}
