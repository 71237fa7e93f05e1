using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
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
        var today = TicketStatsDay.Of(nowUtc);
        var days = await StaleDaysAsync(db, TicketStatsDay.Of(first.Value), TicketStatsDay.Of(nowUtc - Settle).AddDays(-1), today, ct);
        // Days without tickets are computed too (as "nothing"), so that they are not looked at again.
        foreach (var month in days.GroupBy(d => new DateOnly(d.Year, d.Month, 1)))
            await ComputeAsync(db, month.ToList(), nowUtc, ct);
        return days.Count;
    }

    /// <summary>
    /// Replaces the rows of some days of one month by a recount of their tickets, and the month's rows by the sums of its
    /// days' rows, in one transaction: a reader sees a month's rows and its days' rows agree, or the days still marked.
    /// The marks consumed are the ones read before the recount (by id): a change committed later keeps its mark.
    /// </summary>
    private static async Task ComputeAsync(RequestsDbContext db, List<DateOnly> days, DateTime nowUtc, CancellationToken ct)
    {
        var month = new DateOnly(days[0].Year, days[0].Month, 1);
        var monthEnd = month.AddMonths(1).AddDays(-1);
        var postgres = db.Database.IsNpgsql();
        // PostgreSQL: one transaction from the start, and two instances computing the same month wait for each other.
        // SQLite (one writer for the whole file): count first, then hold the write lock only for the writes.
        var transaction = postgres ? await db.Database.BeginTransactionAsync(ct) : null;
        if (postgres) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(74110, {month.DayNumber})", ct);
        var marks = await db.TicketStatsChanges.Where(c => days.Contains(c.Day)).Select(c => c.Id).ToListAsync(ct);

        var rows = new List<TicketDailyStats>();
        foreach (var day in days)
        {
            var from = Platform.Ui.Display.ChinaDayStartUtc(day);
            var to = Platform.Ui.Display.ChinaDayStartUtc(day.AddDays(1));
            var tickets = db.Tickets.IgnoreQueryFilters().AsNoTracking().Where(t => t.CreatedAt >= from && t.CreatedAt < to);
            foreach (var x in await MetricsCounts.GroupAsync(tickets, t => t.CommunityCode.Substring(0, 9), nowUtc, ct))
                rows.Add(Row(day, StatsDimension.Street, x.Key, "", x));
#pragma warning disable CA1305 // EF translates ToString() to SQL; the IFormatProvider overload has no translation
            foreach (var x in await MetricsCounts.GroupAsync(tickets, t => t.CommunityCode.Substring(0, 4) + "|" + t.CategoryId.ToString(), nowUtc, ct))
                rows.Add(Row(day, StatsDimension.Category, x.Key[..x.Key.IndexOf('|')], x.Key[(x.Key.IndexOf('|') + 1)..], x));
#pragma warning restore CA1305
            foreach (var x in await MetricsCounts.GroupAsync(tickets, t => t.CommunityCode.Substring(0, 4) + "|" + (t.AssignedUnitCode ?? ""), nowUtc, ct))
                rows.Add(Row(day, StatsDimension.Unit, x.Key[..x.Key.IndexOf('|')], x.Key[(x.Key.IndexOf('|') + 1)..], x));
        }

        transaction ??= await db.Database.BeginTransactionAsync(ct);
        await using (transaction)
        {
            await db.TicketDailyStats.Where(s => (s.Day >= month && s.Day <= monthEnd && days.Contains(s.Day) && s.Dimension < StatsDimension.StreetMonth)
                                                 || (s.Day == month && s.Dimension >= StatsDimension.StreetMonth)).ExecuteDeleteAsync(ct);
            db.TicketDailyStats.AddRange(rows);
            var computed = await db.TicketStatsDays.Where(d => days.Contains(d.Day)).ToListAsync(ct);
            foreach (var day in days)
            {
                if (computed.FirstOrDefault(d => d.Day == day) is { } mark) mark.ComputedAt = nowUtc;
                else db.TicketStatsDays.Add(new TicketStatsDay { Day = day, ComputedAt = nowUtc });
            }
            await db.SaveChangesAsync(ct);

            // The month's rows are the sums of its days' rows (a reader uses them only when no day of the month is marked).
            var sums = await db.TicketDailyStats.AsNoTracking().Where(s => s.Day >= month && s.Day <= monthEnd && s.Dimension < StatsDimension.StreetMonth)
                .GroupBy(s => new { s.Dimension, s.Region, s.Key })
                .Select(g => new TicketDailyStats
                {
                    Day = month, Dimension = g.Key.Dimension + 10, Region = g.Key.Region, Key = g.Key.Key, Count = g.Sum(s => s.Count), SignDue = g.Sum(s => s.SignDue),
                    SignedOnTime = g.Sum(s => s.SignedOnTime), ClosedDispatched = g.Sum(s => s.ClosedDispatched), FinishedOnTime = g.Sum(s => s.FinishedOnTime),
                    Closed = g.Sum(s => s.Closed), Resolved = g.Sum(s => s.Resolved), Rated = g.Sum(s => s.Rated), Satisfied = g.Sum(s => s.Satisfied),
                    Overdue = g.Sum(s => s.Overdue), Dispatched = g.Sum(s => s.Dispatched), Returned = g.Sum(s => s.Returned), Repeats = g.Sum(s => s.Repeats),
                    Timed = g.Sum(s => s.Timed), HoursSum = g.Sum(s => s.HoursSum),
                }).ToListAsync(ct);
            db.TicketDailyStats.AddRange(sums);
            await db.SaveChangesAsync(ct);
            if (marks.Count > 0) await db.TicketStatsChanges.Where(c => marks.Contains(c.Id)).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }
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
