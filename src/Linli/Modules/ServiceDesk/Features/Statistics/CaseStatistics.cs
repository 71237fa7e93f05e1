using System.Linq.Expressions;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
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
    IReadOnlyDictionary<RatingLevel, int> Ratings, int Poor, int PoorFollowedUp, int PoorOpen, int PoorOverdue);

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
        api.MapGet("/", async Task<Ok<StatisticsReport>> (StatisticsGroup? groupBy, DateOnly? from, DateOnly? to, int? page, int? pageSize,
                ServiceDeskDbContext db, IRegionDirectory regions, IDepartmentDirectory departments, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await ComputeAsync(groupBy ?? StatisticsGroup.Community, from, to, page, pageSize, db, regions, departments, clock, ct)))
            .WithName("ServiceCaseStatistics")
            .WithSummary("Cases received in a period (from/to, China days; default this year) in the caller's scope, grouped by accepting community, street, district, deciding department or item: received, accepted, refused, the city-wide rate (accepted outside the home community), on-time rate, average working days, proxy and door-to-door counts, ratings by level and the 差评 follow-ups; rows paginated.");

    public static async Task<StatisticsReport> ComputeAsync(StatisticsGroup groupBy, DateOnly? from, DateOnly? to, int? page, int? pageSize, ServiceDeskDbContext db,
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

        var cases = db.ServiceCases.AsNoTracking().Where(c => c.ReceivedAt >= startUtc && c.ReceivedAt < endUtc);
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
            Days = g.Average(c => c.WorkingDaysTaken),
            Proxy = g.Count(c => c.Mode == HandlingModes.Proxy),
            Door = g.Count(c => c.Mode == HandlingModes.DoorToDoor),
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
            return new StatisticsRow(c.Key, names.GetValueOrDefault(c.Key, c.Key), c.Received, c.Accepted, c.Refused, c.Outside,
                c.Accepted == 0 ? null : Math.Round((double)c.Outside / c.Accepted, 4), c.Decided, c.OnTime,
                c.Decided == 0 ? null : Math.Round((double)c.OnTime / c.Decided, 4), c.Days is { } d ? Math.Round(d, 2) : null, c.Proxy, c.Door,
                new Dictionary<RatingLevel, int>
                {
                    [RatingLevel.VerySatisfied] = r?.VerySatisfied ?? 0, [RatingLevel.Satisfied] = r?.Satisfied ?? 0, [RatingLevel.FairlySatisfied] = r?.Fairly ?? 0,
                    [RatingLevel.Dissatisfied] = r?.Dissatisfied ?? 0, [RatingLevel.VeryDissatisfied] = r?.VeryDissatisfied ?? 0,
                },
                poor, followed, poor - followed, r?.Overdue ?? 0);
        }).ToList();
        var (p, size) = Paging.Normalize(page, pageSize);
        return new StatisticsReport(groupBy, start, end, new Paged<StatisticsRow>([.. rows.Skip((p - 1) * size).Take(size)], p, size, rows.Count));
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
