using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Platform.Jobs;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.ServiceDesk.Features.Statistics;

/// <summary>
/// Keeps the statistics' daily roll-up (<see cref="CaseDailyStats"/>) equal to a recount of the cases, as Requests'
/// TicketStatsRollup does for the ticket metrics: every save of a case or a rating marks the case's received day changed
/// (<see cref="CaseStatsChange"/>, in the same transaction, see <see cref="ServiceDeskDbContext"/>), and this job
/// recomputes each changed or never-computed day before today, set-based, and the month's rows as the sums of its days.
/// Readers count marked and missing days (and today) from the cases, so the roll-up only ever makes a period cheaper,
/// never different. The marks, stale days, transactions and lock are <see cref="DailyRollup"/>'s; this says what is
/// counted and how the rows are written.
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

    /// <summary>The first key of the roll-up's PostgreSQL advisory lock (<see cref="DailyRollup"/>).</summary>
    private const int LockClass = 74120;

    public static async Task<int> CatchUpAsync(ServiceDeskDbContext db, DateTime nowUtc, CancellationToken ct) =>
        await DailyRollup.CatchUpAsync(db, db.CaseStatsChanges, db.CaseStatsDays, LockClass,
            await db.ServiceCases.IgnoreQueryFilters().MinAsync(c => (DateTime?)c.ReceivedAt, ct), nowUtc,
            (days, token) => CountAsync(db, days, token), (month, days, rows, token) => ReplaceAsync(db, month, days, rows, token), ct);

    /// <summary>The rows of some days of one month, recounted from their cases and ratings, set-based.</summary>
    private static async Task<List<CaseDailyStats>> CountAsync(ServiceDeskDbContext db, IReadOnlyList<DateOnly> days, CancellationToken ct)
    {
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
        return rows;
    }

    /// <summary>In the roll-up's transaction: the days' rows replaced by the recounted ones, and the month's rows by the sums of its days' rows.</summary>
    private static async Task ReplaceAsync(ServiceDeskDbContext db, DateOnly month, IReadOnlyList<DateOnly> days, List<CaseDailyStats> rows, CancellationToken ct)
    {
        var monthEnd = month.AddMonths(1).AddDays(-1);
        await db.CaseDailyStats.Where(s => (s.Day >= month && s.Day <= monthEnd && days.Contains(s.Day) && s.Dimension < CaseStatsDimension.CommunityMonth)
                                           || (s.Day == month && s.Dimension >= CaseStatsDimension.CommunityMonth)).ExecuteDeleteAsync(ct);
        db.CaseDailyStats.AddRange(rows);
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
    }

    private static CaseDailyStats Row(DateOnly day, CaseStatsDimension dimension, string region, string key, CaseCounts x) => new()
    {
        Day = day, Dimension = dimension, Region = region, Key = key, Received = x.Received, Accepted = x.Accepted, Refused = x.Refused, Outside = x.Outside,
        Decided = x.Decided, OnTime = x.OnTime, DaysSum = x.DaysSum, DaysCount = x.DaysCount, Proxy = x.Proxy, Door = x.Door, Late = x.Late, Noticed = x.Noticed,
        WaitSum = x.WaitSum, WaitCount = x.WaitCount, VerySatisfied = x.VerySatisfied, Satisfied = x.Satisfied, Fairly = x.Fairly, Dissatisfied = x.Dissatisfied,
        VeryDissatisfied = x.VeryDissatisfied, FollowedUp = x.FollowedUp, FollowUpOverdue = x.FollowUpOverdue,
    };
}

/// <summary>Brings the roll-up up to date after start and then every few poll intervals.</summary>
internal sealed class CaseStatsRollupService(CaseStatsRollup rollup, TimeProvider clock, IOptions<CaseOptions> options, ILogger<CaseStatsRollupService> logger)
    : PollingJob(clock, logger)
{
    protected override bool Enabled => options.Value.RunJobs;
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => rollup.RunOnceAsync(cancellationToken);
}
