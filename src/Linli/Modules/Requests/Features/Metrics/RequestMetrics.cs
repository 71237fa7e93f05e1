using System.Globalization;
using System.Linq.Expressions;
using System.Text;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;

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
/// The metrics of §7, computed by the database: one GROUP BY with conditional counts over the tickets table (never a ticket
/// in memory), through the context's scope filter, so a district sees its subtree, a department what was sent to it.
/// Names are looked up afterwards for the groups only. Indexes used: (community_code, created_at), (assigned_unit_code, state),
/// (category_id, created_at), (created_at).
/// </summary>
internal sealed class RequestMetrics(RequestsDbContext db, IRegionDirectory regions, IDepartmentDirectory departments, TimeProvider clock, CategoryCatalog catalog)
{
    public static readonly string[] Rates = ["sign", "finish", "resolution", "satisfaction", "return"];

    /// <summary>A window from the period name ("7d", "30d", "month", "quarter", "year") ending today, unless from/to are given.</summary>
    public static (DateOnly From, DateOnly To) Window(string? period, DateOnly? from, DateOnly? to, DateTime nowUtc)
    {
        if (from is { } f && !Platform.Ui.Display.IsPlausible(f)) throw ValidationFailedException.For("from", "Choose a date between 2000 and 2100.");
        if (to is { } t && !Platform.Ui.Display.IsPlausible(t)) throw ValidationFailedException.For("to", "Choose a date between 2000 and 2100.");
        var today = DateOnly.FromDateTime(WorkingCalendar.ToChina(nowUtc));
        var end = to ?? today;
        var start = from ?? period switch
        {
            "7d" => end.AddDays(-6),
            "month" => new DateOnly(end.Year, end.Month, 1),
            "quarter" => new DateOnly(end.Year, (end.Month - 1) / 3 * 3 + 1, 1),
            "year" => new DateOnly(end.Year, 1, 1),
            _ => end.AddDays(-29),
        };
        if (start > end) throw ValidationFailedException.For("from", "The window starts after it ends.");
        if (end.DayNumber - start.DayNumber > 3660) throw ValidationFailedException.For("from", "The window is longer than ten years.");
        return (start, end);
    }

