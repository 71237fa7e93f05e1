using Linli.Modules.Residents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Residents.Data.Configurations;

internal sealed class UnitCountConfiguration : IEntityTypeConfiguration<UnitCount>
{
    public void Configure(EntityTypeBuilder<UnitCount> e)
    {
        // Aggregates only, no personal data: not scope-filtered (region pages show counts of any unit).
        e.ToTable("unit_counts");
        e.HasKey(x => x.UnitCode);
        e.Property(x => x.UnitCode).HasMaxLength(15);
    }
}
