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
        modelBuilder.Entity<Household>(e =>
        {
            e.ToTable("households");
            e.Property(x => x.CommunityCode).HasMaxLength(12);
            e.Property(x => x.GridCode).HasMaxLength(15);
            e.Property(x => x.Address).HasMaxLength(200);
            e.Property(x => x.Building).HasMaxLength(20);
            e.Property(x => x.Unit).HasMaxLength(20);
            e.Property(x => x.Room).HasMaxLength(20);
            e.HasIndex(x => x.CommunityCode);
            e.HasIndex(x => x.GridCode);
            e.HasQueryFilter(x => ScopeCommunity != null && x.CommunityCode.StartsWith(ScopeCommunity) && (ScopeGrid == null || x.GridCode == ScopeGrid));
        });
        modelBuilder.Entity<Resident>(e =>
        {
            e.ToTable("residents");
            e.Property(x => x.CommunityCode).HasMaxLength(12);
            e.Property(x => x.GridCode).HasMaxLength(15);
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.IdNumberCipher).HasMaxLength(64);
            e.Property(x => x.IdNumberHash).HasMaxLength(32);
            e.Property(x => x.IdNumberMasked).HasMaxLength(18);
            e.Property(x => x.PhoneCipher).HasMaxLength(64);
            e.Property(x => x.PhoneHash).HasMaxLength(32);
            e.Property(x => x.PhoneMasked).HasMaxLength(20);
            e.Property(x => x.RegisteredAddress).HasMaxLength(200);
            e.Property(x => x.ActualAddress).HasMaxLength(200);
            e.HasOne<Household>().WithMany().HasForeignKey(x => x.HouseholdId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Tags).WithOne().HasForeignKey(t => t.ResidentId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.IdNumberHash).IsUnique();
            e.HasIndex(x => x.PhoneHash);
            e.HasIndex(x => x.CommunityCode);
            e.HasIndex(x => x.GridCode);
            // Names are searched by prefix (LIKE '王%'); on PostgreSQL a pattern operator class lets the b-tree serve that in any locale.
            // The community code beside it lets a scoped count of a name prefix read the index alone.
            var byName = e.HasIndex(x => new { x.Name, x.CommunityCode });
            if (Database.IsNpgsql()) byName.HasOperators("text_pattern_ops", "text_pattern_ops");
            e.HasIndex(x => x.HouseholdId);
            e.HasQueryFilter(x => ScopeCommunity != null && x.CommunityCode.StartsWith(ScopeCommunity) && (ScopeGrid == null || x.GridCode == ScopeGrid));
        });
        modelBuilder.Entity<PopulationTag>(e =>
        {
            e.ToTable("population_tags");
            e.Property(x => x.CommunityCode).HasMaxLength(12);
            e.HasIndex(x => new { x.Tag, x.ResidentId });
            // Residents with a tag in an area: a range of this index (the search's count, see ResidentSearch).
            e.HasIndex(x => new { x.Tag, x.CommunityCode, x.ResidentId });
            e.HasIndex(x => x.ResidentId);
            // Tags carry no grid; they are only ever read through their (grid-filtered) resident.
            e.HasQueryFilter(x => ScopeCommunity != null && x.CommunityCode.StartsWith(ScopeCommunity));
        });
        modelBuilder.Entity<PendingVerification>(e =>
        {
            e.ToTable("pending_verifications");
            e.Property(x => x.CommunityCode).HasMaxLength(12);
            e.Property(x => x.ExistingCommunityCode).HasMaxLength(12);
            e.Property(x => x.Name).HasMaxLength(50);
            e.Property(x => x.IdNumberCipher).HasMaxLength(64);
            e.Property(x => x.IdNumberHash).HasMaxLength(32);
            e.Property(x => x.IdNumberMasked).HasMaxLength(18);
            e.Property(x => x.Source).HasMaxLength(10);
            e.Property(x => x.RequestedBy).HasMaxLength(256);
            e.Property(x => x.ResolvedBy).HasMaxLength(256);
            e.Property(x => x.Resolution).HasMaxLength(500);
            e.HasIndex(x => new { x.CommunityCode, x.Id });
            e.HasIndex(x => new { x.IdNumberHash, x.CommunityCode });
            e.HasQueryFilter(x => ScopeCommunity != null && x.CommunityCode.StartsWith(ScopeCommunity));
        });
        modelBuilder.Entity<UnitCount>(e =>
        {
            // Aggregates only, no personal data: not scope-filtered (region pages show counts of any unit).
            e.ToTable("unit_counts");
            e.HasKey(x => x.UnitCode);
            e.Property(x => x.UnitCode).HasMaxLength(15);
        });
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