    public async Task<MetricsReport> ComputeAsync(MetricsFilter filter, CancellationToken ct)
    {
        if (filter.Region is { } r && (r.Length is 0 or > 12 || !r.All(char.IsAsciiDigit)))
            throw ValidationFailedException.For("region", "A region is a code prefix of 2 to 12 digits.");
        var raw = filter.GroupBy switch
        {
            MetricsGroup.Region => await RegionPassAsync(filter, RegionLength(filter.Region), ct),
            MetricsGroup.Category => await PassAsync(filter, "category", t => t.CategoryId.ToString(), ct),
            _ => await UnitPassAsync(filter, ct),
        };
        // The groups cover the window once each, so the total is their sum: no second pass over the tickets.
        var total = raw.Count == 0 ? Empty("", "") : ToRow(Raw.Sum(raw));
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

    private IQueryable<Ticket> Window(MetricsFilter filter)
    {
        var from = Platform.Ui.Display.ChinaDayStartUtc(filter.From);
        var to = Platform.Ui.Display.ChinaDayStartUtc(filter.To.AddDays(1));
        var tickets = db.Tickets.AsNoTracking().Where(t => t.CreatedAt >= from && t.CreatedAt < to);
        if (filter.Region is { Length: > 0 } region) tickets = tickets.Where(t => t.CommunityCode.StartsWith(region));
        return tickets;
    }

    /// <summary>Regions group one level below the chosen region (city → districts → streets → communities).</summary>
    private static int RegionLength(string? region) => region?.Length switch
    {
        null or <= 4 => 6,
        <= 6 => 9,
        _ => 12,
    };

    private Task<List<Raw>> RegionPassAsync(MetricsFilter filter, int length, CancellationToken ct) => length switch
    {
        // Literal lengths, so that the SELECT and the GROUP BY carry the very same expression on every database.
        6 => PassAsync(filter, "region6", t => t.CommunityCode.Substring(0, 6), ct),
        9 => PassAsync(filter, "region9", t => t.CommunityCode.Substring(0, 9), ct),
        _ => PassAsync(filter, "region12", t => t.CommunityCode.Substring(0, 12), ct),
    };

    private Task<List<Raw>> UnitPassAsync(MetricsFilter filter, CancellationToken ct) => PassAsync(filter, "unit", t => t.AssignedUnitCode ?? "", ct);

    // One request's passes over the window, each made once however many tables of the page it feeds.
    private readonly Dictionary<string, List<Raw>> _passes = new(StringComparer.Ordinal);
    private DateTime? _now;

    private async Task<List<Raw>> PassAsync(MetricsFilter filter, string grouping, Expression<Func<Ticket, string>> key, CancellationToken ct)
    {
        var memo = $"{filter.From:O}|{filter.To:O}|{filter.Region}|{grouping}";
        if (_passes.TryGetValue(memo, out var done)) return done;
        _now ??= clock.GetUtcNow().UtcDateTime;
        return _passes[memo] = await GroupRawAsync(Window(filter), key, _now.Value, ct);
    }

    private static MetricsRow ToRow(Raw x) => new(x.Key, x.Key, x.Count, x.SignDue, x.SignedOnTime, x.ClosedDispatched, x.FinishedOnTime, x.Closed, x.Resolved,
        x.Rated, x.Satisfied, x.Overdue, x.Dispatched, x.Returned, x.Repeats, x.AverageHours is { } h ? Math.Round(h, 2) : null);

    private async Task<List<Raw>> GroupRawAsync(IQueryable<Ticket> tickets, Expression<Func<Ticket, string>> key, DateTime now, CancellationToken ct)
    {
        const TicketState closed = TicketState.Closed, merged = TicketState.Merged;
        var sqlite = db.Database.IsSqlite();
        var rows = sqlite
            ? await tickets.GroupBy(key).Select(g => new Raw
            {
                Key = g.Key, Count = g.Count(),
                SignDue = g.Count(t => t.State != merged && t.SignDueAt != null && (t.SignedAt != null || t.SignDueAt <= now)),
                SignedOnTime = g.Count(t => t.State != merged && t.SignedAt != null && t.SignDueAt != null && t.SignedAt <= t.SignDueAt),
                ClosedDispatched = g.Count(t => t.State == closed && t.FinishDueAt != null),
                FinishedOnTime = g.Count(t => t.State == closed && t.FinishDueAt != null && t.RepliedAt != null && t.RepliedAt <= t.FinishDueAt),
                Closed = g.Count(t => t.State == closed),
                Resolved = g.Count(t => t.State == closed && t.Rating != Rating.Dissatisfied),
                Rated = g.Count(t => t.State != merged && t.Rating != null),
                Satisfied = g.Count(t => t.State != merged && (t.Rating == Rating.Satisfied || t.Rating == Rating.BasicallySatisfied)),
                Overdue = g.Count(t => t.IsOverdue),
                Dispatched = g.Count(t => t.State != merged && t.DispatchedAt != null),
                Returned = g.Count(t => t.State != merged && t.ReturnCount > 0),
                Repeats = g.Count(t => t.State == merged),
                Timed = g.Count(t => t.State == closed && t.ClosedAt != null),
                AverageHours = g.Average(t => t.State == closed && t.ClosedAt != null
                    ? (double?)((MetricsSql.JulianDay(t.ClosedAt.Value) - MetricsSql.JulianDay(t.CreatedAt)) * 24.0) : null),
            }).ToListAsync(ct)
            : await tickets.GroupBy(key).Select(g => new Raw
            {
                Key = g.Key, Count = g.Count(),
                SignDue = g.Count(t => t.State != merged && t.SignDueAt != null && (t.SignedAt != null || t.SignDueAt <= now)),
                SignedOnTime = g.Count(t => t.State != merged && t.SignedAt != null && t.SignDueAt != null && t.SignedAt <= t.SignDueAt),
                ClosedDispatched = g.Count(t => t.State == closed && t.FinishDueAt != null),
                FinishedOnTime = g.Count(t => t.State == closed && t.FinishDueAt != null && t.RepliedAt != null && t.RepliedAt <= t.FinishDueAt),
                Closed = g.Count(t => t.State == closed),
                Resolved = g.Count(t => t.State == closed && t.Rating != Rating.Dissatisfied),
                Rated = g.Count(t => t.State != merged && t.Rating != null),
                Satisfied = g.Count(t => t.State != merged && (t.Rating == Rating.Satisfied || t.Rating == Rating.BasicallySatisfied)),
                Overdue = g.Count(t => t.IsOverdue),
                Dispatched = g.Count(t => t.State != merged && t.DispatchedAt != null),
                Returned = g.Count(t => t.State != merged && t.ReturnCount > 0),
                Repeats = g.Count(t => t.State == merged),
                Timed = g.Count(t => t.State == closed && t.ClosedAt != null),
                AverageHours = g.Average(t => t.State == closed && t.ClosedAt != null
                    ? (double?)((MetricsSql.DatePart("epoch", t.ClosedAt.Value) - MetricsSql.DatePart("epoch", t.CreatedAt)) / 3600.0) : null),
            }).ToListAsync(ct);
        return rows;
    }

    private sealed class Raw
    {
        public string Key { get; init; } = "";
        public long Count { get; init; }
        public long SignDue { get; init; }
        public long SignedOnTime { get; init; }
        public long ClosedDispatched { get; init; }
        public long FinishedOnTime { get; init; }
        public long Closed { get; init; }
        public long Resolved { get; init; }
        public long Rated { get; init; }
        public long Satisfied { get; init; }
        public long Overdue { get; init; }
        public long Dispatched { get; init; }
        public long Returned { get; init; }
        public long Repeats { get; init; }

        /// <summary>How many tickets the average handling time is taken over.</summary>
        public long Timed { get; init; }
        public double? AverageHours { get; init; }

        public static Raw Sum(IReadOnlyList<Raw> rows)
        {
            var timed = rows.Sum(x => x.Timed);
            return new Raw
            {
                Key = "", Count = rows.Sum(x => x.Count), SignDue = rows.Sum(x => x.SignDue), SignedOnTime = rows.Sum(x => x.SignedOnTime),
                ClosedDispatched = rows.Sum(x => x.ClosedDispatched), FinishedOnTime = rows.Sum(x => x.FinishedOnTime), Closed = rows.Sum(x => x.Closed),
                Resolved = rows.Sum(x => x.Resolved), Rated = rows.Sum(x => x.Rated), Satisfied = rows.Sum(x => x.Satisfied), Overdue = rows.Sum(x => x.Overdue),
                Dispatched = rows.Sum(x => x.Dispatched), Returned = rows.Sum(x => x.Returned), Repeats = rows.Sum(x => x.Repeats), Timed = timed,
                AverageHours = timed == 0 ? null : rows.Sum(x => (x.AverageHours ?? 0) * x.Timed) / timed,
            };
        }
    }

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

    private static readonly string[] Headers =
        ["代码", "名称", "诉求量", "响应率", "按时办结率", "解决率", "满意率", "超期数", "退单率", "重复诉求", "平均办理时长（小时）",
         "应签收", "按时签收", "已派办结", "按时办结", "办结", "已解决", "参评", "满意", "已派单", "退单"];

    private static object?[] Cells(MetricsRow x) =>
        [x.Key, x.Name, x.Count, x.SignRate, x.FinishRate, x.ResolutionRate, x.SatisfactionRate, x.Overdue, x.ReturnRate, x.Repeats, x.AverageHours,
         x.SignDue, x.SignedOnTime, x.ClosedDispatched, x.FinishedOnTime, x.Closed, x.Resolved, x.Rated, x.Satisfied, x.Dispatched, x.Returned];

    private static IEnumerable<MetricsRow> AllRows(MetricsReport report) => report.Rows.Append(report.Total);

    public static byte[] Xlsx(MetricsReport report)
    {
        var sheet = AllRows(report).Select(x =>
        {
            var row = new Dictionary<string, object?>();
            var cells = Cells(x);
            for (var i = 0; i < Headers.Length; i++) row[Headers[i]] = cells[i];
            return row;
        }).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet, excelType: ExcelType.XLSX, sheetName: "metrics");
        return stream.ToArray();
    }

