using Linli.Platform.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.DueTimes;

/// <summary>
/// When the holidays change, moves a module's running due times under the new calendar (<see cref="WorkingCalendarChange.Move(DateTime)"/>)
/// and lets the module move what it keeps besides (<see cref="IDueTimeHandler{TDue}.CalendarChangedAsync"/>). One
/// transaction for the whole module, begun with the revision's claim, so that it is applied once however many instances
/// try, and nothing is half moved if it fails; a case saved by someone meanwhile makes it fail, and it is done again
/// from the start. A stopped clock does not move: what it has left is office time, counted under the calendar in effect
/// when it restarts.
/// </summary>
internal sealed class DueTimeRecomputation<TContext, TDue>(string name, IServiceScopeFactory scopes, CalendarRecomputations claims,
    ILogger<DueTimeRecomputation<TContext, TDue>> logger) : IWorkingCalendarChangeHandler
    where TContext : DbContext
    where TDue : DueTime
{
    private const int Attempts = 5;

    public string Name => name;

    public async Task<int> ApplyAsync(WorkingCalendarChange change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(change, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                logger.LogInformation("{Owner}: a case changed while its due times were moved for holiday revision {Revision}; moving them again", name, change.Revision);
            }
        }
    }

    private async Task<int> ApplyOnceAsync(WorkingCalendarChange change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await claims.ClaimAsync(db, change.Revision, Name, change.NowUtc, cancellationToken)) return 0;

        // Only what falls on or after the first changed day can move (the partial index on running due times).
        var from = change.FirstChangedUtc;
        var running = await db.Set<TDue>().Where(d => d.FiredAt == null && d.ClosedAt == null && d.PausedAt == null && d.DueAt >= from)
            .ToListAsync(cancellationToken);
        var moved = new List<TDue>();
        foreach (var due in running)
        {
            var at = change.Move(due.DueAt);
            if (at == due.DueAt) continue;
            due.DueAt = at;
            moved.Add(due);
        }
        var cases = await scope.ServiceProvider.GetRequiredService<IDueTimeHandler<TDue>>().CalendarChangedAsync(change, moved, cancellationToken);
        await claims.CountAsync(db, change.Revision, Name, cases, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("{Owner}: holiday revision {Revision} moved {Moved} due times of {Cases} open cases", name, change.Revision, moved.Count, cases);
        return cases;
    }
}
