using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Idempotency;

/// <summary>
/// Idempotent submissions over a module's own context (docs/how-to/idempotency.md). Before doing the work, ask
/// <see cref="FindAsync"/>: an answer means the submission was made already, and that answer is given again. Otherwise do
/// the work and save <see cref="Record"/> in the same transaction as its rows (or let <see cref="SaveAsync"/> do both).
/// Two concurrent submissions under one key both reach the unique index; the second's transaction fails there, nothing of
/// it is kept, and it answers with the first's answer (<see cref="AfterConflictAsync"/>).
/// </summary>
internal sealed class IdempotencyStore<TContext>(TContext db, TimeProvider clock) where TContext : DbContext
{
    private DbSet<IdempotencyRecord> Records => db.Set<IdempotencyRecord>();

    /// <summary>
    /// The answer first given under this key, or null when the key is new or its answer has expired (an expired row is
    /// deleted here, so the key can be saved again). The same key with a different request is refused (422).
    /// </summary>
    public async Task<IdempotentAnswer?> FindAsync(IdempotencyKey key, CancellationToken cancellationToken)
    {
        var record = await Records.AsNoTracking().FirstOrDefaultAsync(r => r.Caller == key.Caller && r.Key == key.Key, cancellationToken);
        if (record is null) return null;
        if (record.CreatedAt <= clock.GetUtcNow().UtcDateTime - IdempotencyRecord.Lifetime)
        {
            await Records.Where(r => r.Id == record.Id).ExecuteDeleteAsync(cancellationToken);
            return null;
        }
        var answer = new IdempotentAnswer(record.StatusCode, record.ContentType, record.Body, record.Location);
        return record.RequestHash == key.RequestHash ? answer : throw new IdempotencyKeyReusedException(answer);
    }

    /// <summary>The row that keeps <paramref name="answer"/> under the key; add it to the transaction that saves the submission.</summary>
    public IdempotencyRecord Record(IdempotencyKey key, IdempotentAnswer answer) => new()
    {
        Caller = key.Caller, Key = key.Key, RequestHash = key.RequestHash, StatusCode = answer.StatusCode, ContentType = answer.ContentType,
        Body = answer.Body, Location = answer.Location, CreatedAt = clock.GetUtcNow().UtcDateTime,
    };

    /// <summary>
    /// After saving the submission failed: the first answer, if a concurrent submission under the same key committed it
    /// (this one's rows were rolled back with its record); null if the failure was something else, to be rethrown.
    /// </summary>
    public Task<IdempotentAnswer?> AfterConflictAsync(IdempotencyKey key, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        return FindAsync(key, cancellationToken);
    }

    /// <summary>
    /// For a context that saves in the request (no group commit): saves what the context holds, then the answer — built
    /// once the new rows have their keys — in the same transaction. Returns the answer given, or the first one when a
    /// concurrent submission under the key got there first.
    /// </summary>
    public async Task<IdempotentAnswer> SaveAsync(IdempotencyKey key, Func<IdempotentAnswer> answer, CancellationToken cancellationToken)
    {
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            await db.SaveChangesAsync(cancellationToken);
            var given = answer();
            Records.Add(Record(key, given));
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return given;
        }
        catch (DbUpdateException)
        {
            if (await AfterConflictAsync(key, cancellationToken) is { } first) return first;
            throw;
        }
    }
}
