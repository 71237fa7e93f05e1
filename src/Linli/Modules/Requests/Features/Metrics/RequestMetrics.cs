using System.Linq.Expressions;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Linli.Platform.Export;
using Linli.Platform.Persistence;
using Linli.Platform.Ui;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Metrics;

internal enum MetricsGroup { Unit = 1, Region, Category }

/// <summary>The ticket window: China-time calendar days, <see cref="From"/> to <see cref="To"/> inclusive, by the day a ticket was filed.</summary>
internal sealed record MetricsFilter(MetricsGroup GroupBy, DateOnly From, DateOnly To, string? Region);

/// <summary>
/// One group's numbers. The counts behind each rate are kept, so that a reader can check every rate. Definitions (also on
/// the metrics page); "tickets" are those filed in the window, in the caller's scope, merged duplicates excluded unless said:
/// <list type="bullet">
/// <item><c>Count</c> (诉求量): every ticket filed, merged duplicates included.</item>
/// <item><c>SignRate</c> (响应率, on-time sign rate) = <c>SignedOnTime / SignDue</c>: of the tickets whose latest dispatch has a sign deadline that has
/// either been met or passed, those signed no later than the deadline.</item>
/// <item><c>FinishRate</c> (按时办结率, on-time finish rate) = <c>FinishedOnTime / ClosedDispatched</c>: of the closed tickets that were dispatched
/// (had a finish deadline), those the unit replied to no later than the finish deadline (extensions and suspensions move it).</item>
/// <item><c>ResolutionRate</c> (解决率) = <c>Resolved / Closed</c>: of the closed tickets, those whose last verdict is not "dissatisfied"
/// (unrated closures and direct answers count as resolved).</item>
/// <item><c>SatisfactionRate</c> (满意率) = <c>Satisfied / Rated</c>: of the rated tickets, those whose last verdict is satisfied or basically satisfied.</item>
/// <item><c>Overdue</c> (超期数): tickets the deadline watcher marked overdue.</item>
/// <item><c>ReturnRate</c> (退单率/错派率) = <c>Returned / Dispatched</c>: of the dispatched tickets, those returned at least once by a unit.</item>
/// <item><c>Repeats</c> (重复诉求): tickets merged into an earlier ticket as duplicates.</item>
/// <item><c>AverageHours</c> (平均办理时长): mean hours from filing to closing, over the closed tickets.</item>
/// </list>
/// A rate with a zero denominator is null (shown as "—").
/// </summary>
internal sealed record MetricsRow(
    string Key, string Name, long Count, long SignDue, long SignedOnTime, long ClosedDispatched, long FinishedOnTime, long Closed, long Resolved,
    long Rated, long Satisfied, long Overdue, long Dispatched, long Returned, long Repeats, double? AverageHours)
{
    public double? SignRate => Rate(SignedOnTime, SignDue);
    public double? FinishRate => Rate(FinishedOnTime, ClosedDispatched);
    public double? ResolutionRate => Rate(Resolved, Closed);
    public double? SatisfactionRate => Rate(Satisfied, Rated);
    public double? ReturnRate => Rate(Returned, Dispatched);

    private static double? Rate(long part, long whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);

    public double? RateOf(string rate) => rate switch
    {
        "sign" => SignRate, "finish" => FinishRate, "resolution" => ResolutionRate, "satisfaction" => SatisfactionRate, "return" => ReturnRate, _ => FinishRate,
    };
}

internal sealed record MetricsReport(MetricsGroup GroupBy, DateOnly From, DateOnly To, string? Region, MetricsRow Total, IReadOnlyList<MetricsRow> Rows);

