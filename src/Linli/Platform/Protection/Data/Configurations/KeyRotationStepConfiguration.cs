using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Platform.Protection.Data.Configurations;

internal sealed class KeyRotationStepConfiguration : IEntityTypeConfiguration<KeyRotationStep>
{
    public void Configure(EntityTypeBuilder<KeyRotationStep> e)
    {
        e.ToTable("key_rotation_steps");
        e.HasKey(x => x.Name);
        e.Property(x => x.Name).HasMaxLength(64);
    }
}
