using System.Security.Claims;
using Linli.Platform.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Linli.Platform.Audit;

/// <summary>What one audit entry says. <see cref="Actor"/> names the user when the caller is not signed in yet (a sign-in attempt).</summary>
internal sealed record AuditRecord(string Action, string SubjectType, string SubjectId, string RegionCode)
{
    public string Field { get; init; } = "";
    public string Reason { get; init; } = "";
    /// <summary>A readable name of the record (a ticket number, a category path); never a personal number.</summary>
    public string SubjectLabel { get; init; } = "";
    /// <summary>Rows exported, matches found.</summary>
    public long? Count { get; init; }
    public AuditActor? Actor { get; init; }
}

internal sealed record AuditActor(string UserId, string UserName, string DisplayName);

/// <summary>
/// Writes audit entries; the only way modules record full views of personal data, searches by number, changes of
/// configuration, exports and refused attempts. An entry is in the log (committed, chained) when the call returns.
/// </summary>
internal interface IAuditLog
{
    Task RecordAsync(string action, string subjectType, string subjectId, string regionCode, string field, string reason, CancellationToken cancellationToken = default);

    Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records inside the transaction that <paramref name="joinTransactionOf"/> (a module's context, same database) has
    /// open, so that a change and its audit entry are committed together or not at all.
    /// </summary>
    Task RecordAsync(AuditRecord record, DbContext joinTransactionOf, CancellationToken cancellationToken = default);
}

internal sealed class AuditLog(AuditChainWriter writer, IAreaScope caller, IHttpContextAccessor http) : IAuditLog
{
    public Task RecordAsync(string action, string subjectType, string subjectId, string regionCode, string field, string reason, CancellationToken cancellationToken = default) =>
        RecordAsync(new AuditRecord(action, subjectType, subjectId, regionCode) { Field = field, Reason = reason }, cancellationToken);

    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default) => writer.AppendAsync(Entry(record), null, cancellationToken);

    public Task RecordAsync(AuditRecord record, DbContext joinTransactionOf, CancellationToken cancellationToken = default) =>
        writer.AppendAsync(Entry(record), joinTransactionOf, cancellationToken);

    private AuditEntry Entry(AuditRecord record)
    {
        var actor = record.Actor ?? new AuditActor(caller.UserId ?? "", caller.UserName ?? "",
            http.HttpContext?.User.FindFirstValue(LinliClaims.DisplayName) ?? "");
        return new AuditEntry
        {
            UserId = AuditChain.Normalize(actor.UserId, AuditLimits.UserId),
            UserName = AuditChain.Normalize(actor.UserName, AuditLimits.UserName),
            UserDisplayName = AuditChain.Normalize(actor.DisplayName, AuditLimits.UserName),
            Action = AuditChain.Normalize(record.Action, AuditLimits.Code),
            SubjectType = AuditChain.Normalize(record.SubjectType, AuditLimits.Code),
            SubjectId = AuditChain.Normalize(record.SubjectId, AuditLimits.Code),
            SubjectLabel = AuditChain.Normalize(record.SubjectLabel, AuditLimits.SubjectLabel),
            RegionCode = AuditChain.Normalize(record.RegionCode, AuditLimits.RegionCode),
            Field = AuditChain.Normalize(record.Field, AuditLimits.Code),
            Reason = AuditChain.Normalize(record.Reason, AuditLimits.Reason),
            Count = record.Count,
        };
    }
}

/// <summary>
/// Appends to the chain, one entry at a time, linearly across requests and app instances: under a transaction-scoped
/// advisory lock on PostgreSQL (held only for reading the head and inserting, released by the commit) and under SQLite's
/// single writer (BEGIN IMMEDIATE). The unique sequence is the backstop: a clash is retried on the new head.
/// </summary>
internal sealed class AuditChainWriter(AuditDbContext db, DbContextOptions<AuditDbContext> options, AuditChainKeys keys, TimeProvider clock)
{
    /// <summary>The advisory lock of the audit chain ("linliaud"): one number the whole database agrees on.</summary>
    public const long ChainLock = 0x6C696E6C69617564;

    public async Task AppendAsync(AuditEntry entry, DbContext? joinTransactionOf, CancellationToken cancellationToken)
    {
        if (joinTransactionOf is not null)
        {
            await AppendInAsync(joinTransactionOf, entry, cancellationToken);
            return;
        }
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await AppendOnceAsync(entry, cancellationToken);
                return;
            }
            catch (DbUpdateException) when (attempt < 3 && !cancellationToken.IsCancellationRequested)
            {
                db.Entry(entry).State = EntityState.Detached;
            }
        }
    }

    private async Task AppendOnceAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await InsertAsync(db, entry, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.Entry(entry).State = EntityState.Detached;
    }

    // The caller's transaction commits (or rolls back) the entry with its own change; on PostgreSQL it holds the chain's
    // lock until then.
    private async Task AppendInAsync(DbContext joined, AuditEntry entry, CancellationToken cancellationToken)
    {
        var transaction = joined.Database.CurrentTransaction
                          ?? throw new InvalidOperationException("Joining a transaction needs one open on the module's context.");
        await using var context = new AuditDbContext(options);
        context.Database.SetDbConnection(joined.Database.GetDbConnection());
        await context.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        await InsertAsync(context, entry, cancellationToken);
    }

    private async Task InsertAsync(AuditDbContext context, AuditEntry entry, CancellationToken cancellationToken)
    {
        if (context.Database.IsNpgsql())
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", cancellationToken);
        var head = await context.Entries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        entry.Id = 0;
        entry.Sequence = (head?.Sequence ?? 0) + 1;
        // Entries from before the chain carry no hash; the first chained entry starts from the genesis value.
        entry.PreviousHash = head is { Hash.Length: AuditChain.HashSize } ? head.Hash : AuditChain.Genesis;
        entry.At = AuditChain.ToStoredPrecision(clock.GetUtcNow().UtcDateTime);
        entry.KeyId = keys.CurrentId;
        entry.Hash = AuditChain.ComputeHash(keys.CurrentKey, entry);
        context.Entries.Add(entry);
        await context.SaveChangesAsync(cancellationToken);
    }
}
