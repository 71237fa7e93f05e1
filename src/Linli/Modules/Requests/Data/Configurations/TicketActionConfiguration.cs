using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Requests.Data.Configurations;

internal sealed class TicketActionConfiguration : IEntityTypeConfiguration<TicketAction>
{
    public void Configure(EntityTypeBuilder<TicketAction> e)
    {
        e.ToTable("ticket_actions");
        e.HasKey(x => x.Id);
        e.Property(x => x.UserId).HasMaxLength(64);
        e.Property(x => x.UserName).HasMaxLength(256);
        e.Property(x => x.UnitCode).HasMaxLength(64);
        e.Property(x => x.Opinion).HasMaxLength(RequestLimits.Opinion + 200);
        e.HasIndex(x => new { x.TicketId, x.At });
        e.HasIndex(x => new { x.Action, x.At });
    }
}
