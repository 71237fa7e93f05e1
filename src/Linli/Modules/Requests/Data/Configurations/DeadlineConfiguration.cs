using Linli.Modules.Requests.Domain;
using Linli.Platform.DueTimes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Requests.Data.Configurations;

internal sealed class DeadlineConfiguration : IEntityTypeConfiguration<Deadline>
{
    public void Configure(EntityTypeBuilder<Deadline> e)
    {
        e.ToTable("deadlines");
        // The clock's columns, concurrency tokens and the watcher's partial index are the platform's.
        e.IsDueTime();
        e.Property(x => x.UnitCode).HasMaxLength(64);
        e.HasOne(x => x.Ticket).WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.TicketId);
    }
}
