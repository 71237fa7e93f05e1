using System.Linq.Expressions;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query.SqlExpressions;

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
                ? (MetricsSql.EpochSeconds(t.ClosedAt.Value) - MetricsSql.EpochSeconds(t.CreatedAt)) / 3600.0 : 0.0),
        }).ToListAsync(ct);
    }
}

/// <summary>
/// Date arithmetic the two databases spell differently, as one database function mapped per provider, so that every
/// query that needs it is written once.
/// </summary>
internal static class MetricsSql
{
    /// <summary>Seconds since 1970-01-01 UTC, with fractions: date_part('epoch', t) on PostgreSQL, unixepoch(t, 'subsec') on SQLite.</summary>
    public static double EpochSeconds(DateTime value) => throw new InvalidOperationException("Only in queries.");

    public static void Register(ModelBuilder modelBuilder, Microsoft.EntityFrameworkCore.Infrastructure.DatabaseFacade database)
    {
        var postgres = database.IsNpgsql();
        modelBuilder.HasDbFunction(typeof(MetricsSql).GetMethod(nameof(EpochSeconds))!).HasTranslation(args => postgres
            ? new SqlFunctionExpression("date_part", [new SqlFragmentExpression("'epoch'"), args[0]], nullable: true, argumentsPropagateNullability: [false, true],
                typeof(double), null)
            : new SqlFunctionExpression("unixepoch", [args[0], new SqlFragmentExpression("'subsec'")], nullable: true, argumentsPropagateNullability: [true, false],
                typeof(double), null));
    }
}
