using Linli.Modules.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class CaseDailyStatsConfiguration : IEntityTypeConfiguration<CaseDailyStats>
{
    public void Configure(EntityTypeBuilder<CaseDailyStats> e)
    {
        // Aggregates only, no case data: not scope-filtered; readers narrow by region prefix themselves (CaseStatistics).
        e.ToTable("case_daily_stats");
        // A period of one dimension is one range of this key.
        e.HasKey(x => new { x.Dimension, x.Day, x.Region, x.Key });
        e.Property(x => x.Region).HasMaxLength(12);
        e.Property(x => x.Key).HasMaxLength(64);
    }
}

internal sealed class CaseStatsDayConfiguration : IEntityTypeConfiguration<CaseStatsDay>
{
    public void Configure(EntityTypeBuilder<CaseStatsDay> e)
    {
        e.ToTable("case_stats_days");
        e.HasKey(x => x.Day);
    }
}

internal sealed class CaseStatsChangeConfiguration : IEntityTypeConfiguration<CaseStatsChange>
{
    public void Configure(EntityTypeBuilder<CaseStatsChange> e)
    {
        e.ToTable("case_stats_changes");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.Day);
    }
}
