using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Platform.Notifications;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class CaseMessageConfiguration : IEntityTypeConfiguration<CaseMessage>
{
    public void Configure(EntityTypeBuilder<CaseMessage> e)
    {
        e.ToTable("outbox");
        e.IsOutbox();
        e.HasIndex(x => x.CaseId);
        e.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
