using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Idempotency;

/// <summary>
/// Deletes answers older than <see cref="IdempotencyRecord.Lifetime"/> from every module's table, in batches by the
/// created-at index. Several instances may sweep at once: a row is deleted once, whoever gets there.
/// </summary>
internal sealed class IdempotencyCleanup(IServiceScopeFactory scopes, IEnumerable<IdempotencyTable> tables, IOptions<IdempotencyOptions> options,
    TimeProvider clock, ILogger<IdempotencyCleanup> logger)
{
    public async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var table in tables.DistinctBy(t => t.ContextType))
        {
            var deleted = await SweepAsync(table.ContextType, cancellationToken);
            if (deleted > 0) logger.LogInformation("Deleted {Count} expired idempotency records of {Context}", deleted, table.ContextType.Name);
        }
    }

    /// <summary>One sweep of one module's table; returns how many rows it deleted.</summary>
    public async Task<int> SweepAsync(Type contextType, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var records = ((DbContext)scope.ServiceProvider.GetRequiredService(contextType)).Set<IdempotencyRecord>();
        var cutoff = clock.GetUtcNow().UtcDateTime - IdempotencyRecord.Lifetime;
        var batch = options.Value.CleanupBatchSize;
        var total = 0;
        while (true)
        {
            var ids = await records.Where(r => r.CreatedAt <= cutoff).OrderBy(r => r.CreatedAt).Select(r => r.Id).Take(batch).ToListAsync(cancellationToken);
            if (ids.Count > 0) total += await records.Where(r => ids.Contains(r.Id)).ExecuteDeleteAsync(cancellationToken);
            if (ids.Count < batch) return total;
        }
    }
}
