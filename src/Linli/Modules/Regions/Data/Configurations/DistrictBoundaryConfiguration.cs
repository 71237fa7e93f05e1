using Linli.Modules.Regions.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Regions.Data.Configurations;

internal sealed class DistrictBoundaryConfiguration : IEntityTypeConfiguration<DistrictBoundary>
{
    public void Configure(EntityTypeBuilder<DistrictBoundary> e)
    {
        e.ToTable("district_boundaries");
        e.HasKey(x => x.Code);
        e.Property(x => x.Code).HasMaxLength(6);
    }
}
