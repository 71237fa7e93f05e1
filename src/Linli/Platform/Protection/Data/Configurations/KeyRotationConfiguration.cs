using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Platform.Protection.Data.Configurations;

internal sealed class KeyRotationConfiguration : IEntityTypeConfiguration<KeyRotation>
{
    public void Configure(EntityTypeBuilder<KeyRotation> e)
    {
        e.ToTable("key_rotations");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.FromCheck).HasMaxLength(32);
        e.Property(x => x.ToCheck).HasMaxLength(32);
    }
}
