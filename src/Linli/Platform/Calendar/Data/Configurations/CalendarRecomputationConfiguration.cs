using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Platform.Calendar.Data.Configurations;

internal sealed class CalendarRecomputationConfiguration : IEntityTypeConfiguration<CalendarRecomputation>
{
    public void Configure(EntityTypeBuilder<CalendarRecomputation> e)
    {
        e.ToTable("recomputations");
        e.HasKey(x => new { x.RevisionId, x.Handler });
        e.Property(x => x.Handler).HasMaxLength(64);
    }
}
