using Linli.Modules.Facilities.Data.Configurations;
using Linli.Modules.Facilities.Accessibility;
using Linli.Modules.Facilities.Domain;
using Linli.Modules.Facilities.Network;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.Data;

internal abstract class FacilitiesDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "facilities";
    public DbSet<Facility> Facilities => Set<Facility>();
    public DbSet<NetworkNode> NetworkNodes => Set<NetworkNode>();
    public DbSet<NetworkEdge> NetworkEdges => Set<NetworkEdge>();
    public DbSet<NetworkImport> NetworkImports => Set<NetworkImport>();
    public DbSet<Compound> Compounds => Set<Compound>();
    public DbSet<CompoundAccess> CompoundAccess => Set<CompoundAccess>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One configuration per entity in Data/Configurations/: only this context's (other modules' contexts share the assembly).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(FacilitiesDbContext).Assembly, t => t.Namespace == typeof(FacilityConfiguration).Namespace);
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}
