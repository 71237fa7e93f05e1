using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Platform.Calendar.Data.Configurations;

internal sealed class HolidayDayConfiguration : IEntityTypeConfiguration<HolidayDay>
{
    public void Configure(EntityTypeBuilder<HolidayDay> e)
    {
        e.ToTable("days");
        e.HasKey(x => x.Date);
        e.Property(x => x.Name).HasMaxLength(HolidayFile.MaxName);
        e.HasIndex(x => x.Year);
    }
}