    /// <summary>UTF-8 with a byte-order mark (so spreadsheet programs read the Chinese), comma-separated, RFC 4180 quoting; rates as fractions.</summary>
    public static byte[] Csv(MetricsReport report)
    {
        var text = new StringBuilder();
        text.AppendJoin(',', Headers.Select(Quote)).Append("\r\n");
        foreach (var x in AllRows(report))
            text.AppendJoin(',', Cells(x).Select(c => Quote(c switch
            {
                null => "",
                double d => d.ToString("0.####", CultureInfo.InvariantCulture),
                IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                _ => c.ToString() ?? "",
            }))).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@')
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
}

/// <summary>Date arithmetic the two databases spell differently, mapped as database functions for the metrics' averages.</summary>
internal static class MetricsSql
{
    /// <summary>SQLite's julianday(): days since noon of 24 November 4714 BC as a real number.</summary>
    public static double JulianDay(DateTime value) => throw new InvalidOperationException("Only in queries.");

    /// <summary>PostgreSQL's date_part(): date_part('epoch', t) is seconds since 1970.</summary>
    public static double DatePart(string part, DateTime value) => throw new InvalidOperationException("Only in queries.");

    public static void Register(ModelBuilder modelBuilder, Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database)
    {
        if (database.IsSqlite())
            modelBuilder.HasDbFunction(typeof(MetricsSql).GetMethod(nameof(JulianDay))!).HasName("julianday").IsBuiltIn();
        else
            modelBuilder.HasDbFunction(typeof(MetricsSql).GetMethod(nameof(DatePart))!).HasName("date_part").IsBuiltIn();
    }
}

internal static class MetricsEndpoints
{
    /// <summary>Who reads metrics: the street and district over an area, the city supervisor and the administrator.</summary>
    public static readonly string[] Readers = [Roles.StreetStaff, Roles.DistrictStaff, Roles.Supervisor, Roles.Administrator];

