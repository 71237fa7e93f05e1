using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Platform.Calendar.Data.Configurations;

internal sealed class CalendarRevisionConfiguration : IEntityTypeConfiguration<CalendarRevision>
{
    public void Configure(EntityTypeBuilder<CalendarRevision> e)
    {
        e.ToTable("revisions");
        e.HasKey(x => x.Id);
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.Summary).HasMaxLength(500);
        e.HasIndex(x => x.Year);
        e.HasIndex(x => x.RecomputedAt);
    }
}
