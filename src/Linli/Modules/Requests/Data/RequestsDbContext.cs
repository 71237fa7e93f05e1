using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Data.Configurations;
using Linli.Platform.Auth;
using Linli.Platform.Idempotency;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Data;

/// <summary>
/// Tickets are cases about people, so every query of them is filtered here, once, by the caller's scope (docs/decisions/0004-scope-by-query-filter.md): a
/// department sees what was sent to it (lead, co-handling, whistles), a community, street or district what happened in
/// its area, the city scope ("") everything, and a resident the tickets they filed. Outside the scope is a 404.
/// </summary>
internal abstract class RequestsDbContext(DbContextOptions options, IAreaScope scope, CategoryCatalog catalog, TimeProvider clock) : DbContext(options)
{
    public const string Module = "requests";

    public DbSet<Category> Categories => Set<Category>();
    public DbSet<RoutingRule> RoutingRules => Set<RoutingRule>();
    public DbSet<Ticket> Tickets => Set<Ticket>();
    public DbSet<TicketUnit> TicketUnits => Set<TicketUnit>();
    public DbSet<TicketAction> TicketActions => Set<TicketAction>();
    public DbSet<Deadline> Deadlines => Set<Deadline>();
    public DbSet<Supervision> Supervisions => Set<Supervision>();
    public DbSet<TicketNumberCounter> TicketNumberCounters => Set<TicketNumberCounter>();
    public DbSet<TicketMessage> Outbox => Set<TicketMessage>();
    public DbSet<Open311Client> Open311Clients => Set<Open311Client>();
    public DbSet<ServiceAttribute> ServiceAttributes => Set<ServiceAttribute>();
    public DbSet<Open311Submission> Open311Submissions => Set<Open311Submission>();
    public DbSet<TicketDailyStats> TicketDailyStats => Set<TicketDailyStats>();
    public DbSet<TicketStatsDay> TicketStatsDays => Set<TicketStatsDay>();
    public DbSet<TicketStatsChange> TicketStatsChanges => Set<TicketStatsChange>();
    public DbSet<Open311ClientUpdate> Open311ClientUpdates => Set<Open311ClientUpdate>();
    public DbSet<ClassifierModelVersion> ClassifierModels => Set<ClassifierModelVersion>();
    public DbSet<ClassifierExample> ClassifierExamples => Set<ClassifierExample>();
    public DbSet<Hotspot> Hotspots => Set<Hotspot>();
    public DbSet<HotspotMember> HotspotMembers => Set<HotspotMember>();
    public DbSet<HotspotRun> HotspotRuns => Set<HotspotRun>();

    // Read per query (EF parameterises members of the context), so one model serves every caller.
    private string? ScopePrefix => scope.RegionPrefix;
    private string? ScopeCommunity => scope.CommunityPrefix;
    private string? ScopeGrid => scope.Grid;
    private string? ScopeDepartment => scope.DepartmentCode;
    private string? ScopeUser => scope.UserId;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // The row version moves on every save of a ticket; the UPDATE is conditional on the version it was read at.
        foreach (var entry in ChangeTracker.Entries<Ticket>().Where(e => e.State == EntityState.Modified)) entry.Entity.Version++;
        // The metrics' daily roll-up recounts each day a changed ticket was filed on (one mark per day, in this transaction).
        // Today is always counted live and rolled up only once it has settled, so today's intake writes no marks.
        var today = TicketStatsDay.Of(clock.GetUtcNow().UtcDateTime);
        var changedDays = ChangeTracker.Entries<Ticket>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => TicketStatsDay.Of(e.Entity.CreatedAt)).Where(d => d < today).Distinct().ToList();
        foreach (var day in changedDays) TicketStatsChanges.Add(new TicketStatsChange { Day = day });
        var reference = ChangeTracker.Entries().Any(e => e.Entity is Category or RoutingRule && e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted);
        return reference ? SaveReferenceDataAsync(acceptAllChangesOnSuccess, cancellationToken) : base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    // Categories and rules are cached for intake and the pages: whoever changes them, the cache forgets them.
    private async Task<int> SaveReferenceDataAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }
        finally
        {
            await catalog.InvalidateAsync();
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One configuration per entity in Data/Configurations/: only this context's (other modules' contexts share the assembly).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(RequestsDbContext).Assembly, t => t.Namespace == typeof(TicketConfiguration).Namespace);
        // What a configuration cannot know: the caller's scope, read from this context per query, and the provider.
        modelBuilder.Entity<Ticket>().HasQueryFilter(t => ScopePrefix == ""
                                                          || (ScopeCommunity != null && t.CommunityCode.StartsWith(ScopeCommunity) && (ScopeGrid == null || t.GridCode == ScopeGrid))
                                                          || (ScopeDepartment != null && t.Units.Any(u => u.UnitCode == ScopeDepartment))
                                                          || (ScopeUser != null && t.ReporterUserId == ScopeUser));
        // Hotspots by where they are: a street or district sees those under it, a community only its own clusters, the centre all.
        modelBuilder.Entity<Hotspot>().HasQueryFilter(h => ScopePrefix == "" || (ScopeCommunity != null && h.RegionCode.StartsWith(ScopeCommunity)));
        // The outbox's constraint keeps the name it was created with on SQLite (renaming it would rebuild the table).
        if (!Database.IsNpgsql())
            modelBuilder.Entity<TicketMessage>().HasOne(x => x.Ticket).WithMany().HasForeignKey(x => x.TicketId).HasConstraintName("fk_requests_outbox_tickets_ticket_id");
        DatabaseFunctions.Register(modelBuilder, Database);
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        modelBuilder.ApplyConfiguration(new Platform.Attachments.AttachmentConfiguration());
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}
