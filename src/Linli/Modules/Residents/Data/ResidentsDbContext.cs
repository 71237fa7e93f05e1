using Linli.Modules.Residents.Data.Configurations;
using Linli.Modules.Residents.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Linli.Modules.Residents.Data;

/// <summary>
/// The resident pool. The caller's area scope is applied here and nowhere else: a global query filter on households,
/// residents and tags keeps every query inside the caller's scope (a region-code prefix; "" = everything,
/// null = nothing). Outside a request (seeding, jobs) the system scope sees everything.
/// </summary>
internal abstract class ResidentsDbContext(DbContextOptions options, IAreaScope scope) : DbContext(options)
{
    public const string Module = "residents";

    public DbSet<Household> Households => Set<Household>();
    public DbSet<Resident> Residents => Set<Resident>();
    public DbSet<PopulationTag> Tags => Set<PopulationTag>();
    public DbSet<UnitCount> UnitCounts => Set<UnitCount>();
    public DbSet<PendingVerification> PendingVerifications => Set<PendingVerification>();

    /// <summary>Region-code prefix the caller may read, from <see cref="IAreaScope"/>; read by the query filters on every query.</summary>
    private string? ScopeCommunity => scope.CommunityPrefix;
    private string? ScopeGrid => scope.Grid;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One configuration per entity in Data/Configurations/: only this context's (other modules' contexts share the assembly).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ResidentsDbContext).Assembly, t => t.Namespace == typeof(HouseholdConfiguration).Namespace);
        // What a configuration cannot know: the caller's scope, read from this context per query, and the provider.
        modelBuilder.Entity<Household>().HasQueryFilter(x => ScopeCommunity != null && x.CommunityCode.StartsWith(ScopeCommunity) && (ScopeGrid == null || x.GridCode == ScopeGrid));
        modelBuilder.Entity<Resident>().HasQueryFilter(x => ScopeCommunity != null && x.CommunityCode.StartsWith(ScopeCommunity) && (ScopeGrid == null || x.GridCode == ScopeGrid));
        // Tags carry no grid; they are only ever read through their (grid-filtered) resident.
        modelBuilder.Entity<PopulationTag>().HasQueryFilter(x => ScopeCommunity != null && x.CommunityCode.StartsWith(ScopeCommunity));
        modelBuilder.Entity<PendingVerification>().HasQueryFilter(x => ScopeCommunity != null && x.CommunityCode.StartsWith(ScopeCommunity));
        // Names are searched by prefix (LIKE '王%'); on PostgreSQL a pattern operator class lets the b-tree serve that in any locale.
        if (Database.IsNpgsql())
            modelBuilder.Entity<Resident>().HasIndex(x => new { x.Name, x.CommunityCode }).HasOperators("text_pattern_ops", "text_pattern_ops");
        ModuleModel.Apply(modelBuilder, Database, Module);
    }

    /// <summary>Quoted column name of a property of <typeparamref name="T"/>.</summary>
    public string ColumnOf<T>(string property)
    {
        var entity = Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return $"\"{entity.FindProperty(property)!.GetColumnName(table)}\"";
    }
}
