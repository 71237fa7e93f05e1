using Linli.Modules.Volunteering.Data.Configurations;
using Linli.Modules.Volunteering.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Volunteering.Data;

/// <summary>
/// Volunteers, orders, claims and hours are about people, so every query of them is filtered here, once, by the caller's
/// region scope (the community they serve or are posted in); a caller without a region scope sees none.
/// </summary>
internal abstract class VolunteeringDbContext(DbContextOptions options, IAreaScope scope) : DbContext(options)
{
    public const string Module = "volunteering";
    public DbSet<Volunteer> Volunteers => Set<Volunteer>();
    public DbSet<VolunteerOrder> Orders => Set<VolunteerOrder>();
    public DbSet<OrderClaim> Claims => Set<OrderClaim>();
    public DbSet<HoursEntry> Hours => Set<HoursEntry>();

    private string? ScopePrefix => scope.CommunityPrefix;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(VolunteeringDbContext).Assembly, t => t.Namespace == typeof(VolunteerConfiguration).Namespace);
        modelBuilder.Entity<Volunteer>().HasQueryFilter(v => ScopePrefix != null && v.CommunityCode.StartsWith(ScopePrefix));
        modelBuilder.Entity<VolunteerOrder>().HasQueryFilter(o => ScopePrefix != null && o.CommunityCode.StartsWith(ScopePrefix));
        modelBuilder.Entity<OrderClaim>().HasQueryFilter(c => ScopePrefix != null && c.CommunityCode.StartsWith(ScopePrefix));
        modelBuilder.Entity<HoursEntry>().HasQueryFilter(h => ScopePrefix != null && h.CommunityCode.StartsWith(ScopePrefix));
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}
