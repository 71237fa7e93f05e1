using Linli.Modules.Residents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Residents.Data.Configurations;

internal sealed class HouseholdConfiguration : IEntityTypeConfiguration<Household>
{
    public void Configure(EntityTypeBuilder<Household> e)
    {
        e.ToTable("households");
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.Property(x => x.GridCode).HasMaxLength(15);
        e.Property(x => x.Address).HasMaxLength(200);
        e.Property(x => x.Building).HasMaxLength(20);
        e.Property(x => x.Unit).HasMaxLength(20);
        e.Property(x => x.Room).HasMaxLength(20);
        e.HasIndex(x => x.CommunityCode);
        e.HasIndex(x => x.GridCode);
    }
}
