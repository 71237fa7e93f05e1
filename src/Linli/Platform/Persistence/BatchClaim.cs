using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Persistence;

/// <summary>
/// The rows a job works on in one transaction, claimed so that several instances never take the same ones: on PostgreSQL
/// read with FOR UPDATE SKIP LOCKED (a row another instance holds is passed over, a row claimed stays held until the
/// commit); elsewhere (SQLite: one writer at a time) the same rows read plainly. The due-time watcher, the outboxes and
/// the appointments' timed work all claim their batches here. EF Core cannot put a row lock on a LINQ query, so the
/// caller says the filter twice, as SQL over the snake_case columns and as LINQ, and they must select the same rows in
/// the same order.
/// </summary>
internal static class BatchClaim
{
    /// <summary>
    /// Up to <paramref name="limit"/> rows of <typeparamref name="TEntity"/>: on PostgreSQL those matching
    /// <paramref name="where"/> (placeholders {0}… for <paramref name="arguments"/>) in <paramref name="orderBy"/> order,
    /// locked for the open transaction; elsewhere <paramref name="query"/> (filter and order) over the set. Tracked only
    /// when <paramref name="tracked"/> (a caller that changes them through the context).
    /// </summary>
    public static Task<List<TEntity>> ClaimBatchAsync<TEntity>(this DbContext db, string where, string orderBy, object[] arguments,
        Func<IQueryable<TEntity>, IQueryable<TEntity>> query, int limit, bool tracked, CancellationToken cancellationToken)
        where TEntity : class
    {
        IQueryable<TEntity> rows;
        if (db.Database.IsNpgsql())
        {
#pragma warning disable EF1003 // the table name comes from the EF model and the filter from the caller's code; the values are parameters
            rows = db.Set<TEntity>().FromSqlRaw("SELECT * FROM " + db.QualifiedTable<TEntity>() + " WHERE " + where + " ORDER BY " + orderBy +
                                                " LIMIT {" + arguments.Length + "} FOR UPDATE SKIP LOCKED", [.. arguments, limit]);
#pragma warning restore EF1003
        }
        else
        {
            rows = query(db.Set<TEntity>()).Take(limit);
        }
        return (tracked ? rows : rows.AsNoTracking()).ToListAsync(cancellationToken);
    }
}
