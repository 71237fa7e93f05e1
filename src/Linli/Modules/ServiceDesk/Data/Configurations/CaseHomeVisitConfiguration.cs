using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class CaseHomeVisitConfiguration : IEntityTypeConfiguration<CaseHomeVisit>
{
    public void Configure(EntityTypeBuilder<CaseHomeVisit> e)
    {
        e.ToTable("case_home_visits");
        e.HasKey(x => x.Id);
        e.HasIndex(x => x.CaseId);
        e.HasIndex(x => new { x.AcceptingCommunityCode, x.ScheduledAt });
        e.Property(x => x.WorkerUserId).HasMaxLength(64);
        e.Property(x => x.WorkerName).HasMaxLength(256);
        e.Property(x => x.Outcome).HasMaxLength(2000);
        e.Property(x => x.AcceptingCommunityCode).HasMaxLength(12);
        e.HasOne<ServiceCase>().WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
