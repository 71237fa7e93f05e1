using System.Linq.Expressions;

namespace Linli.Modules.ServiceDesk.Domain.Cases;

/// <summary>
/// When a case counts as late (已超期), once for the lists, the export and the pages: it has a due time, its clock runs
/// (<see cref="CaseTransitions.ClockStopped"/>: not while waiting for completion or suspended, whatever the copied due
/// time says), and the watcher marked it overdue or the due time has passed.
/// </summary>
internal static class CaseLateness
{
    /// <summary>The rule as a query filter (translated by EF).</summary>
    public static Expression<Func<ServiceCase, bool>> IsLate(DateTime now) =>
        c => c.DueAt != null && c.State != CaseState.AwaitingCompletion && c.State != CaseState.Suspended && (c.IsOverdue || c.DueAt < now);

    /// <summary>
    /// Due soon (即将到期): the clock runs, the case is not late yet and its due time falls between <paramref name="now"/> and
    /// <paramref name="soon"/> (both inclusive), as a query filter.
    /// </summary>
    public static Expression<Func<ServiceCase, bool>> IsDueSoon(DateTime now, DateTime soon) =>
        c => c.DueAt != null && c.State != CaseState.AwaitingCompletion && c.State != CaseState.Suspended && !c.IsOverdue && c.DueAt >= now && c.DueAt <= soon;

    /// <summary>The same rule for a row already read (views, exports).</summary>
    public static bool IsLate(CaseState state, DateTime? dueAt, bool isOverdue, DateTime now) =>
        dueAt is { } due && !CaseTransitions.ClockStopped(state) && (isOverdue || due < now);
}
