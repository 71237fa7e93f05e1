namespace Linli.Modules.Requests.Domain;

/// <summary>What a row of the daily roll-up is counted by: the street (9-digit code), the leaf category or the lead unit.</summary>
internal enum StatsDimension
{
    Street = 1, Category = 2, Unit = 3,
    /// <summary>The same per calendar month (<see cref="TicketDailyStats.Day"/> is the month's first day): a year adds up twelve rows a key.</summary>
    StreetMonth = 11, CategoryMonth = 12, UnitMonth = 13,
}

/// <summary>
/// The metrics' counts of the tickets filed on one China-time day, per street, per category and per unit (one row each),
/// so that a window of any length adds up a few hundred rows a day instead of reading every ticket. A key finer than
/// this (community × unit × category) would have about as many rows as tickets at a city's volume. The sums are the
/// metrics' own counters; <see cref="SignDue"/> leaves out the unsigned tickets whose sign deadline has not yet passed
/// when computed — those are counted at read time, since whether they are due depends on the moment of reading.
/// </summary>
internal sealed class TicketDailyStats
{
    public DateOnly Day { get; set; }
    public StatsDimension Dimension { get; set; }
    /// <summary>The street's code for <see cref="StatsDimension.Street"/>; the city's (4 digits) for the others, so that a reader narrows by region prefix.</summary>
    public required string Region { get; set; }
    /// <summary>The category id or unit code ("" for tickets not dispatched); "" for streets.</summary>
    public required string Key { get; set; }
    public long Count { get; set; }
    /// <summary>Signed tickets that had a sign deadline (the time-independent part of the sign-due count).</summary>
    public long SignDue { get; set; }
    public long SignedOnTime { get; set; }
    public long ClosedDispatched { get; set; }
    public long FinishedOnTime { get; set; }
    public long Closed { get; set; }
    public long Resolved { get; set; }
    public long Rated { get; set; }
    public long Satisfied { get; set; }
    public long Overdue { get; set; }
    public long Dispatched { get; set; }
    public long Returned { get; set; }
    public long Repeats { get; set; }
    /// <summary>Closed tickets with a closing time, and the sum of their hours from filing to closing (for the mean).</summary>
    public long Timed { get; set; }
    public double HoursSum { get; set; }
}

/// <summary>A day whose roll-up rows were computed, and when: a day without this row is counted from the tickets.</summary>
internal sealed class TicketStatsDay
{
    public DateOnly Day { get; set; }
    public DateTime ComputedAt { get; set; }
}

/// <summary>
/// "A ticket filed on this day changed": written in the same transaction as the change (append-only, so concurrent
/// writers never wait on each other), consumed by the roll-up job, which recomputes the day. Until then the day is counted
/// from the tickets, so the metrics never read a stale row.
/// </summary>
internal sealed class TicketStatsChange
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }
}
