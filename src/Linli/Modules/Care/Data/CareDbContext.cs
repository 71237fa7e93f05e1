using Linli.Modules.Care.Data.Configurations;
using Linli.Modules.Care.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Linli.Modules.Care.Data;

/// <summary>
/// The care roster and its visits. Vulnerable people's records are filtered here, once, by the caller's community-level
/// scope: a grid or community worker reads their community, street and district staff theirs, a caller without a region
/// scope nothing. Jobs run with the system's scope.
/// </summary>
internal abstract class CareDbContext(DbContextOptions options, IAreaScope scope) : DbContext(options)
{
    public const string Module = "care";

    public DbSet<RosterEntry> Roster => Set<RosterEntry>();
    public DbSet<VisitRecord> Visits => Set<VisitRecord>();

    private string? ScopePrefix => scope.CommunityPrefix;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CareDbContext).Assembly, t => t.Namespace == typeof(RosterEntryConfiguration).Namespace);
        modelBuilder.Entity<RosterEntry>().HasQueryFilter(x => ScopePrefix != null && x.CommunityCode.StartsWith(ScopePrefix));
        modelBuilder.Entity<VisitRecord>().HasQueryFilter(x => ScopePrefix != null && x.CommunityCode.StartsWith(ScopePrefix));
        ModuleModel.Apply(modelBuilder, Database, Module);
    }

    /// <summary>The quoted table name of <typeparamref name="T"/> (with its schema on PostgreSQL), for set-based SQL.</summary>
    public string TableOf<T>()
    {
        var entity = Model.FindEntityType(typeof(T))!;
        return entity.GetSchema() is { } schema ? $"\"{schema}\".\"{entity.GetTableName()}\"" : $"\"{entity.GetTableName()}\"";
    }

    /// <summary>Quoted column name of a property of <typeparamref name="T"/>.</summary>
    public string ColumnOf<T>(string property)
    {
        var entity = Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return $"\"{entity.FindProperty(property)!.GetColumnName(table)}\"";
    }
}
