using System.Linq.Expressions;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.Statistics;

/// <summary>What the statistics are grouped by: the accepting community (受理地), its street or district, the deciding department, or the item.</summary>
internal enum StatisticsGroup
{
    Community = 1,
    Street,
    District,
    Department,
    Item,
}

/// <summary>One group's figures for the period: cases received in it, and what became of them.</summary>
internal sealed record StatisticsRow(string Key, string Name, int Received, int Accepted, int Refused, int AcceptedOutsideHome, double? CityWideRate,
    int Decided, int OnTime, double? OnTimeRate, double? AverageWorkingDays, int Proxy, int DoorToDoor,
    IReadOnlyDictionary<RatingLevel, int> Ratings, int Poor, int PoorFollowedUp, int PoorOpen, int PoorOverdue)
{
    /// <summary>Cases that ran past their limit (decided late, or still open past it).</summary>
    public int Late { get; init; }

    /// <summary>Cases that needed a one-time notice (一次告知), and their share of those received.</summary>
    public int Noticed { get; init; }
    public double? NoticeRate { get; init; }

    /// <summary>Average working days the noticed cases waited for the applicant to complete the materials (补正), over those completed.</summary>
    public double? AverageWaitDays { get; init; }

    /// <summary>Ratings given, and the share of them that are 差评.</summary>
    public int Rated { get; init; }
    public double? PoorRate { get; init; }

    // The sums behind the averages, so that a total over rows is exact (not an average of averages).
    [System.Text.Json.Serialization.JsonIgnore] public double WorkingDaysSum { get; init; }
    [System.Text.Json.Serialization.JsonIgnore] public int WorkingDaysCount { get; init; }
    [System.Text.Json.Serialization.JsonIgnore] public double WaitSum { get; init; }
    [System.Text.Json.Serialization.JsonIgnore] public int WaitCount { get; init; }

    /// <summary>The rows added up (for 合计): counts summed, rates and averages recomputed from the sums.</summary>
    public static StatisticsRow Total(IReadOnlyCollection<StatisticsRow> rows, string name)
    {
        int Sum(Func<StatisticsRow, int> f) => rows.Sum(f);
        double? Rate(int part, int whole) => whole == 0 ? null : Math.Round((double)part / whole, 4);
        var accepted = Sum(r => r.Accepted);
        var decided = Sum(r => r.Decided);
        var received = Sum(r => r.Received);
        var days = rows.Sum(r => r.WorkingDaysSum);
        var dayCount = Sum(r => r.WorkingDaysCount);
        var wait = rows.Sum(r => r.WaitSum);
        var waitCount = Sum(r => r.WaitCount);
        var poor = Sum(r => r.Poor);
        var rated = Sum(r => r.Rated);
        var levels = Enum.GetValues<RatingLevel>().ToDictionary(l => l, l => rows.Sum(r => r.Ratings.GetValueOrDefault(l)));
        return new StatisticsRow("", name, received, accepted, Sum(r => r.Refused), Sum(r => r.AcceptedOutsideHome), Rate(Sum(r => r.AcceptedOutsideHome), accepted),
            decided, Sum(r => r.OnTime), Rate(Sum(r => r.OnTime), decided), dayCount == 0 ? null : Math.Round(days / dayCount, 2), Sum(r => r.Proxy), Sum(r => r.DoorToDoor),
            levels, poor, Sum(r => r.PoorFollowedUp), Sum(r => r.PoorOpen), Sum(r => r.PoorOverdue))
        {
            Late = Sum(r => r.Late), Noticed = Sum(r => r.Noticed), NoticeRate = Rate(Sum(r => r.Noticed), received),
            AverageWaitDays = waitCount == 0 ? null : Math.Round(wait / waitCount, 2), Rated = rated, PoorRate = Rate(poor, rated),
            WorkingDaysSum = days, WorkingDaysCount = dayCount, WaitSum = wait, WaitCount = waitCount,
        };
    }
}

