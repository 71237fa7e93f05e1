using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Platform.Audit.Data.Configurations;

internal sealed class AuditCheckpointConfiguration : IEntityTypeConfiguration<AuditCheckpoint>
{
    public void Configure(EntityTypeBuilder<AuditCheckpoint> e)
    {
        e.ToTable("checkpoints");
        e.Property(x => x.KeyId).HasMaxLength(AuditLimits.KeyId);
        e.HasIndex(x => x.Sequence);
    }
}
