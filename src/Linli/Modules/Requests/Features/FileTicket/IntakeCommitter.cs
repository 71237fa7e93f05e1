using System.Threading.Channels;
using Linli.Modules.Requests.Data;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Features.FileTicket;

/// <summary>
/// Group commit for intake. Each request builds its ticket, filing action, outbox message (and channel rows) in its own
/// context, then hands the new rows here; a writer saves what has queued up meanwhile in one transaction and answers every
/// request when that transaction has committed. The caller's answer still means "saved": nothing is acknowledged before
/// its commit. One commit per batch instead of one per ticket is what lets intake keep up with a city's peak:
/// PostgreSQL's cost is dominated by round trips and WAL flushes, SQLite's by its single writer's fsync.
/// If a batch fails, each of its intakes is saved alone, so one bad ticket fails only its own request.
/// An intake may bring rows that can only be built once its first rows have their keys (the idempotency record holding
/// the answer, which names the new ticket's id): they are added and saved in the same transaction, before it commits.
/// </summary>
internal sealed class IntakeCommitter : IAsyncDisposable
{
    /// <summary>Most intakes in one transaction; more wait for the next.</summary>
    public const int MaxBatch = 64;

    private sealed record Pending(IReadOnlyList<object> Rows, Func<IEnumerable<object>>? ThenAdd, TaskCompletionSource Saved);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = false });
    private readonly IServiceScopeFactory _scopes;
    private readonly ILogger<IntakeCommitter> _logger;
    private readonly Lazy<Task[]> _writers;

    public IntakeCommitter(IServiceScopeFactory scopes, IOptions<DatabaseOptions> database, ILogger<IntakeCommitter> logger)
    {
        _scopes = scopes;
        _logger = logger;
        // PostgreSQL: a second writer builds its batch while the first waits for its WAL flush. SQLite has one writer.
        var writers = database.Value.Provider == DatabaseProvider.Postgres ? 2 : 1;
        _writers = new Lazy<Task[]>(() =>
        {
            // Writers outlive the request that starts them: they must not carry its HttpContext (and so its scope).
            using (ExecutionContext.SuppressFlow())
                return Enumerable.Range(0, writers).Select(_ => Task.Run(WriteAsync)).ToArray();
        });
    }

    /// <summary>
    /// Saves the rows <paramref name="db"/> has added (the context must hold nothing else) together with other requests'
    /// intakes; returns once they are committed, with their keys set. The context is left empty.
    /// </summary>
    /// <param name="thenAdd">
    /// Called once those rows are saved (their keys set) but not yet committed: the rows it returns are saved in the same
    /// transaction, so that both are committed or neither is.
    /// </param>
    public Task SaveAsync(RequestsDbContext db, Func<IEnumerable<object>>? thenAdd = null)
    {
        var entries = db.ChangeTracker.Entries().ToList();
        if (entries.Any(e => e.State is not EntityState.Added and not EntityState.Unchanged))
            throw new InvalidOperationException("Intake saves new rows only; this context also changes existing ones.");
        var rows = entries.Where(e => e.State == EntityState.Added).Select(e => e.Entity).ToList();
        db.ChangeTracker.Clear();
        var pending = new Pending(rows, thenAdd, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        _ = _writers.Value;
        // Not cancellable: once queued, the intake is saved whether or not its caller still waits.
        return pending.Saved.Task;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0) continue;
            try
            {
                await SaveTogetherAsync(batch);
                foreach (var pending in batch) pending.Saved.TrySetResult();
            }
            catch (Exception e) when (batch.Count > 1)
            {
                _logger.LogWarning("A batch of {Count} intakes failed ({Error}); saving them one by one", batch.Count, e.GetType().Name);
                foreach (var pending in batch) await SaveAloneAsync(pending);
            }
            catch (Exception e)
            {
                batch[0].Saved.TrySetException(e);
            }
        }
    }

    private async Task SaveTogetherAsync(IReadOnlyList<Pending> batch)
    {
        await using var scope = _scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        foreach (var pending in batch) db.AddRange(pending.Rows);
        if (batch.All(p => p.ThenAdd is null))
        {
            await db.SaveChangesAsync();
            return;
        }
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.SaveChangesAsync();
        foreach (var pending in batch)
        {
            if (pending.ThenAdd is { } thenAdd) db.AddRange(thenAdd());
        }
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    private async Task SaveAloneAsync(Pending pending)
    {
        try
        {
            await SaveTogetherAsync([pending]);
            pending.Saved.TrySetResult();
        }
        catch (Exception e)
        {
            pending.Saved.TrySetException(e);
        }
    }

    /// <summary>At shutdown: takes no more, and finishes what is queued.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        if (_writers.IsValueCreated) await Task.WhenAll(_writers.Value);
    }
}