/// <summary>Every group's row of a period (unpaged), for the page's total and chart and for the export.</summary>
internal sealed record StatisticsResult(StatisticsGroup GroupBy, DateOnly From, DateOnly To, string? Area, IReadOnlyList<StatisticsRow> Rows);

internal sealed record StatisticsReport(StatisticsGroup GroupBy, DateOnly From, DateOnly To, Paged<StatisticsRow> Rows);

/// <summary>
/// The supervisors' figures, counted by the database in two grouped queries (cases, then their ratings) over the cases
/// the caller's scope shows (the context's filter): no case is loaded. Rates are over the cases they concern — the
/// city-wide rate over accepted cases, the on-time rate over decided ones — and absent when there is nothing to divide.
/// </summary>
internal static class CaseStatistics
{
    // China has one time zone and no daylight saving: a day there is [00:00+08, 24:00+08).
    private static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);
    public const int MaxDays = 366 * 5;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/", async Task<Ok<StatisticsReport>> (StatisticsGroup? groupBy, DateOnly? from, DateOnly? to, string? area, int? page, int? pageSize,
                ServiceDeskDbContext db, IRegionDirectory regions, IDepartmentDirectory departments, IAreaScope scope, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await ComputeAsync(groupBy ?? StatisticsGroup.Community, from, to, page, pageSize, db, regions, departments, clock, ct, area, scope)))
            .WithName("ServiceCaseStatistics")
            .WithSummary("Cases received in a period (from/to, China days; default this year) in the caller's scope, grouped by accepting community, street, district, deciding department or item: received, accepted, refused, the city-wide rate (accepted outside the home community), on-time rate, average working days, proxy and door-to-door counts, ratings by level and the 差评 follow-ups; rows paginated.");

    public static async Task<StatisticsReport> ComputeAsync(StatisticsGroup groupBy, DateOnly? from, DateOnly? to, int? page, int? pageSize, ServiceDeskDbContext db,
        IRegionDirectory regions, IDepartmentDirectory departments, TimeProvider clock, CancellationToken ct, string? area = null, IAreaScope? scope = null)
    {
        var result = await RowsAsync(groupBy, from, to, area, scope, db, regions, departments, clock, ct);
        var (p, size) = Paging.Normalize(page, pageSize);
        return new StatisticsReport(groupBy, result.From, result.To, new Paged<StatisticsRow>([.. result.Rows.Skip((p - 1) * size).Take(size)], p, size, result.Rows.Count));
    }

    /// <summary>
    /// The area asked for (a district, street or community code), within the caller's scope: a district asking for another
    /// district's figures is refused (403), not answered with an empty table.
    /// </summary>
    public static string? Area(string? area, IAreaScope? scope)
    {
        if (string.IsNullOrWhiteSpace(area)) return null;
        var code = area.Trim();
        if (code.Length is not (6 or 9 or 12) || !code.All(char.IsAsciiDigit)) throw ValidationFailedException.For("area", "区域代码应为 6、9 或 12 位数字。");
        if (scope is not null && (scope.RegionPrefix is not { } prefix || !code.StartsWith(prefix, StringComparison.Ordinal)))
            throw new ForbiddenException("您只能查看本辖区的统计。");
        return code;
    }

    /// <summary>Every group's row (unpaged) of the cases received in the period in the caller's scope, narrowed to <paramref name="area"/> (accepted there).</summary>
    public static async Task<StatisticsResult> RowsAsync(StatisticsGroup groupBy, DateOnly? from, DateOnly? to, string? area, IAreaScope? scope, ServiceDeskDbContext db,
        IRegionDirectory regions, IDepartmentDirectory departments, TimeProvider clock, CancellationToken ct)
    {
        if (!Enum.IsDefined(groupBy)) throw ValidationFailedException.For("groupBy", "只能按社区、街道、区县、部门或事项分组。");
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime + ChinaOffset);
        // Dates far outside the platform's life would overflow the UTC conversion: refused by name, like any bad input.
        if (from is { Year: < 2000 or > 2100 }) throw ValidationFailedException.For("from", "日期应在 2000 年至 2100 年之间。");
        if (to is { Year: < 2000 or > 2100 }) throw ValidationFailedException.For("to", "日期应在 2000 年至 2100 年之间。");
        var end = to ?? today;
        var start = from ?? new DateOnly(end.Year, 1, 1);
        if (start > end) throw ValidationFailedException.For("from", "开始日期不能晚于结束日期。");
        if (end.DayNumber - start.DayNumber > MaxDays) throw ValidationFailedException.For("to", "统计区间最长 {0} 天。", MaxDays);
        var startUtc = start.ToDateTime(TimeOnly.MinValue) - ChinaOffset;
        var endUtc = end.AddDays(1).ToDateTime(TimeOnly.MinValue) - ChinaOffset;

        // A street's or district's staff read their own area's figures (accepted there) unless they narrow it further.
        var within = Area(area, scope) ?? (scope?.RegionPrefix is { Length: 6 or 9 or 12 } own ? own : null);
        var cases = db.ServiceCases.AsNoTracking().Where(c => c.ReceivedAt >= startUtc && c.ReceivedAt < endUtc);
        if (within is not null) cases = cases.Where(c => c.AcceptingCommunityCode.StartsWith(within));
        var key = KeyOf(groupBy);
        var counts = await cases.GroupBy(key).Select(g => new
        {
            g.Key,
            Received = g.Count(),
            Accepted = g.Count(c => c.AcceptedAt != null),
            Refused = g.Count(c => c.State == CaseState.NotAccepted),
            Outside = g.Count(c => c.AcceptedAt != null && c.AcceptingCommunityCode != c.HomeCommunityCode),
            Decided = g.Count(c => c.DecidedAt != null),
            OnTime = g.Count(c => c.DecidedAt != null && !c.IsOverdue),
            Days = g.Sum(c => c.WorkingDaysTaken), DaysCount = g.Count(c => c.WorkingDaysTaken != null),
            Proxy = g.Count(c => c.Mode == HandlingModes.Proxy),
            Door = g.Count(c => c.Mode == HandlingModes.DoorToDoor),
            Late = g.Count(c => c.IsOverdue),
            Noticed = g.Count(c => c.NoticedAt != null),
            Wait = g.Sum(c => c.WaitingDays), WaitCount = g.Count(c => c.WaitingDays != null),
        }).ToListAsync(ct);

        // Ratings of the same cases (the case's group, not the rating's date), one row per group and level.
        var ratings = await (from r in db.CaseRatings.AsNoTracking()
                             join c in cases on r.CaseId equals c.Id
                             select new RatedCase { Rating = r, Case = c })
            .GroupBy(KeyOfJoined(groupBy), x => x.Rating)
            .Select(g => new
            {
                g.Key,
                VerySatisfied = g.Count(r => r.Level == RatingLevel.VerySatisfied),
                Satisfied = g.Count(r => r.Level == RatingLevel.Satisfied),
                Fairly = g.Count(r => r.Level == RatingLevel.FairlySatisfied),
                Dissatisfied = g.Count(r => r.Level == RatingLevel.Dissatisfied),
                VeryDissatisfied = g.Count(r => r.Level == RatingLevel.VeryDissatisfied),
                FollowedUp = g.Count(r => r.Level <= RatingLevel.Dissatisfied && r.FollowUpAt != null),
                Overdue = g.Count(r => r.Level <= RatingLevel.Dissatisfied && r.FollowUpOverdue),
            }).ToDictionaryAsync(x => x.Key, ct);

        var names = await NamesAsync(groupBy, counts.Select(c => c.Key).ToList(), db, regions, departments, ct);
        var rows = counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c =>
        {
            var r = ratings.GetValueOrDefault(c.Key);
            var poor = (r?.Dissatisfied ?? 0) + (r?.VeryDissatisfied ?? 0);
            var followed = r?.FollowedUp ?? 0;
            var rated = r is null ? 0 : r.VerySatisfied + r.Satisfied + r.Fairly + r.Dissatisfied + r.VeryDissatisfied;
            return new StatisticsRow(c.Key, names.GetValueOrDefault(c.Key, c.Key), c.Received, c.Accepted, c.Refused, c.Outside,
                c.Accepted == 0 ? null : Math.Round((double)c.Outside / c.Accepted, 4), c.Decided, c.OnTime,
                c.Decided == 0 ? null : Math.Round((double)c.OnTime / c.Decided, 4), c.DaysCount == 0 ? null : Math.Round((c.Days ?? 0) / c.DaysCount, 2), c.Proxy, c.Door,
                new Dictionary<RatingLevel, int>
                {
                    [RatingLevel.VerySatisfied] = r?.VerySatisfied ?? 0, [RatingLevel.Satisfied] = r?.Satisfied ?? 0, [RatingLevel.FairlySatisfied] = r?.Fairly ?? 0,
                    [RatingLevel.Dissatisfied] = r?.Dissatisfied ?? 0, [RatingLevel.VeryDissatisfied] = r?.VeryDissatisfied ?? 0,
                },
                poor, followed, poor - followed, r?.Overdue ?? 0)
            {
                Late = c.Late, Noticed = c.Noticed, NoticeRate = c.Received == 0 ? null : Math.Round((double)c.Noticed / c.Received, 4),
                AverageWaitDays = c.WaitCount == 0 ? null : Math.Round((c.Wait ?? 0) / c.WaitCount, 2), Rated = rated,
                WorkingDaysSum = c.Days ?? 0, WorkingDaysCount = c.DaysCount, WaitSum = c.Wait ?? 0, WaitCount = c.WaitCount,
                PoorRate = rated == 0 ? null : Math.Round((double)poor / rated, 4),
            };
        }).ToList();
        return new StatisticsResult(groupBy, start, end, within, rows);
    }

    private static Expression<Func<ServiceCase, string>> KeyOf(StatisticsGroup group) => group switch
    {
        StatisticsGroup.Street => c => c.AcceptingCommunityCode.Substring(0, 9),
        StatisticsGroup.District => c => c.AcceptingCommunityCode.Substring(0, 6),
        StatisticsGroup.Department => c => c.DepartmentCode,
        // SQL's own cast of an integer to text: no culture is involved (EF translates only the plain ToString()).
#pragma warning disable CA1305
        StatisticsGroup.Item => c => c.ItemId.ToString(),
#pragma warning restore CA1305
        _ => c => c.AcceptingCommunityCode,
    };

    // The same keys over the ratings joined to their cases (EF needs the expression written against the joined shape).
    private static Expression<Func<RatedCase, string>> KeyOfJoined(StatisticsGroup group)
    {
        var parameter = Expression.Parameter(typeof(RatedCase), "x");
        var caseKey = KeyOf(group);
        var body = new ReplaceParameter(caseKey.Parameters[0], Expression.Property(parameter, nameof(RatedCase.Case))).Visit(caseKey.Body);
        return Expression.Lambda<Func<RatedCase, string>>(body, parameter);
    }

    private sealed class RatedCase
    {
        public required CaseRating Rating { get; init; }
        public required ServiceCase Case { get; init; }
    }

    private sealed class ReplaceParameter(ParameterExpression from, Expression to) : ExpressionVisitor
    {
        protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : base.VisitParameter(node);
    }

    private static async Task<IReadOnlyDictionary<string, string>> NamesAsync(StatisticsGroup group, IReadOnlyList<string> keys, ServiceDeskDbContext db,
        IRegionDirectory regions, IDepartmentDirectory departments, CancellationToken ct)
    {
        switch (group)
        {
            case StatisticsGroup.Department:
                return (await departments.ListAsync(includeInactive: true, cancellationToken: ct)).ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);
            case StatisticsGroup.Item:
                var ids = keys.Select(k => long.TryParse(k, out var id) ? id : 0).ToList();
                return await db.ServiceItems.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), i => i.Name, ct);
            default:
                return await regions.NamesAsync(keys, ct);
        }
    }
}
