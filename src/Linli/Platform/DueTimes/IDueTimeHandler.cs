using Linli.Platform.Calendar;

namespace Linli.Platform.DueTimes;

/// <summary>
/// What a module does when its due times pass, and when the working calendar moves them. Resolved from the same scope
/// as the module's DbContext the watcher works in, so a handler that takes the context in its constructor changes the
/// case in the very transaction that marks the due time fired: firing is exactly once, whole or not at all.
/// </summary>
internal interface IDueTimeHandler<in TDue> where TDue : DueTime
{
    /// <summary>
    /// <paramref name="due"/> passed while running (tracked by the module's context, oldest first). For each one, act on
    /// its case, or <see cref="DueTime.Close"/> it when the case no longer needs it; whatever is not closed is marked
    /// fired at <paramref name="now"/>. Do not save: the watcher saves and commits. A concurrency failure on save (someone
    /// acted on a case meanwhile) makes the watcher call again with one due time at a time, re-read.
    /// </summary>
    Task FireAsync(IReadOnlyList<TDue> due, DateTime now, CancellationToken cancellationToken);

    /// <summary>
    /// The holidays changed and the platform moved <paramref name="moved"/> (running due times whose time changed) in
    /// the module's open transaction; move what the module keeps besides (copies of due times on the case, say), without
    /// saving. Returns how many cases moved, as the holiday page reports it.
    /// </summary>
    Task<int> CalendarChangedAsync(WorkingCalendarChange change, IReadOnlyList<TDue> moved, CancellationToken cancellationToken) =>
        Task.FromResult(moved.Count);
}
