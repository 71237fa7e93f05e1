using Linli.Modules.Indicators.Domain.DataEntry;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Indicators.Data.Configurations;

internal sealed class MeasureEntryConfiguration : IEntityTypeConfiguration<MeasureEntry>
{
    public void Configure(EntityTypeBuilder<MeasureEntry> e)
    {
        e.ToTable("entries");
        e.HasKey(x => x.Id);
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.Property(x => x.MeasureCode).HasMaxLength(64);
        e.Property(x => x.Status).HasConversion<string>().HasMaxLength(20);
        e.Property(x => x.Comment).HasMaxLength(2000);
        e.Property(x => x.ReturnReason).HasMaxLength(2000);
        e.Property(x => x.UpdatedBy).HasMaxLength(256);
        e.Property(x => x.ApprovedBy).HasMaxLength(256);
        e.Property(x => x.Version).IsConcurrencyToken();
        // One value per community, year and measure; the list filters by area prefix and year.
        e.HasIndex(x => new { x.CommunityCode, x.Year, x.MeasureCode }).IsUnique();
        e.HasIndex(x => new { x.Year, x.MeasureCode, x.Status });
    }
}
