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
        modelBuilder.Entity<Region>(e =>
        {
            e.ToTable("regions");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(15);
            e.Property(x => x.ParentCode).HasMaxLength(15);
            e.Property(x => x.Name).HasMaxLength(100);
            e.HasIndex(x => x.ParentCode);
            e.HasIndex(x => new { x.Level, x.Code });
            e.HasIndex(x => x.Name);
        });
        modelBuilder.Entity<DistrictBoundary>(e =>
        {
            e.ToTable("district_boundaries");
            e.HasKey(x => x.Code);
            e.Property(x => x.Code).HasMaxLength(6);
        });
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}
