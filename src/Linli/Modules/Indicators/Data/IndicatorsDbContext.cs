using Linli.Modules.Indicators.Data.Configurations;
using Linli.Modules.Indicators.Domain.DataEntry;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Indicators.Data;

/// <summary>Indicators' own table: the values entered by hand (填报). Everything else Indicators shows comes from other modules' measures.</summary>
internal abstract class IndicatorsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "indicators";
    public DbSet<MeasureEntry> Entries => Set<MeasureEntry>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(IndicatorsDbContext).Assembly, t => t.Namespace == typeof(MeasureEntryConfiguration).Namespace);
        ModuleModel.Apply(modelBuilder, Database, Module);
    }

    // The version moves with every change, so a caller holding an older one is refused (ServiceDeskDbContext does the same).
    public override Task<int> SaveChangesAsync(CancellationToken cancellationToken = default)
    {
        foreach (var entry in ChangeTracker.Entries<MeasureEntry>().Where(e => e.State == EntityState.Modified)) entry.Entity.Version++;
        return base.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The indicators context on SQLite: owns Migrations/Sqlite (docs/decisions/0007-migrations-per-provider.md).</summary>
internal sealed class SqliteIndicatorsDbContext(DbContextOptions<SqliteIndicatorsDbContext> options) : IndicatorsDbContext(options);

/// <summary>The indicators context on PostgreSQL: owns Migrations/Postgres (docs/decisions/0007-migrations-per-provider.md).</summary>
internal sealed class PostgresIndicatorsDbContext(DbContextOptions<PostgresIndicatorsDbContext> options) : IndicatorsDbContext(options);
