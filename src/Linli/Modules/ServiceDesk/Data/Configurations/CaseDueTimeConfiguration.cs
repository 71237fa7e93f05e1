using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Platform.DueTimes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class CaseDueTimeConfiguration : IEntityTypeConfiguration<CaseDueTime>
{
    public void Configure(EntityTypeBuilder<CaseDueTime> e)
    {
        e.ToTable("due_times");
        e.IsDueTime();
        e.HasIndex(x => x.CaseId);
        e.HasOne(x => x.Case).WithMany().HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Rating).WithMany().HasForeignKey(x => x.RatingId).OnDelete(DeleteBehavior.Cascade);
    }
}
