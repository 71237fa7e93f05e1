using Linli.Modules.ServiceDesk.Data.Configurations;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Platform.Auth;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Data;

/// <summary>
/// The catalog (public) and the cases (about people). Every query of cases is filtered here, once, by the caller's scope
/// (docs/decisions/0004-scope-by-query-filter.md): a case is seen by the community that accepted it and the applicant's
/// home community (and the street and district above either), by the deciding department, by the applicant's own
/// account, and by the city scope; by nobody else. Outside the scope is a 404.
/// </summary>
internal abstract class ServiceDeskDbContext(DbContextOptions options, IAreaScope scope, TimeProvider clock) : DbContext(options)
{
    public const string Module = "servicedesk";

    public DbSet<ServiceItem> ServiceItems => Set<ServiceItem>();
    public DbSet<ServiceItemVersion> ServiceItemVersions => Set<ServiceItemVersion>();
    public DbSet<ItemMaterial> ItemMaterials => Set<ItemMaterial>();
    public DbSet<ItemAvailability> ItemAvailability => Set<ItemAvailability>();
    public DbSet<ServiceCase> ServiceCases => Set<ServiceCase>();
    public DbSet<CaseStep> CaseSteps => Set<CaseStep>();
    public DbSet<CaseRating> CaseRatings => Set<CaseRating>();
    public DbSet<WindowSlot> WindowSlots => Set<WindowSlot>();
    public DbSet<Booking> Bookings => Set<Booking>();
    public DbSet<CommunityClosure> CommunityClosures => Set<CommunityClosure>();
    public DbSet<QueueEntry> QueueEntries => Set<QueueEntry>();
    public DbSet<AppointmentMessage> AppointmentMessages => Set<AppointmentMessage>();
    public DbSet<Domain.Cases.CaseMaterial> CaseMaterials => Set<Domain.Cases.CaseMaterial>();
    public DbSet<Domain.Cases.CaseNotice> CaseNotices => Set<Domain.Cases.CaseNotice>();
    public DbSet<Domain.Cases.CaseDueTime> CaseDueTimes => Set<Domain.Cases.CaseDueTime>();
    public DbSet<Domain.Cases.CaseMessage> CaseOutbox => Set<Domain.Cases.CaseMessage>();
    public DbSet<Domain.Cases.CaseNumberCounter> CaseNumberCounters => Set<Domain.Cases.CaseNumberCounter>();
    public DbSet<Domain.Cases.CaseHomeVisit> CaseHomeVisits => Set<Domain.Cases.CaseHomeVisit>();
    public DbSet<CaseDailyStats> CaseDailyStats => Set<CaseDailyStats>();
    public DbSet<CaseStatsDay> CaseStatsDays => Set<CaseStatsDay>();
    public DbSet<CaseStatsChange> CaseStatsChanges => Set<CaseStatsChange>();

    // Read per query (EF parameterises members of the context), so one model serves every caller.
    private string? ScopePrefix => scope.RegionPrefix;
    private string? ScopeCommunity => scope.CommunityPrefix;
    private string? ScopeDepartment => scope.DepartmentCode;
    private string? ScopeUser => scope.UserId;

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) => ModuleModel.Conventions(configurationBuilder);

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        // The row version moves on every save of a case; the UPDATE is conditional on the version it was read at.
        foreach (var entry in ChangeTracker.Entries<ServiceCase>().Where(e => e.State == EntityState.Modified)) entry.Entity.Version++;
        await MarkStatisticsAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Marks the received day of every case saved here, and of every case whose rating is saved here, as changed for the
    /// statistics' roll-up (<see cref="CaseStatsChange"/>), in this same transaction: the readers count a marked day from
    /// the cases until the roll-up job has recomputed it. Today is counted live anyway and is not marked.
    /// </summary>
    private async Task MarkStatisticsAsync(CancellationToken cancellationToken)
    {
        static bool Changed(EntityState state) => state is EntityState.Added or EntityState.Modified or EntityState.Deleted;
        var days = new HashSet<DateOnly>();
        var cases = ChangeTracker.Entries<ServiceCase>().ToList();
        foreach (var entry in cases.Where(e => Changed(e.State)))
        {
            days.Add(CaseStatsDay.Of(entry.Entity.ReceivedAt));
            if (entry.State == EntityState.Modified) days.Add(CaseStatsDay.Of(entry.Property(c => c.ReceivedAt).OriginalValue));
        }
        var rated = ChangeTracker.Entries<CaseRating>().Where(e => Changed(e.State)).Select(e => e.Entity.CaseId).ToHashSet();
        if (rated.Count > 0)
        {
            foreach (var entry in cases.Where(e => rated.Contains(e.Entity.Id)))
            {
                days.Add(CaseStatsDay.Of(entry.Entity.ReceivedAt));
                rated.Remove(entry.Entity.Id);
            }
            if (rated.Count > 0)
                foreach (var received in await ServiceCases.IgnoreQueryFilters().Where(c => rated.Contains(c.Id)).Select(c => c.ReceivedAt).ToListAsync(cancellationToken))
                    days.Add(CaseStatsDay.Of(received));
        }
        var today = CaseStatsDay.Of(clock.GetUtcNow().UtcDateTime);
        foreach (var day in days.Where(d => d < today)) CaseStatsChanges.Add(new CaseStatsChange { Day = day });
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // One configuration per entity in Data/Configurations/: only this context's (other modules' contexts share the assembly).
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ServiceDeskDbContext).Assembly, t => t.Namespace == typeof(ServiceCaseConfiguration).Namespace);
        modelBuilder.Entity<ServiceCase>().HasQueryFilter(c => ScopePrefix == ""
                                                               || (ScopeCommunity != null && (c.AcceptingCommunityCode.StartsWith(ScopeCommunity) || c.HomeCommunityCode.StartsWith(ScopeCommunity)))
                                                               || (ScopeDepartment != null && c.DepartmentCode == ScopeDepartment)
                                                               || (ScopeUser != null && c.ApplicantUserId == ScopeUser));
        modelBuilder.ApplyConfiguration(new Linli.Platform.Idempotency.IdempotencyRecordConfiguration());
        // The files of online applications, one owner per material of a case (Features/ReceiveCase/CaseMaterialFiles.cs).
        modelBuilder.ApplyConfiguration(new Linli.Platform.Attachments.AttachmentConfiguration());
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}
