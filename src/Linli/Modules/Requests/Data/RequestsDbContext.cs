using Linli.Modules.Requests.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Data;

internal sealed class RequestsDbContext(DbContextOptions<RequestsDbContext> options, IAreaScope scope) : DbContext(options)
{
    public const string Module = "requests";

    public DbSet<Category> Categories => Set<Category>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();

    internal IAreaScope Scope => scope;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Category>(e =>
        {
            e.ToTable("categories");
            e.HasKey(x => x.Id);
            e.Property(x => x.Name).HasMaxLength(100);
            e.Property(x => x.SeedKey).HasMaxLength(400);
            e.HasIndex(x => x.SeedKey).IsUnique();
            e.HasIndex(x => x.ParentId);
            e.HasOne<Category>().WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
            e.Ignore(x => x.IsLeaf);
        });
        modelBuilder.Entity<RoutingRule>(e =>
        {
            e.ToTable("routing_rules");
            e.HasKey(x => x.Id);
            e.Property(x => x.DepartmentCode).HasMaxLength(64);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            // Two administrators saving the same rule at once would both write version N+1: the second fails here (409).
            e.HasIndex(x => new { x.CategoryId, x.Version }).IsUnique();
            e.HasIndex(x => new { x.CategoryId, x.IsCurrent });
            e.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
        });
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}
