using System.Linq.Expressions;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Linli.Platform.Persistence;

namespace Linli.Modules.Requests.Features.Metrics;

/// <summary>
/// One group's counters, from which <see cref="MetricsRow"/> takes its counts and rates (their definitions are there).
/// Counted by one GROUP BY over tickets (<see cref="GroupAsync"/>) or added up from roll-up rows; parts of one group
/// (days from the roll-up, days counted live) add up with <see cref="Sum"/>.
/// </summary>
internal sealed class MetricsCounts
{
    public string Key { get; init; } = "";
    public long Count { get; init; }
    /// <summary>Signed tickets that had a sign deadline: due in any case.</summary>
    public long SignDueSigned { get; init; }
    /// <summary>Unsigned tickets whose sign deadline has passed at the moment of counting.</summary>
    public long SignDuePending { get; init; }
    public long SignDue => SignDueSigned + SignDuePending;
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
    /// <summary>Closed tickets with a closing time, and the sum of their hours from filing to closing.</summary>
    public long Timed { get; init; }
    public double HoursSum { get; init; }
    public double? AverageHours => Timed == 0 ? null : HoursSum / Timed;

    public static MetricsCounts Sum(string key, IEnumerable<MetricsCounts> parts)
    {
        var rows = parts as IReadOnlyCollection<MetricsCounts> ?? parts.ToList();
        return new MetricsCounts
        {
            Key = key, Count = rows.Sum(x => x.Count), SignDueSigned = rows.Sum(x => x.SignDueSigned), SignDuePending = rows.Sum(x => x.SignDuePending),
            SignedOnTime = rows.Sum(x => x.SignedOnTime), ClosedDispatched = rows.Sum(x => x.ClosedDispatched), FinishedOnTime = rows.Sum(x => x.FinishedOnTime),
            Closed = rows.Sum(x => x.Closed), Resolved = rows.Sum(x => x.Resolved), Rated = rows.Sum(x => x.Rated), Satisfied = rows.Sum(x => x.Satisfied),
            Overdue = rows.Sum(x => x.Overdue), Dispatched = rows.Sum(x => x.Dispatched), Returned = rows.Sum(x => x.Returned), Repeats = rows.Sum(x => x.Repeats),
            Timed = rows.Sum(x => x.Timed), HoursSum = rows.Sum(x => x.HoursSum),
        };
    }

    /// <summary>The counters per group key, in one pass over <paramref name="tickets"/> (never a ticket in memory).</summary>
    public static Task<List<MetricsCounts>> GroupAsync(IQueryable<Ticket> tickets, Expression<Func<Ticket, string>> key, DateTime now,
        CancellationToken ct)
    {
        const TicketState closed = TicketState.Closed, merged = TicketState.Merged;
        return tickets.GroupBy(key).Select(g => new MetricsCounts
        {
            Key = g.Key, Count = g.Count(),
            SignDueSigned = g.Count(t => t.State != merged && t.SignDueAt != null && t.SignedAt != null),
            SignDuePending = g.Count(t => t.State != merged && t.SignDueAt != null && t.SignedAt == null && t.SignDueAt <= now),
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
            HoursSum = g.Sum(t => t.State == closed && t.ClosedAt != null
                ? (DatabaseFunctions.EpochSeconds(t.ClosedAt.Value) - DatabaseFunctions.EpochSeconds(t.CreatedAt)) / 3600.0 : 0.0),
        }).ToListAsync(ct);
    }
}
