using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Requests.Data.Configurations;

internal sealed class TicketDailyStatsConfiguration : IEntityTypeConfiguration<TicketDailyStats>
{
    public void Configure(EntityTypeBuilder<TicketDailyStats> e)
    {
        // Aggregates only, no case data: not scope-filtered; readers narrow by region prefix themselves (RequestMetrics).
        e.ToTable("ticket_daily_stats");
        // A window of one dimension is one range of this key.
        e.HasKey(x => new { x.Dimension, x.Day, x.Region, x.Key });
        e.Property(x => x.Region).HasMaxLength(12);
        e.Property(x => x.Key).HasMaxLength(64);
    }
}
