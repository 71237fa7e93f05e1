using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Platform.Audit.Data.Configurations;

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("entries");
        e.Property(x => x.UserId).HasMaxLength(AuditLimits.UserId);
        e.Property(x => x.UserName).HasMaxLength(AuditLimits.UserName);
        e.Property(x => x.UserDisplayName).HasMaxLength(AuditLimits.UserName);
        e.Property(x => x.Action).HasMaxLength(AuditLimits.Code);
        e.Property(x => x.SubjectType).HasMaxLength(AuditLimits.Code);
        e.Property(x => x.SubjectId).HasMaxLength(AuditLimits.Code);
        e.Property(x => x.SubjectLabel).HasMaxLength(AuditLimits.SubjectLabel);
        e.Property(x => x.RegionCode).HasMaxLength(AuditLimits.RegionCode);
        e.Property(x => x.Field).HasMaxLength(AuditLimits.Code);
        e.Property(x => x.Reason).HasMaxLength(AuditLimits.Reason);
        e.Property(x => x.KeyId).HasMaxLength(AuditLimits.KeyId);
        e.HasIndex(x => x.Sequence).IsUnique();
        // The page's filters, each with the time for newest-first.
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.RegionCode, x.At });
        e.HasIndex(x => new { x.SubjectType, x.SubjectId, x.At });
        e.HasIndex(x => new { x.UserName, x.At });
        e.HasIndex(x => new { x.Action, x.At });
    }
}
