using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Calendar;
using Linli.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Features.Metrics;

/// <summary>
/// Keeps the daily roll-up (<see cref="TicketDailyStats"/>) equal to a recount of the tickets: every save of a ticket
/// marks its filing day changed (<see cref="TicketStatsChange"/>, in the same transaction, see
/// <see cref="RequestsDbContext"/>), and this job recomputes each changed or never-computed day before today, set-based,
/// one day per transaction. Readers count marked and missing days (and today) from the tickets themselves, so the roll-up
/// only ever makes a window cheaper, never different.
/// </summary>
internal sealed class TicketStatsRollup(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Recomputes every changed or missing day before today; returns how many days it computed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        return await CatchUpAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    public static DateOnly ChinaDay(DateTime utc) => DateOnly.FromDateTime(WorkingCalendar.ToChina(utc));

    /// <summary>
    /// A day is rolled up once this long after it ended: a change of its tickets that began before midnight (and so wrote
    /// no mark, the day being "today" then) has committed by then. Until it is rolled up, readers count the day live.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(5);

    /// <summary>Days before today (China time) whose roll-up is out of date: changed since computed, or never computed.</summary>
    public static async Task<List<DateOnly>> StaleDaysAsync(RequestsDbContext db, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        var last = to < today ? to : today.AddDays(-1);
        if (last < from) return [];
        var changed = await db.TicketStatsChanges.Where(c => c.Day >= from && c.Day <= last).Select(c => c.Day).Distinct().ToListAsync(ct);
        var computed = (await db.TicketStatsDays.Where(d => d.Day >= from && d.Day <= last).Select(d => d.Day).ToListAsync(ct)).ToHashSet();
        var stale = changed.ToHashSet();
        for (var d = from; d <= last; d = d.AddDays(1))
            if (!computed.Contains(d)) stale.Add(d);
        return stale.Order().ToList();
    }

    public static async Task<int> CatchUpAsync(RequestsDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var first = await db.Tickets.IgnoreQueryFilters().MinAsync(t => (DateTime?)t.CreatedAt, ct);
        if (first is null) return 0;
        var today = ChinaDay(nowUtc);
        var days = await StaleDaysAsync(db, ChinaDay(first.Value), ChinaDay(nowUtc - Settle).AddDays(-1), today, ct);
        // Days without tickets are computed too (as "nothing"), so that they are not looked at again.
        foreach (var day in days) await ComputeDayAsync(db, day, nowUtc, ct);
        return days.Count;
    }

    /// <summary>Replaces one day's rows by a recount of the tickets filed that day, in one transaction.</summary>
    public static async Task ComputeDayAsync(RequestsDbContext db, DateOnly day, DateTime nowUtc, CancellationToken ct)
    {
        var from = Platform.Ui.Display.ChinaDayStartUtc(day);
        var to = Platform.Ui.Display.ChinaDayStartUtc(day.AddDays(1));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        // Two instances (or the job and a reader) computing the same day wait for each other; on SQLite the first
        // statement below writes, which takes the one write lock.
        if (db.Database.IsNpgsql()) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(74110, {day.DayNumber})", ct);
        await db.TicketDailyStats.Where(s => s.Day == day).ExecuteDeleteAsync(ct);
        // Marks written after this point (by a change committed later) stay, and the day is computed again.
        var seen = await db.TicketStatsChanges.Where(c => c.Day == day).MaxAsync(c => (long?)c.Id, ct);

        var tickets = db.Tickets.IgnoreQueryFilters().AsNoTracking().Where(t => t.CreatedAt >= from && t.CreatedAt < to);
        var rows = new List<TicketDailyStats>();
        foreach (var x in await MetricsCounts.GroupAsync(db, tickets, t => t.CommunityCode.Substring(0, 9), nowUtc, ct))
            rows.Add(Row(day, StatsDimension.Street, x.Key, "", x));
        foreach (var x in await MetricsCounts.GroupAsync(db, tickets, t => t.CommunityCode.Substring(0, 4) + "|" + t.CategoryId.ToString(), nowUtc, ct))
            rows.Add(Row(day, StatsDimension.Category, x.Key[..x.Key.IndexOf('|')], x.Key[(x.Key.IndexOf('|') + 1)..], x));
        foreach (var x in await MetricsCounts.GroupAsync(db, tickets, t => t.CommunityCode.Substring(0, 4) + "|" + (t.AssignedUnitCode ?? ""), nowUtc, ct))
            rows.Add(Row(day, StatsDimension.Unit, x.Key[..x.Key.IndexOf('|')], x.Key[(x.Key.IndexOf('|') + 1)..], x));
        db.TicketDailyStats.AddRange(rows);

        var mark = await db.TicketStatsDays.FirstOrDefaultAsync(d => d.Day == day, ct);
        if (mark is null) db.TicketStatsDays.Add(new TicketStatsDay { Day = day, ComputedAt = nowUtc });
        else mark.ComputedAt = nowUtc;
        await db.SaveChangesAsync(ct);
        if (seen is { } id) await db.TicketStatsChanges.Where(c => c.Day == day && c.Id <= id).ExecuteDeleteAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
    }

    private static TicketDailyStats Row(DateOnly day, StatsDimension dimension, string region, string key, MetricsCounts x) => new()
    {
        Day = day, Dimension = dimension, Region = region, Key = key, Count = x.Count, SignDue = x.SignDueSigned, SignedOnTime = x.SignedOnTime,
        ClosedDispatched = x.ClosedDispatched, FinishedOnTime = x.FinishedOnTime, Closed = x.Closed, Resolved = x.Resolved, Rated = x.Rated,
        Satisfied = x.Satisfied, Overdue = x.Overdue, Dispatched = x.Dispatched, Returned = x.Returned, Repeats = x.Repeats, Timed = x.Timed,
        HoursSum = x.HoursSum,
    };
}

/// <summary>Brings the roll-up up to date after start and then every few seconds.</summary>
internal sealed class TicketStatsRollupService(TicketStatsRollup rollup, TimeProvider clock, IOptions<RequestsOptions> options, ILogger<TicketStatsRollupService> logger)
    : PollingJob(clock, logger)
{
    protected override bool Enabled => options.Value.RunJobs;
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => rollup.RunOnceAsync(cancellationToken);
}
