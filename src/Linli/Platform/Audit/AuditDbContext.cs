using Linli.Platform.Audit.Data.Configurations;
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
        // One configuration per entity in Data/Configurations/: only this context's (other modules' contexts share the assembly).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AuditDbContext).Assembly, t => t.Namespace == typeof(AuditEntryConfiguration).Namespace);
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
