using Linli.Platform.Jobs;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.DueTimes;

/// <summary>One module's due times: its context, its entity and its handler.</summary>
internal interface IDueTimeWatch
{
    string Name { get; }

    /// <summary>Fires what is due now; returns how many due times fired.</summary>
    Task<int> RunOnceAsync(CancellationToken cancellationToken);
}

/// <summary>Every module's due times, for one pass over all of them (the tests' and the tools' entry point).</summary>
internal sealed class DueTimeWatcher(IEnumerable<IDueTimeWatch> watches)
{
    /// <summary>Fires what is due now in every module; returns how many due times fired.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        var fired = 0;
        foreach (var watch in watches) fired += await watch.RunOnceAsync(cancellationToken);
        return fired;
    }
}

/// <summary>
/// Fires a module's stored due times that passed while running, once each: claims a batch, hands it to the module's
/// <see cref="IDueTimeHandler{TDue}"/>, marks it fired and saves, in one transaction (on PostgreSQL the claim is
/// FOR UPDATE SKIP LOCKED, so several instances share the work and never hand the same due time over twice). Due times
/// live in the database, so a restart loses none. <see cref="DueTime.FiredAt"/>, <see cref="DueTime.ClosedAt"/> and
/// <see cref="DueTime.PausedAt"/> are concurrency tokens (as is whatever the module's cases use): when someone acted
/// meanwhile, nothing of the batch is saved and it is fired again one due time at a time, re-read, so a due time met
/// or stopped meanwhile does not fire.
/// </summary>
internal sealed class DueTimeWatch<TContext, TDue>(string name, IServiceScopeFactory scopes, TimeProvider clock, ILogger<DueTimeWatch<TContext, TDue>> logger)
    : IDueTimeWatch, IDisposable
    where TContext : DbContext
    where TDue : DueTime
{
    public const int Batch = 200;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    public string Name => name;

    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var fired = 0;
            while (true)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                var (claimed, handled, firedNow) = await FireBatchAsync(now, cancellationToken);
                fired += firedNow;
                if (claimed < Batch || handled == 0) return fired;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Claims and fires a batch; returns how many were claimed, how many of them were settled (fired or closed) and how many fired.</summary>
    private async Task<(int Claimed, int Handled, int Fired)> FireBatchAsync(DateTime now, CancellationToken cancellationToken)
    {
        List<long> ids;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<TContext>();
            await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var due = await ClaimAsync(db, now, null, cancellationToken);
            if (due.Count == 0) return (0, 0, 0);
            ids = due.Select(d => d.Id).ToList();
            var fired = await FireAsync(scope.ServiceProvider, due, now, cancellationToken);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (transaction is not null) await transaction.CommitAsync(cancellationToken);
                return (due.Count, due.Count, fired);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone acted meanwhile on one of the cases: nothing of the batch was saved; fire them one by one.
                logger.LogInformation("{Owner}: a case changed while firing {Count} due times; firing them one by one", name, due.Count);
            }
        }
        int handledOne = 0, firedOne = 0;
        foreach (var id in ids)
        {
            var (handled, fired) = await FireOneAsync(id, now, cancellationToken);
            if (handled) handledOne++;
            if (fired) firedOne++;
        }
        return (ids.Count, handledOne, firedOne);
    }

    private async Task<(bool Handled, bool Fired)> FireOneAsync(long id, DateTime now, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var due = await ClaimAsync(db, now, id, cancellationToken);
        if (due.Count == 0) return (false, false); // met, stopped, fired or being fired elsewhere
        var fired = await FireAsync(scope.ServiceProvider, due, now, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
            return (true, fired == 1);
        }
        catch (DbUpdateConcurrencyException)
        {
            // The case or the due time changed under us (met, stopped, fired elsewhere): look again on the next pass.
            logger.LogInformation("{Owner}: due time {DueTimeId} changed while firing; it is looked at again on the next pass", name, id);
            return (false, false);
        }
    }

    /// <summary>The handler acts; whatever it did not close is fired. Returns how many fired.</summary>
    private static async Task<int> FireAsync(IServiceProvider services, List<TDue> due, DateTime now, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<IDueTimeHandler<TDue>>().FireAsync(due, now, cancellationToken);
        var fired = 0;
        foreach (var d in due.Where(d => d.IsOpen))
        {
            d.Fire(now);
            fired++;
        }
        return fired;
    }

    /// <summary>Running due times that passed by <paramref name="now"/> (or the one given), oldest first, locked for this transaction on PostgreSQL.</summary>
    private static Task<List<TDue>> ClaimAsync(TContext db, DateTime now, long? only, CancellationToken cancellationToken) =>
        db.ClaimBatchAsync<TDue>(DueTimeMapping.RunningFilter + " AND due_at <= {0} AND ({1}::bigint IS NULL OR id = {1})", "due_at, id", [now, only!],
            q => q.Where(d => d.FiredAt == null && d.ClosedAt == null && d.PausedAt == null && d.DueAt <= now && (only == null || d.Id == only))
                .OrderBy(d => d.DueAt).ThenBy(d => d.Id), Batch, tracked: true, cancellationToken);
}

/// <summary>Runs one module's watcher on its schedule, by the injected clock.</summary>
internal sealed class DueTimeJob<TContext, TDue>(DueTimeWatch<TContext, TDue> watch, Func<IServiceProvider, PollSchedule> schedule, IServiceProvider services,
    TimeProvider clock, ILogger<DueTimeJob<TContext, TDue>> logger) : PollingJob(clock, logger)
    where TContext : DbContext
    where TDue : DueTime
{
    private PollSchedule Schedule => schedule(services);
    protected override bool Enabled => Schedule.Enabled;
    protected override TimeSpan Interval => Schedule.Interval;
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => watch.RunOnceAsync(cancellationToken);
}
