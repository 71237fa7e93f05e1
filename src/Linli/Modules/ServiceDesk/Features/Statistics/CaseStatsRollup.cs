using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.ServiceDesk.Features.Statistics;

/// <summary>
/// Keeps the statistics' daily roll-up (<see cref="CaseDailyStats"/>) equal to a recount of the cases, as Requests'
/// TicketStatsRollup does for the ticket metrics: every save of a case or a rating marks the case's received day changed
/// (<see cref="CaseStatsChange"/>, in the same transaction, see <see cref="ServiceDeskDbContext"/>), and this job
/// recomputes each changed or never-computed day before today, set-based, and the month's rows as the sums of its days.
/// Readers count marked and missing days (and today) from the cases, so the roll-up only ever makes a period cheaper,
/// never different.
/// </summary>
internal sealed class CaseStatsRollup(IServiceScopeFactory scopes, TimeProvider clock)
{
    /// <summary>Recomputes every changed or missing day before today; returns how many days it computed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        return await CatchUpAsync(db, clock.GetUtcNow().UtcDateTime, cancellationToken);
    }

    /// <summary>
    /// A day is rolled up once this long after it ended: a change of its cases that began before midnight (and so wrote no
    /// mark, the day being "today" then) has committed by then. Until it is rolled up, readers count the day live.
    /// </summary>
    public static readonly TimeSpan Settle = TimeSpan.FromMinutes(5);

    /// <summary>Days before today (China time) whose roll-up is out of date: changed since computed, or never computed.</summary>
    public static async Task<List<DateOnly>> StaleDaysAsync(ServiceDeskDbContext db, DateOnly from, DateOnly to, DateOnly today, CancellationToken ct)
    {
        var last = to < today ? to : today.AddDays(-1);
        if (last < from) return [];
        var changed = await db.CaseStatsChanges.Where(c => c.Day >= from && c.Day <= last).Select(c => c.Day).Distinct().ToListAsync(ct);
        var computed = (await db.CaseStatsDays.Where(d => d.Day >= from && d.Day <= last).Select(d => d.Day).ToListAsync(ct)).ToHashSet();
        var stale = changed.ToHashSet();
        for (var d = from; d <= last; d = d.AddDays(1))
            if (!computed.Contains(d)) stale.Add(d);
        return stale.Order().ToList();
    }

    public static async Task<int> CatchUpAsync(ServiceDeskDbContext db, DateTime nowUtc, CancellationToken ct)
    {
        var first = await db.ServiceCases.IgnoreQueryFilters().MinAsync(c => (DateTime?)c.ReceivedAt, ct);
        if (first is null) return 0;
        var days = await StaleDaysAsync(db, CaseStatsDay.Of(first.Value), CaseStatsDay.Of(nowUtc - Settle).AddDays(-1), CaseStatsDay.Of(nowUtc), ct);
        // Days without cases are computed too (as "nothing"), so that they are not looked at again.
        foreach (var month in days.GroupBy(d => new DateOnly(d.Year, d.Month, 1)))
            await ComputeAsync(db, month.ToList(), nowUtc, ct);
        return days.Count;
    }

    /// <summary>
    /// Replaces the rows of some days of one month by a recount of their cases, and the month's rows by the sums of its
    /// days' rows, in one transaction: a reader sees a month's rows and its days' rows agree, or the days still marked.
    /// The marks consumed are the ones read before the recount (by id): a change committed later keeps its mark.
    /// </summary>
    private static async Task ComputeAsync(ServiceDeskDbContext db, List<DateOnly> days, DateTime nowUtc, CancellationToken ct)
    {
        var month = new DateOnly(days[0].Year, days[0].Month, 1);
        var monthEnd = month.AddMonths(1).AddDays(-1);
        var postgres = db.Database.IsNpgsql();
        // PostgreSQL: one transaction from the start, and two instances computing the same month wait for each other.
        // SQLite (one writer for the whole file): count first, then hold the write lock only for the writes.
        var transaction = postgres ? await db.Database.BeginTransactionAsync(ct) : null;
        if (postgres) await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(74120, {month.DayNumber})", ct);
        var marks = await db.CaseStatsChanges.Where(c => days.Contains(c.Day)).Select(c => c.Id).ToListAsync(ct);

        var rows = new List<CaseDailyStats>();
        var ratings = db.CaseRatings.AsNoTracking();
        foreach (var day in days)
        {
            var from = Platform.Ui.Display.ChinaDayStartUtc(day);
            var to = Platform.Ui.Display.ChinaDayStartUtc(day.AddDays(1));
            var cases = db.ServiceCases.IgnoreQueryFilters().AsNoTracking().Where(c => c.ReceivedAt >= from && c.ReceivedAt < to);
            foreach (var x in await CaseCounts.GroupAsync(cases, ratings, c => c.AcceptingCommunityCode, ct))
                rows.Add(Row(day, CaseStatsDimension.Community, x.Key, "", x));
            foreach (var x in await CaseCounts.GroupAsync(cases, ratings, c => c.AcceptingCommunityCode.Substring(0, 6) + "|" + c.DepartmentCode, ct))
                rows.Add(Row(day, CaseStatsDimension.Department, x.Key[..x.Key.IndexOf('|')], x.Key[(x.Key.IndexOf('|') + 1)..], x));
#pragma warning disable CA1305 // EF translates ToString() to SQL; the IFormatProvider overload has no translation
            foreach (var x in await CaseCounts.GroupAsync(cases, ratings, c => c.AcceptingCommunityCode.Substring(0, 6) + "|" + c.ItemId.ToString(), ct))
                rows.Add(Row(day, CaseStatsDimension.Item, x.Key[..x.Key.IndexOf('|')], x.Key[(x.Key.IndexOf('|') + 1)..], x));
#pragma warning restore CA1305
        }

        transaction ??= await db.Database.BeginTransactionAsync(ct);
        await using (transaction)
        {
            await db.CaseDailyStats.Where(s => (s.Day >= month && s.Day <= monthEnd && days.Contains(s.Day) && s.Dimension < CaseStatsDimension.CommunityMonth)
                                               || (s.Day == month && s.Dimension >= CaseStatsDimension.CommunityMonth)).ExecuteDeleteAsync(ct);
            db.CaseDailyStats.AddRange(rows);
            var computed = await db.CaseStatsDays.Where(d => days.Contains(d.Day)).ToListAsync(ct);
            foreach (var day in days)
            {
                if (computed.FirstOrDefault(d => d.Day == day) is { } mark) mark.ComputedAt = nowUtc;
                else db.CaseStatsDays.Add(new CaseStatsDay { Day = day, ComputedAt = nowUtc });
            }
            await db.SaveChangesAsync(ct);

            // The month's rows are the sums of its days' rows (a reader uses them only when no day of the month is marked).
            var sums = await db.CaseDailyStats.AsNoTracking().Where(s => s.Day >= month && s.Day <= monthEnd && s.Dimension < CaseStatsDimension.CommunityMonth)
                .GroupBy(s => new { s.Dimension, s.Region, s.Key })
                .Select(g => new CaseDailyStats
                {
                    Day = month, Dimension = g.Key.Dimension + 10, Region = g.Key.Region, Key = g.Key.Key,
                    Received = g.Sum(s => s.Received), Accepted = g.Sum(s => s.Accepted), Refused = g.Sum(s => s.Refused), Outside = g.Sum(s => s.Outside),
                    Decided = g.Sum(s => s.Decided), OnTime = g.Sum(s => s.OnTime), DaysSum = g.Sum(s => s.DaysSum), DaysCount = g.Sum(s => s.DaysCount),
                    Proxy = g.Sum(s => s.Proxy), Door = g.Sum(s => s.Door), Late = g.Sum(s => s.Late), Noticed = g.Sum(s => s.Noticed), WaitSum = g.Sum(s => s.WaitSum),
                    WaitCount = g.Sum(s => s.WaitCount), VerySatisfied = g.Sum(s => s.VerySatisfied), Satisfied = g.Sum(s => s.Satisfied), Fairly = g.Sum(s => s.Fairly),
                    Dissatisfied = g.Sum(s => s.Dissatisfied), VeryDissatisfied = g.Sum(s => s.VeryDissatisfied), FollowedUp = g.Sum(s => s.FollowedUp),
                    FollowUpOverdue = g.Sum(s => s.FollowUpOverdue),
                }).ToListAsync(ct);
            db.CaseDailyStats.AddRange(sums);
            await db.SaveChangesAsync(ct);
            if (marks.Count > 0) await db.CaseStatsChanges.Where(c => marks.Contains(c.Id)).ExecuteDeleteAsync(ct);
            await transaction.CommitAsync(ct);
        }
        db.ChangeTracker.Clear();
    }

    private static CaseDailyStats Row(DateOnly day, CaseStatsDimension dimension, string region, string key, CaseCounts x) => new()
    {
        Day = day, Dimension = dimension, Region = region, Key = key, Received = x.Received, Accepted = x.Accepted, Refused = x.Refused, Outside = x.Outside,
        Decided = x.Decided, OnTime = x.OnTime, DaysSum = x.DaysSum, DaysCount = x.DaysCount, Proxy = x.Proxy, Door = x.Door, Late = x.Late, Noticed = x.Noticed,
        WaitSum = x.WaitSum, WaitCount = x.WaitCount, VerySatisfied = x.VerySatisfied, Satisfied = x.Satisfied, Fairly = x.Fairly, Dissatisfied = x.Dissatisfied,
        VeryDissatisfied = x.VeryDissatisfied, FollowedUp = x.FollowedUp, FollowUpOverdue = x.FollowUpOverdue,
    };

    /// <summary>Consecutive days as (first, last) runs, so that scattered changed days cost one query per run.</summary>
    internal static IEnumerable<(DateOnly First, DateOnly Last)> Runs(IEnumerable<DateOnly> days)
    {
        DateOnly? first = null, last = null;
        foreach (var d in days.Distinct().Order())
        {
            if (last is { } l && d == l.AddDays(1)) { last = d; continue; }
            if (first is not null) yield return (first.Value, last!.Value);
            first = last = d;
        }
        if (first is not null) yield return (first.Value, last!.Value);
    }
}

/// <summary>Brings the roll-up up to date after start and then every few poll intervals.</summary>
internal sealed class CaseStatsRollupService(CaseStatsRollup rollup, TimeProvider clock, IOptions<CaseOptions> options, ILogger<CaseStatsRollupService> logger)
    : PollingJob(clock, logger)
{
    protected override bool Enabled => options.Value.RunJobs;
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => rollup.RunOnceAsync(cancellationToken);
}
