using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Audit;

internal abstract class AuditDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "audit";
    public DbSet<AuditEntry> Entries => Set<AuditEntry>();
    public DbSet<AuditCheckpoint> Checkpoints => Set<AuditCheckpoint>();

    // The page counts a filtered set up to a cap without ordering it (ordering would sort what is only counted).
    protected override void OnConfiguring(DbContextOptionsBuilder optionsBuilder) =>
        optionsBuilder.ConfigureWarnings(w => w.Ignore(Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.RowLimitingOperationWithoutOrderByWarning));

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(e =>
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
        });
        modelBuilder.Entity<AuditCheckpoint>(e =>
        {
            e.ToTable("checkpoints");
            e.Property(x => x.KeyId).HasMaxLength(AuditLimits.KeyId);
            e.HasIndex(x => x.Sequence);
        });
        ModuleModel.Apply(modelBuilder, Database, Module);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // Append-only in the application too; the database triggers and grants (see the migrations and DatabaseMigrator)
        // refuse it underneath. An entry added here without its chain hash would break the chain: go through IAuditLog.
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is not (AuditEntry or AuditCheckpoint)) continue;
            if (entry.State is EntityState.Modified or EntityState.Deleted) throw new InvalidOperationException("The audit log is append-only.");
            if (entry is { State: EntityState.Added, Entity: AuditEntry { Hash.Length: 0 } })
                throw new InvalidOperationException("Audit entries are written through IAuditLog, which chains them.");
        }
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}

/// <summary>Column lengths of the audit log; values longer than these are cut before they are hashed and stored.</summary>
internal static class AuditLimits
{
    public const int UserId = 64, UserName = 256, Code = 64, SubjectLabel = 200, RegionCode = 15, Reason = 500, KeyId = 16;
}
