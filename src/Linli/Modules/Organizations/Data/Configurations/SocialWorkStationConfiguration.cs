using Linli.Modules.Organizations.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Organizations.Data.Configurations;

internal sealed class SocialWorkStationConfiguration : IEntityTypeConfiguration<SocialWorkStation>
{
    public void Configure(EntityTypeBuilder<SocialWorkStation> e)
    {
        e.ToTable("social_work_stations");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.StreetCode).HasMaxLength(9);
        e.HasIndex(x => x.StreetCode);
    }
}
