using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class CaseMaterialConfiguration : IEntityTypeConfiguration<CaseMaterial>
{
    public void Configure(EntityTypeBuilder<CaseMaterial> e)
    {
        e.ToTable("case_materials");
        e.HasKey(x => x.Id);
        e.HasIndex(x => new { x.CaseId, x.Position }).IsUnique();
        e.Property(x => x.Name).HasMaxLength(200);
        e.Property(x => x.Note).HasMaxLength(500);
        e.HasOne<ServiceCase>().WithMany(c => c.Materials).HasForeignKey(x => x.CaseId).OnDelete(DeleteBehavior.Cascade);
    }
}
