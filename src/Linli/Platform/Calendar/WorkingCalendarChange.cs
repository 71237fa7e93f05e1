using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Calendar;

/// <summary>
/// How the platform tells modules that working days changed (an administrator entered next year's holidays), without
/// knowing the modules: each module that stores due times registers one, and moves its open deadlines.
/// </summary>
internal interface IWorkingCalendarChangeHandler
{
    /// <summary>A stable name, recorded with each revision the handler applied.</summary>
    string Name { get; }

    /// <summary>
    /// Moves the module's open due times from <see cref="WorkingCalendarChange.Before"/> to <see cref="WorkingCalendarChange.After"/>
    /// in one transaction that first calls <see cref="CalendarRecomputations.ClaimAsync"/> (of several instances, only
    /// the first applies a revision; after a crash it is applied again whole); returns how many items moved.
    /// </summary>
    Task<int> ApplyAsync(WorkingCalendarChange change, CancellationToken cancellationToken);
}

/// <summary>One revision of the holidays: the calendar before and after it, and the first day whose status changed.</summary>
internal sealed record WorkingCalendarChange(long Revision, WorkingCalendar Before, WorkingCalendar After, DateOnly FirstChangedDay, DateTime NowUtc)
{
    /// <summary>Nothing due before the start of this instant (UTC) moves: every day up to it is the same in both calendars.</summary>
    public DateTime FirstChangedUtc { get; } = WorkingCalendar.ToUtc(FirstChangedDay.ToDateTime(TimeOnly.MinValue));

    /// <summary>
    /// A due time computed under <see cref="Before"/>, moved so that the office time left from now is the same under
    /// <see cref="After"/>: a new holiday before it pushes it back by that day, a weekend day worked instead brings it
    /// forward. Time already passed keeps the calendar it was counted under; a due time already passed does not move.
    /// </summary>
    public DateTime Move(DateTime dueUtc) =>
        dueUtc <= NowUtc || dueUtc < FirstChangedUtc ? dueUtc : After.AddWorkingTime(NowUtc, Before.WorkingTimeBetween(NowUtc, dueUtc));

    public DateTime? Move(DateTime? dueUtc) => dueUtc is { } due ? Move(due) : null;
}

/// <summary>Which module applied which revision, written through the module's own connection and transaction.</summary>
internal sealed class CalendarRecomputations(IServiceScopeFactory scopes)
{
    private string? _table;

    private string Table()
    {
        if (_table is not null) return _table;
        using var scope = scopes.CreateScope();
        return _table = scope.ServiceProvider.GetRequiredService<CalendarDbContext>().QualifiedTable<CalendarRecomputation>();
    }

    /// <summary>
    /// Records that <paramref name="handler"/> applies <paramref name="revision"/>, inside the module's open transaction;
    /// false when it was applied already (another instance got there first: its row blocks this insert until it commits).
    /// </summary>
    public async Task<bool> ClaimAsync(DbContext moduleDb, long revision, string handler, DateTime nowUtc, CancellationToken cancellationToken)
    {
#pragma warning disable EF1003 // the table name comes from the EF model; the values are parameters
        var inserted = await moduleDb.Database.ExecuteSqlRawAsync(
            "INSERT INTO " + Table() + " (revision_id, handler, applied_at, items) VALUES ({0}, {1}, {2}, 0) ON CONFLICT DO NOTHING",
            [revision, handler, nowUtc], cancellationToken);
#pragma warning restore EF1003
        return inserted == 1;
    }

    /// <summary>How many items the claimed revision moved, in the same transaction.</summary>
    public async Task CountAsync(DbContext moduleDb, long revision, string handler, int items, CancellationToken cancellationToken) =>
#pragma warning disable EF1003
        await moduleDb.Database.ExecuteSqlRawAsync("UPDATE " + Table() + " SET items = {0} WHERE revision_id = {1} AND handler = {2}",
            [items, revision, handler], cancellationToken);
#pragma warning restore EF1003
}
