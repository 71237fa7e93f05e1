using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Requests.Data.Configurations;

internal sealed class TicketStatsDayConfiguration : IEntityTypeConfiguration<TicketStatsDay>
{
    public void Configure(EntityTypeBuilder<TicketStatsDay> e)
    {
        e.ToTable("ticket_stats_days");
        e.HasKey(x => x.Day);
    }
}
