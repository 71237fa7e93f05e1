using Linli.Modules.Organizations.Domain;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Organizations.Data;

internal abstract class OrganizationsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "organizations";
    public DbSet<Department> Departments => Set<Department>();
    public DbSet<SocialOrganization> SocialOrganizations => Set<SocialOrganization>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Department>(e =>
        {
            e.ToTable("departments");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(64);
            e.Property(x => x.Name).HasMaxLength(100);
        });
        modelBuilder.Entity<SocialOrganization>(e =>
        {
            e.ToTable("social_organizations");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.CommunityCode).HasMaxLength(12);
            e.HasIndex(x => x.CommunityCode);
            e.HasIndex(x => new { x.Kind, x.CommunityCode });
        });
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}