/// <summary>
/// The metrics, computed by the database, within the caller's scope (a district sees its subtree). Where the caller's
/// area (the scope and the region asked for) is a region prefix that the daily roll-up is kept by — a street or wider for
/// regions, a district or wider for categories and units — whole days come from <see cref="TicketDailyStats"/> (a few hundred rows a
/// day), and today, days changed since their roll-up, and unsigned tickets whose sign deadline has passed are counted
/// from the tickets; otherwise (a grid, a department, a community's area) one GROUP BY over the area's tickets
/// (<see cref="MetricsCounts.GroupAsync"/>), through the context's scope filter. Names are looked up afterwards for the
/// groups only.
/// </summary>
internal sealed class RequestMetrics(RequestsDbContext db, IRegionDirectory regions, IDepartmentDirectory departments, TimeProvider clock, CategoryCatalog catalog,
    IAreaScope scope)
{
    public static readonly string[] Rates = ["sign", "finish", "resolution", "satisfaction", "return"];

    /// <summary>A window from the period name ("7d", "30d", "month", "quarter", "year") ending today, unless from/to are given.</summary>
    public static (DateOnly From, DateOnly To) Window(string? period, DateOnly? from, DateOnly? to, DateTime nowUtc)
    {
        if (from is { } f && !Display.IsPlausible(f)) throw ValidationFailedException.For("from", "请选择 2000 年至 2100 年之间的日期。");
        if (to is { } t && !Display.IsPlausible(t)) throw ValidationFailedException.For("to", "请选择 2000 年至 2100 年之间的日期。");
        var today = WorkingCalendar.ChinaDay(nowUtc);
        var end = to ?? today;
        var start = from ?? period switch
        {
            "7d" => end.AddDays(-6),
            "month" => new DateOnly(end.Year, end.Month, 1),
            "quarter" => new DateOnly(end.Year, (end.Month - 1) / 3 * 3 + 1, 1),
            "year" => new DateOnly(end.Year, 1, 1),
            _ => end.AddDays(-29),
        };
        if (start > end) throw ValidationFailedException.For("from", "统计区间的起始日晚于截止日。");
        if (end.DayNumber - start.DayNumber > 3660) throw ValidationFailedException.For("from", "统计区间不能超过十年。");
        return (start, end);
    }

    public async Task<MetricsReport> ComputeAsync(MetricsFilter filter, CancellationToken ct)
    {
        if (filter.Region is { } r && (r.Length is 0 or > 12 || !r.All(char.IsAsciiDigit)))
            throw ValidationFailedException.For("region", "区划须为 2 到 12 位数字的代码前缀。");
        var raw = filter.GroupBy switch
        {
            MetricsGroup.Region => await RegionPassAsync(filter, RegionLength(filter.Region), ct),
            MetricsGroup.Category => await CategoryPassAsync(filter, ct),
            _ => await UnitPassAsync(filter, ct),
        };
        // The groups cover the window once each, so the total is their sum: no second pass over the tickets.
        var total = raw.Count == 0 ? Empty("", "") : ToRow(MetricsCounts.Sum("", raw));
        var named = await NameAsync(filter.GroupBy, raw.Select(ToRow).ToList(), ct);
        return new MetricsReport(filter.GroupBy, filter.From, filter.To, filter.Region, total with { Name = "合计" },
            named.OrderByDescending(x => x.Count).ThenBy(x => x.Key, StringComparer.Ordinal).ToList());
    }

    /// <summary>Streets (9-digit codes) and departments, ranked by one rate (best first; ties by volume).</summary>
    public async Task<(IReadOnlyList<MetricsRow> Streets, IReadOnlyList<MetricsRow> Departments)> RankAsync(MetricsFilter filter, string rate, CancellationToken ct)
    {
        // The same passes as the report's where it grouped alike (the page asks for both): streets, and units of which
        // the departments are a part.
        var streets = await NameAsync(MetricsGroup.Region, (await RegionPassAsync(filter, 9, ct)).Select(ToRow).ToList(), ct);
        var codes = (await departments.ListAsync(cancellationToken: ct)).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var departmentRows = await NameAsync(MetricsGroup.Unit, (await UnitPassAsync(filter, ct)).Where(x => codes.Contains(x.Key)).Select(ToRow).ToList(), ct);
        static List<MetricsRow> Rank(IEnumerable<MetricsRow> rows, string rate) =>
            rows.OrderByDescending(x => x.RateOf(rate) ?? -1).ThenByDescending(x => x.Count).ThenBy(x => x.Key, StringComparer.Ordinal).ToList();
        return (Rank(streets, rate), Rank(departmentRows, rate));
    }

    private IQueryable<Ticket> Window(DateOnly first, DateOnly last, string? region)
    {
        var from = Display.ChinaDayStartUtc(first);
        var to = Display.ChinaDayStartUtc(last.AddDays(1));
        var tickets = db.Tickets.AsNoTracking().Where(t => t.CreatedAt >= from && t.CreatedAt < to);
        if (region is { Length: > 0 }) tickets = tickets.Where(t => t.CommunityCode.StartsWith(region));
        return tickets;
    }

    /// <summary>Regions group one level below the chosen region (city → districts → streets → communities).</summary>
    private static int RegionLength(string? region) => region?.Length switch
    {
        null or <= 4 => 6,
        <= 6 => 9,
        _ => 12,
    };

    private Task<List<MetricsCounts>> RegionPassAsync(MetricsFilter filter, int length, CancellationToken ct) => length switch
    {
        // Literal lengths, so that the SELECT and the GROUP BY carry the very same expression on every database.
        6 => PassAsync(filter, "region6", t => t.CommunityCode.Substring(0, 6), (c, _, _) => Prefix(c, 6), StatsDimension.Street, s => s.Region.Substring(0, 6), ct),
        9 => PassAsync(filter, "region9", t => t.CommunityCode.Substring(0, 9), (c, _, _) => Prefix(c, 9), StatsDimension.Street, s => s.Region.Substring(0, 9), ct),
        _ => PassAsync(filter, "region12", t => t.CommunityCode.Substring(0, 12), (c, _, _) => Prefix(c, 12), null, null, ct),
    };

    private static string Prefix(string code, int length) => code.Length <= length ? code : code[..length];

    private Task<List<MetricsCounts>> UnitPassAsync(MetricsFilter filter, CancellationToken ct) =>
        PassAsync(filter, "unit", t => t.AssignedUnitCode ?? "", (_, _, u) => u, StatsDimension.Unit, s => s.Key, ct);

#pragma warning disable CA1305 // EF translates ToString() to SQL; the IFormatProvider overload has no translation
    private Task<List<MetricsCounts>> CategoryPassAsync(MetricsFilter filter, CancellationToken ct) =>
        PassAsync(filter, "category", t => t.CategoryId.ToString(), (_, c, _) => c.ToString(System.Globalization.CultureInfo.InvariantCulture),
            StatsDimension.Category, s => s.Key, ct);
#pragma warning restore CA1305

    // One request's passes over the window, each made once however many tables of the page it feeds.
    private readonly Dictionary<string, List<MetricsCounts>> _passes = new(StringComparer.Ordinal);
    private DateTime? _now;

    /// <summary>When false, every pass counts the tickets themselves (the recount the roll-up is tested against).</summary>
    public bool UseRollup { get; set; } = true;

    /// <param name="keyOf">The same key from a ticket's community code, category id and unit code ("" when not dispatched), for the counts the passes share.</param>
    private async Task<List<MetricsCounts>> PassAsync(MetricsFilter filter, string grouping, Expression<Func<Ticket, string>> key, Func<string, int, string, string> keyOf,
        StatsDimension? dimension, Expression<Func<TicketDailyStats, string>>? rollupKey, CancellationToken ct)
    {
        var memo = $"{filter.From:O}|{filter.To:O}|{filter.Region}|{grouping}";
        if (_passes.TryGetValue(memo, out var done)) return done;
        _now ??= clock.GetUtcNow().UtcDateTime;
        var area = Area(filter.Region);
        return _passes[memo] = UseRollup && area is not null && RollupDimension(dimension, area.Length) is { } kept
            ? await RollupPassAsync(filter, area, keyOf, kept, rollupKey!, _now.Value, ct)
            : await MetricsCounts.GroupAsync(Window(filter.From, filter.To, filter.Region), key, _now.Value, ct);
    }

    /// <summary>
    /// The roll-up's rows that hold an area of this code length: streets for a street or wider; categories and units per
    /// city for the city, per district for a district (the rows are filtered by the area's prefix); none finer (a street's
    /// categories are counted from its tickets).
    /// </summary>
    private static StatsDimension? RollupDimension(StatsDimension? dimension, int areaLength) => dimension switch
    {
        StatsDimension.Street when areaLength <= 9 => StatsDimension.Street,
        StatsDimension.Category when areaLength <= 4 => StatsDimension.Category,
        StatsDimension.Category when areaLength <= 6 => StatsDimension.CategoryByDistrict,
        StatsDimension.Unit when areaLength <= 4 => StatsDimension.Unit,
        StatsDimension.Unit when areaLength <= 6 => StatsDimension.UnitByDistrict,
        _ => null,
    };

    /// <summary>
    /// The region prefix the caller reads in: their scope narrowed by the region asked for; null when the scope is not a
    /// region prefix (a department, a grid, a resident) or the two do not overlap.
    /// </summary>
    private string? Area(string? region)
    {
        if (scope.DepartmentCode is not null || scope.Grid is not null || scope.CommunityPrefix is not { } within) return null;
        var wanted = region ?? "";
        return wanted.StartsWith(within, StringComparison.Ordinal) ? wanted : within.StartsWith(wanted, StringComparison.Ordinal) ? within : null;
    }

    // What the passes of one request over the same window share: the roll-up's plan, the unsigned tickets past their sign
    // deadline, and the live days' counts (grouped finely enough for every pass: community, category, unit).
    private readonly Dictionary<(DateOnly, DateOnly), RollupPlan> _plans = [];
    private readonly Dictionary<string, List<(DateTime CreatedAt, string Community, int Category, string Unit)>> _pending = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Community, int Category, string Unit, MetricsCounts Counts)>> _live = new(StringComparer.Ordinal);

    private async Task<List<MetricsCounts>> RollupPassAsync(MetricsFilter filter, string area, Func<string, int, string, string> keyOf, StatsDimension dimension,
        Expression<Func<TicketDailyStats, string>> rollupKey, DateTime now, CancellationToken ct)
    {
        if (!_plans.TryGetValue((filter.From, filter.To), out var plan))
            _plans[(filter.From, filter.To)] = plan = await DailyRollup.PlanAsync(db.TicketStatsChanges, db.TicketStatsDays, filter.From, filter.To, TicketStatsDay.Of(now), ct);
        var parts = new List<MetricsCounts>();
        if (plan.LastRolled >= filter.From)
        {
            // Day rows by ranges of the primary key (dimension, day, …), not every day row of the window filtered by a list of
            // the days the months cover: over a year that read and discarded some 160,000 rows.
            var (monthly, months) = (dimension + 10, plan.Months.ToList());
            var rows = db.TicketDailyStats.AsNoTracking().Where(s => s.Dimension == monthly && months.Contains(s.Day));
            foreach (var (first, last) in plan.DayRuns)
                rows = rows.Concat(db.TicketDailyStats.AsNoTracking().Where(s => s.Dimension == dimension && s.Day >= first && s.Day <= last));
            rows = rows.Where(s => s.Region.StartsWith(area));
            parts.AddRange(await rows.GroupBy(rollupKey).Select(g => new MetricsCounts
            {
                Key = g.Key, Count = g.Sum(s => s.Count), SignDueSigned = g.Sum(s => s.SignDue), SignedOnTime = g.Sum(s => s.SignedOnTime),
                ClosedDispatched = g.Sum(s => s.ClosedDispatched), FinishedOnTime = g.Sum(s => s.FinishedOnTime), Closed = g.Sum(s => s.Closed),
                Resolved = g.Sum(s => s.Resolved), Rated = g.Sum(s => s.Rated), Satisfied = g.Sum(s => s.Satisfied), Overdue = g.Sum(s => s.Overdue),
                Dispatched = g.Sum(s => s.Dispatched), Returned = g.Sum(s => s.Returned), Repeats = g.Sum(s => s.Repeats), Timed = g.Sum(s => s.Timed),
                HoursSum = g.Sum(s => s.HoursSum),
            }).ToListAsync(ct));
            // Whether an unsigned ticket is due depends on now: those of rolled-up days are counted here (a partial index holds them).
            var pendingMemo = $"{filter.From:O}|{plan.LastRolled:O}|{filter.Region}";
            if (!_pending.TryGetValue(pendingMemo, out var pending))
                _pending[pendingMemo] = pending = (await Window(filter.From, plan.LastRolled, filter.Region)
                        .Where(t => t.SignedAt == null && t.SignDueAt != null && t.SignDueAt <= now && t.State != TicketState.Merged)
                        .Select(t => new { t.CreatedAt, t.CommunityCode, t.CategoryId, t.AssignedUnitCode }).ToListAsync(ct))
                    .Select(t => (t.CreatedAt, t.CommunityCode, t.CategoryId, t.AssignedUnitCode ?? "")).ToList();
            parts.AddRange(pending.Where(p => !plan.Live.Contains(TicketStatsDay.Of(p.CreatedAt)))
                .GroupBy(p => keyOf(p.Community, p.Category, p.Unit)).Select(g => new MetricsCounts { Key = g.Key, SignDuePending = g.LongCount() }));
        }
        // Today and later, and days changed since (or never) rolled up: from the tickets, once for every pass.
        foreach (var (first, last) in plan.LiveRuns)
        {
            var liveMemo = $"{first:O}|{last:O}|{filter.Region}";
            if (!_live.TryGetValue(liveMemo, out var live))
            {
#pragma warning disable CA1305 // EF translates ToString() to SQL; the IFormatProvider overload has no translation
                var counted = await MetricsCounts.GroupAsync(Window(first, last, filter.Region),
                    t => t.CommunityCode + "|" + t.CategoryId.ToString() + "|" + (t.AssignedUnitCode ?? ""), now, ct);
#pragma warning restore CA1305
                _live[liveMemo] = live = counted.Select(x =>
                {
                    var fields = x.Key.Split('|', 3);
                    return (fields[0], int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture), fields[2], x);
                }).ToList();
            }
            parts.AddRange(live.GroupBy(x => keyOf(x.Community, x.Category, x.Unit), StringComparer.Ordinal).Select(g => MetricsCounts.Sum(g.Key, g.Select(x => x.Counts))));
        }
        return parts.GroupBy(p => p.Key, StringComparer.Ordinal).Select(g => MetricsCounts.Sum(g.Key, g)).ToList();
    }

    private static MetricsRow ToRow(MetricsCounts x) => new(x.Key, x.Key, x.Count, x.SignDue, x.SignedOnTime, x.ClosedDispatched, x.FinishedOnTime, x.Closed, x.Resolved,
        x.Rated, x.Satisfied, x.Overdue, x.Dispatched, x.Returned, x.Repeats, x.AverageHours is { } h ? Math.Round(h, 2) : null);

    private static MetricsRow Empty(string key, string name) => new(key, name, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, null);

    private async Task<List<MetricsRow>> NameAsync(MetricsGroup group, List<MetricsRow> rows, CancellationToken ct)
    {
        switch (group)
        {
            case MetricsGroup.Category:
                var tree = (await catalog.GetAsync(ct)).Tree;
                return rows.Select(x => x with { Name = int.TryParse(x.Key, out var id) && tree.Find(id) is { } c ? tree.PathOf(c) : x.Key }).ToList();
            case MetricsGroup.Unit:
                var names = (await departments.ListAsync(includeInactive: true, ct)).ToDictionary(d => d.Code, d => d.Name);
                var unitRegions = await regions.NamesAsync(rows.Select(x => x.Key).Where(k => k.Length > 0 && !names.ContainsKey(k)), ct);
                return rows.Select(x => x with
                {
                    Name = x.Key.Length == 0 ? "（未派单）" : names.TryGetValue(x.Key, out var n) ? n : unitRegions.GetValueOrDefault(x.Key, x.Key),
                }).ToList();
            default:
                // One query for every row's name: a ranking names every street of the city.
                var regionNames = await regions.NamesAsync(rows.Select(x => x.Key), ct);
                return rows.Select(x => x with { Name = regionNames.GetValueOrDefault(x.Key, x.Key) }).ToList();
        }
    }

    // ---- export ------------------------------------------------------------------------------------------------------

    public static readonly string[] Headers =
        ["代码", "名称", "诉求量", "响应率", "按时办结率", "解决率", "满意率", "超期数", "退单率", "重复诉求", "平均办理时长（小时）",
         "应签收", "按时签收", "已派办结", "按时办结", "办结", "已解决", "参评", "满意", "已派单", "退单"];

    /// <summary>One row as the export writes it: rates as percentages with one decimal ("85.3%"), "—" where there is nothing to rate.</summary>
    public static object?[] Cells(MetricsRow x) =>
        [x.Key, x.Name, x.Count, Display.Percent(x.SignRate), Display.Percent(x.FinishRate), Display.Percent(x.ResolutionRate), Display.Percent(x.SatisfactionRate), x.Overdue,
         Display.Percent(x.ReturnRate), x.Repeats, x.AverageHours,
         x.SignDue, x.SignedOnTime, x.ClosedDispatched, x.FinishedOnTime, x.Closed, x.Resolved, x.Rated, x.Satisfied, x.Dispatched, x.Returned];

    public static readonly IReadOnlyDictionary<MetricsGroup, string> ExportTitles = new Dictionary<MetricsGroup, string>
    {
        [MetricsGroup.Unit] = "诉求统计（按承办单位）", [MetricsGroup.Region] = "诉求统计（按区划）", [MetricsGroup.Category] = "诉求统计（按分类）",
    };

    /// <summary>The report as a table for the platform's exporter: every group, then the total.</summary>
    public static ExportTable Table(MetricsReport report, string scopeRegion) => new(
        AuditSubjects.RequestMetrics,
        ExportTitles[report.GroupBy],
        $"requests-metrics-{report.GroupBy.ToString().ToLowerInvariant()}-{Display.FileDay(report.From)}-{Display.FileDay(report.To)}",
        report.Region ?? scopeRegion,
        "按" + report.GroupBy switch
        {
            MetricsGroup.Region => "区划",
            MetricsGroup.Category => "分类",
            _ => "承办单位",
        } + "统计，" + Display.Period(report.From, report.To),
        Headers,
        report.Rows.Append(report.Total).Select(Cells).ToAsyncEnumerable());
}
