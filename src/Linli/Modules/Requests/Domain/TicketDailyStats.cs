namespace Linli.Modules.Requests.Domain;

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
    /// <summary>The street's code for <see cref="StatsDimension.Street"/>; the district's (6 digits) for the by-district dimensions; the city's (4 digits) for the others, so that a reader narrows by region prefix.</summary>
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
