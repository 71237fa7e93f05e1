using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Requests.Data.Configurations;

internal sealed class TicketUnitConfiguration : IEntityTypeConfiguration<TicketUnit>
{
    public void Configure(EntityTypeBuilder<TicketUnit> e)
    {
        e.ToTable("ticket_units");
        e.HasKey(x => x.Id);
        e.Property(x => x.UnitCode).HasMaxLength(64);
        e.Property(x => x.Report).HasMaxLength(RequestLimits.Opinion);
        e.Property(x => x.ReportedBy).HasMaxLength(RequestLimits.PersonName);
        e.Property(x => x.WithdrawReason).HasMaxLength(RequestLimits.Opinion);
        e.HasIndex(x => new { x.UnitCode, x.TicketId });
        // The district's list of escalated summons starts from the few that are escalated and still unanswered.
        e.HasIndex(x => new { x.EscalatedAt, x.ReportedAt });
        e.HasIndex(x => x.TicketId);
    }
}
