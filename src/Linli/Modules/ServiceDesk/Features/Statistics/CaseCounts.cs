using System.Linq.Expressions;
using Linli.Modules.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.Statistics;

/// <summary>
/// One group's counters, as the database counts them from the cases (<see cref="GroupAsync"/>) or adds them up from the
/// roll-up (<see cref="CaseDailyStats"/>): the sums behind every figure of a <see cref="StatisticsRow"/>, so that parts
/// (days, months, live days) add up exactly.
/// </summary>
internal sealed class CaseCounts
{
    public required string Key { get; init; }
    public int Received { get; init; }
    public int Accepted { get; init; }
    public int Refused { get; init; }
    public int Outside { get; init; }
    public int Decided { get; init; }
    public int OnTime { get; init; }
    public double DaysSum { get; init; }
    public int DaysCount { get; init; }
    public int Proxy { get; init; }
    public int Door { get; init; }
    public int Late { get; init; }
    public int Noticed { get; init; }
    public double WaitSum { get; init; }
    public int WaitCount { get; init; }
    public int VerySatisfied { get; init; }
    public int Satisfied { get; init; }
    public int Fairly { get; init; }
    public int Dissatisfied { get; init; }
    public int VeryDissatisfied { get; init; }
    public int FollowedUp { get; init; }
    public int FollowUpOverdue { get; init; }

    public static CaseCounts Sum(string key, IEnumerable<CaseCounts> parts)
    {
        var p = parts.ToList();
        return new CaseCounts
        {
            Key = key, Received = p.Sum(x => x.Received), Accepted = p.Sum(x => x.Accepted), Refused = p.Sum(x => x.Refused), Outside = p.Sum(x => x.Outside),
            Decided = p.Sum(x => x.Decided), OnTime = p.Sum(x => x.OnTime), DaysSum = p.Sum(x => x.DaysSum), DaysCount = p.Sum(x => x.DaysCount),
            Proxy = p.Sum(x => x.Proxy), Door = p.Sum(x => x.Door), Late = p.Sum(x => x.Late), Noticed = p.Sum(x => x.Noticed), WaitSum = p.Sum(x => x.WaitSum),
            WaitCount = p.Sum(x => x.WaitCount), VerySatisfied = p.Sum(x => x.VerySatisfied), Satisfied = p.Sum(x => x.Satisfied), Fairly = p.Sum(x => x.Fairly),
            Dissatisfied = p.Sum(x => x.Dissatisfied), VeryDissatisfied = p.Sum(x => x.VeryDissatisfied), FollowedUp = p.Sum(x => x.FollowedUp),
            FollowUpOverdue = p.Sum(x => x.FollowUpOverdue),
        };
    }

    /// <summary>
    /// Counts the cases (and, in a second grouped query, their ratings: by the case's group, not the rating's date) by
    /// <paramref name="key"/>: two GROUP BYs, no case loaded.
    /// </summary>
    public static async Task<List<CaseCounts>> GroupAsync(IQueryable<ServiceCase> cases, IQueryable<CaseRating> ratings, Expression<Func<ServiceCase, string>> key,
        CancellationToken ct)
    {
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
        if (counts.Count == 0) return [];

        var rated = await (from r in ratings.AsNoTracking()
                           join c in cases on r.CaseId equals c.Id
                           select new RatedCase { Rating = r, Case = c })
            .GroupBy(Joined(key), x => x.Rating)
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

        return counts.Select(c =>
        {
            var r = rated.GetValueOrDefault(c.Key);
            return new CaseCounts
            {
                Key = c.Key, Received = c.Received, Accepted = c.Accepted, Refused = c.Refused, Outside = c.Outside, Decided = c.Decided, OnTime = c.OnTime,
                DaysSum = c.Days ?? 0, DaysCount = c.DaysCount, Proxy = c.Proxy, Door = c.Door, Late = c.Late, Noticed = c.Noticed, WaitSum = c.Wait ?? 0,
                WaitCount = c.WaitCount, VerySatisfied = r?.VerySatisfied ?? 0, Satisfied = r?.Satisfied ?? 0, Fairly = r?.Fairly ?? 0,
                Dissatisfied = r?.Dissatisfied ?? 0, VeryDissatisfied = r?.VeryDissatisfied ?? 0, FollowedUp = r?.FollowedUp ?? 0, FollowUpOverdue = r?.Overdue ?? 0,
            };
        }).ToList();
    }

    /// <summary>The sums of roll-up rows by <paramref name="key"/>, counted by the database.</summary>
    public static Task<List<CaseCounts>> SumAsync(IQueryable<CaseDailyStats> rows, Expression<Func<CaseDailyStats, string>> key, CancellationToken ct) =>
        rows.GroupBy(key).Select(g => new CaseCounts
        {
            Key = g.Key, Received = g.Sum(s => s.Received), Accepted = g.Sum(s => s.Accepted), Refused = g.Sum(s => s.Refused), Outside = g.Sum(s => s.Outside),
            Decided = g.Sum(s => s.Decided), OnTime = g.Sum(s => s.OnTime), DaysSum = g.Sum(s => s.DaysSum), DaysCount = g.Sum(s => s.DaysCount),
            Proxy = g.Sum(s => s.Proxy), Door = g.Sum(s => s.Door), Late = g.Sum(s => s.Late), Noticed = g.Sum(s => s.Noticed), WaitSum = g.Sum(s => s.WaitSum),
            WaitCount = g.Sum(s => s.WaitCount), VerySatisfied = g.Sum(s => s.VerySatisfied), Satisfied = g.Sum(s => s.Satisfied), Fairly = g.Sum(s => s.Fairly),
            Dissatisfied = g.Sum(s => s.Dissatisfied), VeryDissatisfied = g.Sum(s => s.VeryDissatisfied), FollowedUp = g.Sum(s => s.FollowedUp),
            FollowUpOverdue = g.Sum(s => s.FollowUpOverdue),
        }).ToListAsync(ct);

    // The same key over the ratings joined to their cases (EF needs the expression written against the joined shape).
    private static Expression<Func<RatedCase, string>> Joined(Expression<Func<ServiceCase, string>> caseKey)
    {
        var parameter = Expression.Parameter(typeof(RatedCase), "x");
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
}
