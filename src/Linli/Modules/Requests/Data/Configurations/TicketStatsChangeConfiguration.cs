using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Requests.Data.Configurations;

internal sealed class TicketStatsChangeConfiguration : IEntityTypeConfiguration<TicketStatsChange>
{
    public void Configure(EntityTypeBuilder<TicketStatsChange> e)
    {
        e.ToTable("ticket_stats_changes");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.Day);
    }
}
