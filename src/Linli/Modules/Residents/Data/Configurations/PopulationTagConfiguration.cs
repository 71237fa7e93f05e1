using Linli.Modules.Residents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Residents.Data.Configurations;

internal sealed class PopulationTagConfiguration : IEntityTypeConfiguration<PopulationTag>
{
    public void Configure(EntityTypeBuilder<PopulationTag> e)
    {
        e.ToTable("population_tags");
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.HasIndex(x => new { x.Tag, x.ResidentId });
        // Residents with a tag in an area: a range of this index (the search's count, see ResidentSearch).
        e.HasIndex(x => new { x.Tag, x.CommunityCode, x.ResidentId });
        e.HasIndex(x => x.ResidentId);
    }
}
