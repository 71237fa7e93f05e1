using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Platform.Protection.Data.Configurations;

internal sealed class KeyCheckConfiguration : IEntityTypeConfiguration<KeyCheck>
{
    public void Configure(EntityTypeBuilder<KeyCheck> e)
    {
        e.ToTable("key_checks");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Property(x => x.CheckValue).HasMaxLength(32);
    }
}
