using Linli.Modules.Organizations.Data.Configurations;
using Linli.Modules.Organizations.Domain;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Organizations.Data;

internal abstract class OrganizationsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "organizations";
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<SocialOrganization> SocialOrganizations => Set<SocialOrganization>();
    public DbSet<SocialWorkStation> SocialWorkStations => Set<SocialWorkStation>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One configuration per entity in Data/Configurations/: only this context's (other modules' contexts share the assembly).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(OrganizationsDbContext).Assembly, t => t.Namespace == typeof(DepartmentConfiguration).Namespace);
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}
