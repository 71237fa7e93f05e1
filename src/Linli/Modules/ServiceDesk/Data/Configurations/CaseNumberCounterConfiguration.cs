using Linli.Modules.ServiceDesk.Domain.Cases;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class CaseNumberCounterConfiguration : IEntityTypeConfiguration<CaseNumberCounter>
{
    public void Configure(EntityTypeBuilder<CaseNumberCounter> e)
    {
        e.ToTable("case_number_counters");
        e.HasKey(x => x.Day);
        e.Property(x => x.Day).HasMaxLength(8);
    }
}
