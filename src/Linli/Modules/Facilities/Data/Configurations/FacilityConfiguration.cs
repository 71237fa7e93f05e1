using Linli.Modules.Facilities.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Facilities.Data.Configurations;

internal sealed class FacilityConfiguration : IEntityTypeConfiguration<Facility>
{
    public void Configure(EntityTypeBuilder<Facility> e)
    {
        e.ToTable("facilities");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(Facility.NameLength);
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.Property(x => x.Address).HasMaxLength(Facility.AddressLength);
        e.Property(x => x.Operator).HasMaxLength(Facility.OperatorLength);
        e.Property(x => x.WeeklyHours).HasMaxLength(Domain.WeeklyHours.MaxLength);
        e.HasIndex(x => x.CommunityCode);
        e.HasIndex(x => new { x.Type, x.CommunityCode });
        // The measures read one type as of a date (ContractImplementations/FacilitiesMeasures.cs).
        e.HasIndex(x => new { x.Type, x.OpenedOn, x.ClosedOn });
    }
}
