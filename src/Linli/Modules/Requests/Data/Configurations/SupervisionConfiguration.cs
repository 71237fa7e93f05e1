using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Requests.Data.Configurations;

internal sealed class SupervisionConfiguration : IEntityTypeConfiguration<Supervision>
{
    public void Configure(EntityTypeBuilder<Supervision> e)
    {
        e.ToTable("supervisions");
        e.HasKey(x => x.Id);
        e.Property(x => x.UnitCode).HasMaxLength(64);
        e.HasIndex(x => new { x.TicketId, x.ResolvedAt });
        e.HasIndex(x => new { x.UnitCode, x.ResolvedAt });
        e.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
    }
}
