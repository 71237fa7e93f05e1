using Linli.Modules.ServiceDesk.Domain.Appointments;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.ServiceDesk.Data.Configurations;

internal sealed class CommunityClosureConfiguration : IEntityTypeConfiguration<CommunityClosure>
{
    public void Configure(EntityTypeBuilder<CommunityClosure> e)
    {
        e.ToTable("community_closures");
        e.HasKey(x => x.Id);
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.Property(x => x.Reason).HasMaxLength(500);
        e.Property(x => x.ClosedBy).HasMaxLength(256);
        e.HasIndex(x => new { x.CommunityCode, x.Day }).IsUnique();
    }
}
