using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Jobs;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Features.Metrics;

/// <summary>
/// Keeps the daily roll-up (<see cref="TicketDailyStats"/>) equal to a recount of the tickets: every save of a ticket
/// marks its filing day changed (<see cref="TicketStatsChange"/>, in the same transaction, see
/// <see cref="RequestsDbContext"/>), and this job recomputes each changed or never-computed day before today, set-based,
/// one day per transaction. Readers count marked and missing days (and today) from the tickets themselves, so the roll-up
/// only ever makes a window cheaper, never different. The marks, stale days, transactions and lock are
/// <see cref="DailyRollup"/>'s; this says what is counted and how the rows are written.
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

    /// <summary>The first key of the roll-up's PostgreSQL advisory lock (<see cref="DailyRollup"/>).</summary>
    private const int LockClass = 74110;

    public static async Task<int> CatchUpAsync(RequestsDbContext db, DateTime nowUtc, CancellationToken ct) =>
        await DailyRollup.CatchUpAsync(db, db.TicketStatsChanges, db.TicketStatsDays, LockClass,
            await db.Tickets.IgnoreQueryFilters().MinAsync(t => (DateTime?)t.CreatedAt, ct), nowUtc,
            (days, token) => CountAsync(db, days, nowUtc, token), (month, days, rows, token) => ReplaceAsync(db, month, days, rows, token), ct);

    /// <summary>The rows of some days of one month, recounted from their tickets, set-based.</summary>
    private static async Task<List<TicketDailyStats>> CountAsync(RequestsDbContext db, IReadOnlyList<DateOnly> days, DateTime nowUtc, CancellationToken ct)
    {
        var rows = new List<TicketDailyStats>();
        foreach (var day in days)
        {
            var from = Platform.Ui.Display.ChinaDayStartUtc(day);
            var to = Platform.Ui.Display.ChinaDayStartUtc(day.AddDays(1));
            var tickets = db.Tickets.IgnoreQueryFilters().AsNoTracking().Where(t => t.CreatedAt >= from && t.CreatedAt < to);
            foreach (var x in await MetricsCounts.GroupAsync(tickets, t => t.CommunityCode.Substring(0, 9), nowUtc, ct))
                rows.Add(Row(day, StatsDimension.Street, x.Key, "", x));
            // Categories and units per district, and the city's rows as the sums of its districts' (one pass over the day each).
#pragma warning disable CA1305 // EF translates ToString() to SQL; the IFormatProvider overload has no translation
            AddByDistrict(rows, day, StatsDimension.CategoryByDistrict, StatsDimension.Category,
                await MetricsCounts.GroupAsync(tickets, t => t.CommunityCode.Substring(0, 6) + "|" + t.CategoryId.ToString(), nowUtc, ct));
#pragma warning restore CA1305
            AddByDistrict(rows, day, StatsDimension.UnitByDistrict, StatsDimension.Unit,
                await MetricsCounts.GroupAsync(tickets, t => t.CommunityCode.Substring(0, 6) + "|" + (t.AssignedUnitCode ?? ""), nowUtc, ct));
        }
        return rows;
    }

    /// <summary>Rows keyed "district|key": one per district and key, and one per city and key (the sum of its districts').</summary>
    private static void AddByDistrict(List<TicketDailyStats> rows, DateOnly day, StatsDimension byDistrict, StatsDimension byCity, List<MetricsCounts> counted)
    {
        var parts = counted.Select(x => (District: x.Key[..x.Key.IndexOf('|')], Key: x.Key[(x.Key.IndexOf('|') + 1)..], Counts: x)).ToList();
        foreach (var (district, key, x) in parts) rows.Add(Row(day, byDistrict, district, key, x));
        foreach (var g in parts.GroupBy(p => (City: p.District[..Math.Min(4, p.District.Length)], p.Key)))
            rows.Add(Row(day, byCity, g.Key.City, g.Key.Key, MetricsCounts.Sum(g.Key.Key, g.Select(p => p.Counts))));
    }

    /// <summary>In the roll-up's transaction: the days' rows replaced by the recounted ones, and the month's rows by the sums of its days' rows.</summary>
    private static async Task ReplaceAsync(RequestsDbContext db, DateOnly month, IReadOnlyList<DateOnly> days, List<TicketDailyStats> rows, CancellationToken ct)
    {
        var monthEnd = month.AddMonths(1).AddDays(-1);
        await db.TicketDailyStats.Where(s => (s.Day >= month && s.Day <= monthEnd && days.Contains(s.Day) && s.Dimension < StatsDimension.StreetMonth)
                                             || (s.Day == month && s.Dimension >= StatsDimension.StreetMonth)).ExecuteDeleteAsync(ct);
        // Bulk (COPY on PostgreSQL), not tracked entities: a month's days are some 100,000 rows with the by-district ones.
        await WriteAsync(db, rows, ct);

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
        await WriteAsync(db, sums, ct);
    }

    private static readonly string[] Columns =
    [
        nameof(TicketDailyStats.Day), nameof(TicketDailyStats.Dimension), nameof(TicketDailyStats.Region), nameof(TicketDailyStats.Key),
        nameof(TicketDailyStats.Count), nameof(TicketDailyStats.SignDue), nameof(TicketDailyStats.SignedOnTime), nameof(TicketDailyStats.ClosedDispatched),
        nameof(TicketDailyStats.FinishedOnTime), nameof(TicketDailyStats.Closed), nameof(TicketDailyStats.Resolved), nameof(TicketDailyStats.Rated),
        nameof(TicketDailyStats.Satisfied), nameof(TicketDailyStats.Overdue), nameof(TicketDailyStats.Dispatched), nameof(TicketDailyStats.Returned),
        nameof(TicketDailyStats.Repeats), nameof(TicketDailyStats.Timed), nameof(TicketDailyStats.HoursSum),
    ];

    /// <summary>The rows in the roll-up's transaction, without change tracking.</summary>
    private static Task<long> WriteAsync(RequestsDbContext db, IEnumerable<TicketDailyStats> rows, CancellationToken ct) =>
        BulkWriter.WriteAsync<TicketDailyStats>(db, Columns, rows.Select(r => new object?[]
        {
            r.Day, (int)r.Dimension, r.Region, r.Key, r.Count, r.SignDue, r.SignedOnTime, r.ClosedDispatched, r.FinishedOnTime, r.Closed, r.Resolved,
            r.Rated, r.Satisfied, r.Overdue, r.Dispatched, r.Returned, r.Repeats, r.Timed, r.HoursSum,
        }), ct);

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
