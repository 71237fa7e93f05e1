using Linli.Modules.Volunteering.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Volunteering.Data.Configurations;

/// <summary>The register: one row per resident (unique), one per account; listed by community.</summary>
internal sealed class VolunteerConfiguration : IEntityTypeConfiguration<Volunteer>
{
    public void Configure(EntityTypeBuilder<Volunteer> e)
    {
        e.ToTable("volunteers");
        e.HasKey(x => x.Id);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.HomeCommunityCode).HasMaxLength(12);
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.Property(x => x.PartyBranch).HasMaxLength(100);
        e.Property(x => x.WorkUnit).HasMaxLength(100);
        e.Property(x => x.AccountUserName).HasMaxLength(256);
        e.Property(x => x.RegisteredBy).HasMaxLength(256);
        e.HasIndex(x => x.ResidentId).IsUnique();
        e.HasIndex(x => x.AccountUserName).IsUnique();
        e.HasIndex(x => new { x.CommunityCode, x.Id });
    }
}
