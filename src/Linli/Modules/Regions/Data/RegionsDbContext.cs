using Linli.Modules.Regions.Data.Configurations;
using Linli.Modules.Regions.Domain;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Regions.Data;

internal abstract class RegionsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "regions";
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<DistrictBoundary> Boundaries => Set<DistrictBoundary>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One configuration per entity in Data/Configurations/: only this context's (other modules' contexts share the assembly).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RegionsDbContext).Assembly, t => t.Namespace == typeof(RegionConfiguration).Namespace);
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}
