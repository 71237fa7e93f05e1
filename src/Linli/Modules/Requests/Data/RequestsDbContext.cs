using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Data.Configurations;
using Linli.Platform.Auth;
using Linli.Platform.DueTimes;
using Linli.Platform.Idempotency;
using Linli.Platform.Notifications;
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
        var today = Features.Metrics.TicketStatsRollup.ChinaDay(clock.GetUtcNow().UtcDateTime);
        var changedDays = ChangeTracker.Entries<Ticket>().Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => Features.Metrics.TicketStatsRollup.ChinaDay(e.Entity.CreatedAt)).Where(d => d < today).Distinct().ToList();
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
            catalog.Invalidate();
        }
    }


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
        modelBuilder.Entity<Ticket>(e =>
        {
            e.ToTable("tickets");
            e.HasKey(x => x.Id);
            e.Property(x => x.Number).HasMaxLength(20);
            e.HasIndex(x => x.Number).IsUnique();
            e.Property(x => x.Description).HasMaxLength(RequestLimits.Description);
            e.Property(x => x.Address).HasMaxLength(RequestLimits.Address);
            e.Property(x => x.CommunityCode).HasMaxLength(12);
            e.Property(x => x.GridCode).HasMaxLength(15);
            e.Property(x => x.AssignedUnitCode).HasMaxLength(64);
            e.Property(x => x.ReporterUserId).HasMaxLength(64);
            e.Property(x => x.PhoneMasked).HasMaxLength(32);
            e.Property(x => x.CreatedBy).HasMaxLength(256);
            e.Property(x => x.Reply).HasMaxLength(RequestLimits.Opinion);
            e.Property(x => x.ExtensionReason).HasMaxLength(RequestLimits.Opinion);
            e.Property(x => x.Version).IsConcurrencyToken();
            e.Ignore(x => x.IsOpen);
            e.Ignore(x => x.PendingSummons);
            // Queues, metrics and the watcher read by these.
            e.HasIndex(x => new { x.State, x.AssignedUnitCode });
            e.HasIndex(x => new { x.AssignedUnitCode, x.State });
            e.HasIndex(x => new { x.CommunityCode, x.CreatedAt });
            // The ticket list pages newest first by (created_at, id), also within one state; the overdue and supervised
            // filters have small partial indexes of their own, so that even their (capped) counts read an index.
            e.HasIndex(x => new { x.State, x.CreatedAt, x.Id });
            // (Named in the model too: indexes over the same columns are one index in EF unless named.)
            e.HasIndex(x => new { x.CreatedAt, x.Id }, "ix_tickets_overdue_created_at_id").HasFilter("is_overdue").HasDatabaseName("ix_tickets_overdue_created_at_id");
            e.HasIndex(x => new { x.CreatedAt, x.Id }, "ix_tickets_supervised_created_at_id").HasFilter("under_supervision")
                .HasDatabaseName("ix_tickets_supervised_created_at_id");
            // The metrics count unsigned tickets past their sign deadline at read time: few, held here.
            e.HasIndex(x => x.CreatedAt, "ix_tickets_unsigned_created_at").HasFilter("signed_at IS NULL AND sign_due_at IS NOT NULL")
                .HasDatabaseName("ix_tickets_unsigned_created_at");
            e.HasIndex(x => new { x.CategoryId, x.CreatedAt });
            // Duplicates at intake: the same category within a box and a week, checked inside the index, so a
            // category's surge (a heating outage: thousands of calls a week) costs only the tickets near the point.
            e.HasIndex(x => new { x.CategoryId, x.Longitude, x.Latitude, x.CreatedAt }).HasDatabaseName("ix_tickets_duplicates_box");
            e.HasIndex(x => new { x.CreatedAt, x.Id }, "ix_tickets_created_at_id").HasDatabaseName("ix_tickets_created_at_id");
            e.HasIndex(x => x.FinishDueAt);
            e.HasIndex(x => x.PhoneHash);
            e.HasIndex(x => x.ReporterUserId);
            // A worker's own patrol reports (我的上报), newest first.
            e.HasIndex(x => new { x.CreatedBy, x.CreatedAt });
            e.HasIndex(x => x.MergedIntoId);
            // Open311's public reads (a few per cent of all tickets): the newest by intake (GET requests) and those updated
            // since a date (GET servicerequestupdates), in index order, without scanning other channels. The anonymous ones
            // (a twentieth of them) are left out after the index, so the order still comes from it.
            e.HasIndex(x => new { x.Channel, x.CreatedAt, x.Id }).HasDatabaseName("ix_tickets_channel_created_at");
            e.HasIndex(x => new { x.Channel, x.UpdatedAt }).HasDatabaseName("ix_tickets_channel_updated_at");
            e.HasOne<Category>().WithMany().HasForeignKey(x => x.CategoryId).OnDelete(DeleteBehavior.Restrict);
            e.HasOne<RoutingRule>().WithMany().HasForeignKey(x => x.RoutingRuleId).OnDelete(DeleteBehavior.Restrict);
            e.HasMany(x => x.Units).WithOne().HasForeignKey(u => u.TicketId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.Actions).WithOne().HasForeignKey(a => a.TicketId).OnDelete(DeleteBehavior.Cascade);
            e.HasQueryFilter(t => ScopePrefix == ""
                                  || (ScopeCommunity != null && t.CommunityCode.StartsWith(ScopeCommunity) && (ScopeGrid == null || t.GridCode == ScopeGrid))
                                  || (ScopeDepartment != null && t.Units.Any(u => u.UnitCode == ScopeDepartment))
                                  || (ScopeUser != null && t.ReporterUserId == ScopeUser));
        });
        modelBuilder.Entity<TicketUnit>(e =>
        {
            e.ToTable("ticket_units");
            e.HasKey(x => x.Id);
            e.Property(x => x.UnitCode).HasMaxLength(64);
            e.Property(x => x.Report).HasMaxLength(RequestLimits.Opinion);
            e.Property(x => x.ReportedBy).HasMaxLength(RequestLimits.PersonName);
            e.Property(x => x.WithdrawReason).HasMaxLength(RequestLimits.Opinion);
            e.HasIndex(x => new { x.UnitCode, x.TicketId });
            // The district's list of escalated summons starts from the few that are escalated and still unanswered.
            e.HasIndex(x => new { x.EscalatedAt, x.ReportedAt });
            e.HasIndex(x => x.TicketId);
        });
        modelBuilder.Entity<TicketAction>(e =>
        {
            e.ToTable("ticket_actions");
            e.HasKey(x => x.Id);
            e.Property(x => x.UserId).HasMaxLength(64);
            e.Property(x => x.UserName).HasMaxLength(256);
            e.Property(x => x.UnitCode).HasMaxLength(64);
            e.Property(x => x.Opinion).HasMaxLength(RequestLimits.Opinion + 200);
            e.HasIndex(x => new { x.TicketId, x.At });
            e.HasIndex(x => new { x.Action, x.At });
        });
        modelBuilder.Entity<Deadline>(e =>
        {
            e.ToTable("deadlines");
            // The clock's columns, concurrency tokens and the watcher's partial index are the platform's.
            e.IsDueTime();
            e.Property(x => x.UnitCode).HasMaxLength(64);
            e.HasOne(x => x.Ticket).WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(x => x.TicketId);
        });
        modelBuilder.Entity<Supervision>(e =>
        {
            e.ToTable("supervisions");
            e.HasKey(x => x.Id);
            e.Property(x => x.UnitCode).HasMaxLength(64);
            e.HasIndex(x => new { x.TicketId, x.ResolvedAt });
            e.HasIndex(x => new { x.UnitCode, x.ResolvedAt });
            e.HasOne<Ticket>().WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<TicketNumberCounter>(e =>
        {
            e.ToTable("ticket_number_counters");
            e.HasKey(x => x.Day);
            e.Property(x => x.Day).HasMaxLength(8);
        });
        modelBuilder.Entity<TicketMessage>(e =>
        {
            e.ToTable("outbox");
            // Key, lengths and the sender's partial index are the platform's.
            e.IsOutbox();
            // The constraint keeps the name it was created with on SQLite (renaming it would rebuild the table).
            var ticket = e.HasOne(x => x.Ticket).WithMany().HasForeignKey(x => x.TicketId).OnDelete(DeleteBehavior.Cascade);
            if (!Database.IsNpgsql()) ticket.HasConstraintName("fk_requests_outbox_tickets_ticket_id");
        });
        modelBuilder.ApplyConfiguration(new TicketDailyStatsConfiguration());
        modelBuilder.ApplyConfiguration(new TicketStatsDayConfiguration());
        modelBuilder.ApplyConfiguration(new TicketStatsChangeConfiguration());
        Features.Metrics.MetricsSql.Register(modelBuilder, Database);
        modelBuilder.ApplyConfiguration(new Open311ClientConfiguration());
        modelBuilder.ApplyConfiguration(new ServiceAttributeConfiguration());
        modelBuilder.ApplyConfiguration(new Open311SubmissionConfiguration());
        modelBuilder.ApplyConfiguration(new Open311ClientUpdateConfiguration());
        modelBuilder.ApplyConfiguration(new IdempotencyRecordConfiguration());
        ModuleModel.Apply(modelBuilder, Database, Module);
    }
}
