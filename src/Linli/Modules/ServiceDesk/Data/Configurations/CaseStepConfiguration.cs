using Linli.Modules.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class CaseStepConfiguration : IEntityTypeConfiguration<CaseStep>
{
    public void Configure(EntityTypeBuilder<CaseStep> e)
    {
        e.ToTable("case_steps");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.CaseId, x.At });
        e.Property(x => x.ActorUserId).HasMaxLength(64);
        e.Property(x => x.ActorName).HasMaxLength(256);
        e.Property(x => x.Note).HasMaxLength(2000);
    }
}
