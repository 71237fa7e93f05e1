using Linli.Modules.Requests.Domain;
using Linli.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Requests.Data.Configurations;

/// <summary>The module's outbox; the SQLite name of its ticket constraint is set by the context, which knows the provider.</summary>
internal sealed class TicketMessageConfiguration : IEntityTypeConfiguration<TicketMessage>
{
    public void Configure(EntityTypeBuilder<TicketMessage> e)
    {
        e.ToTable("outbox");
        // Key, lengths and the sender's partial index are the platform's.
        e.IsOutbox();
        e.HasOne(x => x.Ticket).WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
