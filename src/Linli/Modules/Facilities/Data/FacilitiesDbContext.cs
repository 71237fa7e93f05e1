using Linli.Modules.Facilities.Domain;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.Data;

internal abstract class FacilitiesDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "facilities";
    public DbSet<Facility> Facilities => Set<Facility>();

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Facility>(e =>
        {
            e.ToTable("facilities");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(200);
            e.Property(x => x.CommunityCode).HasMaxLength(12);
            e.HasIndex(x => x.CommunityCode);
            e.HasIndex(x => new { x.Type, x.CommunityCode });
        });
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}