    public static void Map(IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/metrics").RequireAuthorization(policy => policy.RequireRole(Readers));
        group.MapGet("/", async (string? groupBy, string? period, DateOnly? from, DateOnly? to, string? region, int? page, int? pageSize,
                RequestMetrics metrics, TimeProvider clock, CancellationToken ct) =>
            {
                var report = await metrics.ComputeAsync(Filter(groupBy, period, from, to, region, clock), ct);
                var (p, size) = Platform.Paging.Paging.Normalize(page, pageSize);
                return TypedResults.Ok(new
                {
                    report.GroupBy, report.From, report.To, report.Region, report.Total,
                    Rows = new Platform.Paging.Paged<MetricsRow>(report.Rows.Skip((p - 1) * size).Take(size).ToList(), p, size, report.Rows.Count),
                });
            })
            .WithName("RequestMetrics")
            .WithSummary("Request metrics in the caller's scope grouped by unit, region (one level below `region`) or category, over a window (period 7d|30d|month|quarter|year, or from/to in China days): counts, on-time sign rate, on-time finish rate, resolution, satisfaction and return rates, overdue, repeats, average hours; rows paginated.");
        group.MapGet("/export", async (string? format, string? groupBy, string? period, DateOnly? from, DateOnly? to, string? region,
                RequestMetrics metrics, TimeProvider clock, IAuditLog audit, IAreaScope scope, CancellationToken ct) =>
            {
                var report = await metrics.ComputeAsync(Filter(groupBy, period, from, to, region, clock), ct);
                var name = $"requests-metrics-{report.GroupBy.ToString().ToLowerInvariant()}-{report.From:yyyyMMdd}-{report.To:yyyyMMdd}";
                var csv = format == "csv";
                var file = csv ? RequestMetrics.Csv(report) : RequestMetrics.Xlsx(report);
                await audit.RecordExportAsync(AuditSubjects.RequestMetrics, csv ? "csv" : "xlsx", report.Region ?? scope.RegionPrefix ?? "", report.Rows.Count + 1,
                    string.Format(CultureInfo.InvariantCulture, "按{0}统计，{1:yyyy-MM-dd} 至 {2:yyyy-MM-dd}", report.GroupBy switch
                    {
                        MetricsGroup.Region => "区划",
                        MetricsGroup.Category => "分类",
                        _ => "承办单位",
                    }, report.From, report.To), ct);
                return csv
                    ? Results.File(file, "text/csv; charset=utf-8", name + ".csv")
                    : Results.File(file, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
            })
            .RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Export)
            .WithName("ExportRequestMetrics")
            .WithSummary("The same metrics as an Excel workbook (format=xlsx, default) or CSV (format=csv), every row.");
    }

    /// <summary>groupBy as the API takes it: unit, region or category, in any case.</summary>
    public static MetricsFilter Filter(string? groupBy, string? period, DateOnly? from, DateOnly? to, string? region, TimeProvider clock)
    {
        MetricsGroup? group = null;
        if (!string.IsNullOrWhiteSpace(groupBy))
            group = Enum.TryParse<MetricsGroup>(groupBy, ignoreCase: true, out var parsed) && Enum.IsDefined(parsed) ? parsed
                : throw ValidationFailedException.For("groupBy", "Group by unit, region or category.");
        return Filter(group, period, from, to, region, clock);
    }

    public static MetricsFilter Filter(MetricsGroup? groupBy, string? period, DateOnly? from, DateOnly? to, string? region, TimeProvider clock)
    {
        var (start, end) = RequestMetrics.Window(period, from, to, clock.GetUtcNow().UtcDateTime);
        return new MetricsFilter(groupBy ?? MetricsGroup.Unit, start, end, string.IsNullOrWhiteSpace(region) ? null : region.Trim());
    }
}
