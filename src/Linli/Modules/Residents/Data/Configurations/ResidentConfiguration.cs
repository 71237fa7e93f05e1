using Linli.Modules.Residents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Residents.Data.Configurations;

/// <summary>The resident's table and indexes; the scope filter is the context's (<see cref="ResidentsDbContext"/>).</summary>
internal sealed class ResidentConfiguration : IEntityTypeConfiguration<Resident>
{
    public void Configure(EntityTypeBuilder<Resident> e)
    {
        e.ToTable("residents");
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.Property(x => x.GridCode).HasMaxLength(15);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.IdNumberCipher).HasMaxLength(64);
        e.Property(x => x.IdNumberHash).HasMaxLength(32);
        e.Property(x => x.IdNumberMasked).HasMaxLength(18);
        e.Property(x => x.PhoneCipher).HasMaxLength(64);
        e.Property(x => x.PhoneHash).HasMaxLength(32);
        e.Property(x => x.PhoneMasked).HasMaxLength(20);
        e.Property(x => x.RegisteredAddress).HasMaxLength(200);
        e.Property(x => x.ActualAddress).HasMaxLength(200);
        e.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Tags).WithOne().HasForeignKey(t => t.ResidentId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.IdNumberHash).IsUnique();
        e.HasIndex(x => x.PhoneHash);
        e.HasIndex(x => x.CommunityCode);
        e.HasIndex(x => x.GridCode);
        // Names are searched by prefix (LIKE '王%'); on PostgreSQL the context gives this index a pattern operator class.
        // The community code beside it lets a scoped count of a name prefix read the index alone.
        e.HasIndex(x => new { x.Name, x.CommunityCode });
        e.HasIndex(x => x.HouseholdId);
    }
}
