using Linli.Modules.Residents.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Modules.Residents.Data.Configurations;

internal sealed class PendingVerificationConfiguration : IEntityTypeConfiguration<PendingVerification>
{
    public void Configure(EntityTypeBuilder<PendingVerification> e)
    {
        e.ToTable("pending_verifications");
        e.Property(x => x.CommunityCode).HasMaxLength(12);
        e.Property(x => x.ExistingCommunityCode).HasMaxLength(12);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.IdNumberCipher).HasMaxLength(64);
        e.Property(x => x.IdNumberHash).HasMaxLength(32);
        e.Property(x => x.IdNumberMasked).HasMaxLength(18);
        e.Property(x => x.Source).HasMaxLength(10);
        e.Property(x => x.RequestedBy).HasMaxLength(256);
        e.Property(x => x.ResolvedBy).HasMaxLength(256);
        e.Property(x => x.Resolution).HasMaxLength(500);
        e.HasIndex(x => new { x.CommunityCode, x.Id });
        e.HasIndex(x => new { x.IdNumberHash, x.CommunityCode });
    }
}
