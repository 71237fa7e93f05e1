using Linli.Modules.Workforce.Data.Configurations;
using Linli.Modules.Workforce.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Workforce.Data;

/// <summary>
/// Workers (and their trainings) are people, so every query of them is filtered here, once, by the caller's region scope: a caller sees the
/// workers of communities under its scope prefix, and a caller without a region scope (a department, a resident) sees none.
/// </summary>
internal abstract class WorkforceDbContext(DbContextOptions options, IAreaScope scope) : DbContext(options)
{
    public const string Module = "workforce";
    public DbSet<Worker> Workers => Set<Worker>();
    public DbSet<WorkerTraining> WorkerTrainings => Set<WorkerTraining>();

    // Read per query (EF parameterises members of the context), so one model serves every caller.
    // Workers belong to a community, not a grid: a grid-level scope reads its community's workers.
    private string? ScopePrefix => scope.CommunityPrefix;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One configuration per entity in Data/Configurations/: only this context's (other modules' contexts share the assembly).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(WorkforceDbContext).Assembly, t => t.Namespace == typeof(WorkerConfiguration).Namespace);
        // What a configuration cannot know: the caller's scope, read from this context per query.
        modelBuilder.Entity<Worker>().HasQueryFilter(w => ScopePrefix != null && w.CommunityCode.StartsWith(ScopePrefix));
        modelBuilder.Entity<WorkerTraining>().HasQueryFilter(t => ScopePrefix != null && t.CommunityCode.StartsWith(ScopePrefix));
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}
