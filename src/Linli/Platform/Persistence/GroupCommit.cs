using System.Threading.Channels;

namespace Linli.Platform.Persistence;

/// <summary>
/// Group commit: callers hand in items, a writer saves what has queued up meanwhile in one transaction and answers every
/// caller once that transaction has committed — so an answer still means "saved", and a burst costs one round of
/// locks, round trips and log flushes instead of one per item. A failed batch is saved again item by item, so one bad
/// item fails only its own caller. (Requests' intake batches its rows the same way, see IntakeCommitter.)
/// </summary>
internal sealed class GroupCommit<T> : IAsyncDisposable
{
    private sealed record Pending(T Item, TaskCompletionSource Saved);

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>();
    private readonly Func<IReadOnlyList<T>, Task> _save;
    private readonly int _maxBatch;
    private readonly ILogger _logger;
    private readonly Lazy<Task[]> _writers;

    /// <param name="save">Saves a batch in one transaction; throws if nothing of it was committed.</param>
    public GroupCommit(Func<IReadOnlyList<T>, Task> save, int maxBatch, int writers, ILogger logger)
    {
        _save = save;
        _maxBatch = maxBatch;
        _logger = logger;
        _writers = new Lazy<Task[]>(() =>
        {
            // Writers outlive the request that starts them: they must not carry its HttpContext (and so its scope).
            using (ExecutionContext.SuppressFlow())
                return Enumerable.Range(0, writers).Select(_ => Task.Run(WriteAsync)).ToArray();
        });
    }

    /// <summary>Completes when the item is committed (or faults with why it was not). Not cancellable once queued.</summary>
    public Task SubmitAsync(T item)
    {
        var pending = new Pending(item, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        ObjectDisposedException.ThrowIf(!_queue.Writer.TryWrite(pending), this);
        _ = _writers.Value;
        return pending.Saved.Task;
    }

    private async Task WriteAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var next)) batch.Add(next);
            if (batch.Count == 0) continue;
            try
            {
                await _save(batch.Select(p => p.Item).ToList());
                foreach (var pending in batch) pending.Saved.TrySetResult();
            }
            catch (Exception e) when (batch.Count > 1)
            {
                _logger.LogWarning("A batch of {Count} failed ({Error}); saving them one by one", batch.Count, e.GetType().Name);
                foreach (var pending in batch) await SaveAloneAsync(pending);
            }
            catch (Exception e)
            {
                batch[0].Saved.TrySetException(e);
            }
        }
    }

    private async Task SaveAloneAsync(Pending pending)
    {
        try
        {
            await _save([pending.Item]);
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
