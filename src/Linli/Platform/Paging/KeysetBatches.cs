using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Paging;

/// <summary>
/// A whole list read in batches for an export: each batch is "the rows after the last one read", which an index on the
/// list's order finds directly, never an offset (that would read and drop every earlier row once per batch).
/// </summary>
internal static class KeysetBatches
{
    /// <summary>
    /// Every row, batch after batch. <paramref name="batchAfter"/> gives the query for the batch after a row (null: the
    /// first), ordered and limited to <paramref name="batchSize"/>; a batch shorter than that is the last.
    /// </summary>
    public static async IAsyncEnumerable<List<TRow>> ReadAsync<TRow>(Func<TRow?, IQueryable<TRow>> batchAfter, int batchSize,
        [EnumeratorCancellation] CancellationToken cancellationToken) where TRow : class
    {
        TRow? last = null;
        while (true)
        {
            var batch = await batchAfter(last).ToListAsync(cancellationToken);
            if (batch.Count > 0) yield return batch;
            if (batch.Count < batchSize) yield break;
            last = batch[^1];
        }
    }
}
