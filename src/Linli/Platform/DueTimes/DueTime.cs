using Linli.Platform.Calendar;

namespace Linli.Platform.DueTimes;

/// <summary>
/// A stored due time of a module's case (a ticket's sign or finish time, a service case's legal limit…), counted in the
/// working calendar. The module derives its own entity from it (what it is due on, of which kind, for whom) and keeps it
/// in its own table, so that starting, stopping and meeting a due time is saved in the same SaveChanges as the change to
/// the case. The watcher (<see cref="DueTimeWatcher"/>) fires each one once when it passes while running; nothing about
/// due times lives only in memory. The clock rules are here, without a database: see docs/how-to/due-times.md.
/// </summary>
internal abstract class DueTime
{
    public long Id { get; set; }

    /// <summary>When it falls due (UTC). While the clock is stopped: when it would have fallen due as it stood when it stopped.</summary>
    public DateTime DueAt { get; set; }

    /// <summary>When the clock stopped (挂起、中止: waiting for the resident); null while it runs.</summary>
    public DateTime? PausedAt { get; set; }

    /// <summary>
    /// Office time that was left when the clock stopped: what <see cref="Resume"/> counts again from the restart. Null on a
    /// stopped clock carried over from before stopped clocks were stored: then it is the office time from
    /// <see cref="PausedAt"/> to <see cref="DueAt"/>, counted at the restart.
    /// </summary>
    public TimeSpan? Remaining { get; set; }

    /// <summary>When the watcher fired it (it passed while running); set once.</summary>
    public DateTime? FiredAt { get; set; }

    /// <summary>When it was met or replaced; a closed due time never fires.</summary>
    public DateTime? ClosedAt { get; set; }

    /// <summary>Neither met nor replaced (it may have fired: an overdue case is still open until it is met).</summary>
    public bool IsOpen => ClosedAt is null;

    /// <summary>Open, not fired and not stopped: the watcher will fire it when <see cref="DueAt"/> passes.</summary>
    public bool IsRunning => ClosedAt is null && FiredAt is null && PausedAt is null;

    public bool IsPaused => ClosedAt is null && PausedAt is not null;

    /// <summary>
    /// Stops the clock at <paramref name="at"/> and keeps the office time left. A due time that already fired or was met
    /// has nothing left to stop, and a stopped one stays stopped from when it first stopped.
    /// </summary>
    public void Pause(DateTime at, WorkingCalendar calendar)
    {
        if (!IsRunning) return;
        PausedAt = at;
        Remaining = calendar.WorkingTimeBetween(at, DueAt);
    }

    /// <summary>Restarts a stopped clock at <paramref name="at"/>: it falls due after the office time that was left, under the calendar in effect now.</summary>
    public void Resume(DateTime at, WorkingCalendar calendar)
    {
        if (!IsPaused) return;
        var left = Remaining ?? calendar.WorkingTimeBetween(PausedAt!.Value, DueAt);
        DueAt = calendar.AddWorkingTime(at, left);
        PausedAt = null;
        Remaining = null;
    }

    /// <summary>
    /// Moves it to <paramref name="dueAt"/> (an extension, a recomputation). A stopped clock keeps counting from what it
    /// had left: the office time between the old and the new due time is added to it (or taken from it, not below zero).
    /// </summary>
    public void MoveTo(DateTime dueAt, WorkingCalendar calendar)
    {
        if (!IsOpen) return;
        if (IsPaused)
        {
            var left = Remaining ?? calendar.WorkingTimeBetween(PausedAt!.Value, DueAt);
            var change = dueAt >= DueAt ? calendar.WorkingTimeBetween(DueAt, dueAt) : -calendar.WorkingTimeBetween(dueAt, DueAt);
            Remaining = left + change > TimeSpan.Zero ? left + change : TimeSpan.Zero;
        }
        DueAt = dueAt;
    }

    /// <summary>Met or replaced at <paramref name="at"/>: it will not fire (if it fired already, it stays fired).</summary>
    public void Close(DateTime at) => ClosedAt ??= at;

    /// <summary>Fired at <paramref name="at"/>, once: the watcher does this after the owner's handler saw it.</summary>
    public void Fire(DateTime at) => FiredAt ??= at;
}
