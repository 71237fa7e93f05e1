using System.Security.Claims;
using Linli.Platform.Auth;
using Microsoft.EntityFrameworkCore;

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
}

internal sealed class AuditLog(AuditChainWriter writer, IAreaScope caller, IHttpContextAccessor http) : IAuditLog
{
    public Task RecordAsync(string action, string subjectType, string subjectId, string regionCode, string field, string reason, CancellationToken cancellationToken = default) =>
        RecordAsync(new AuditRecord(action, subjectType, subjectId, regionCode) { Field = field, Reason = reason }, cancellationToken);

    public Task RecordAsync(AuditRecord record, CancellationToken cancellationToken = default)
    {
        var actor = record.Actor ?? new AuditActor(caller.UserId ?? "", caller.UserName ?? "",
            http.HttpContext?.User.FindFirstValue(LinliClaims.DisplayName) ?? "");
        return writer.AppendAsync(new AuditEntry
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
        }, cancellationToken);
    }
}

/// <summary>
/// Appends to the chain, one entry at a time, linearly across requests and app instances: under a transaction-scoped
/// advisory lock on PostgreSQL (held only for reading the head and inserting, released by the commit) and under SQLite's
/// single writer (BEGIN IMMEDIATE). The unique sequence is the backstop: a clash is retried on the new head.
/// </summary>
internal sealed class AuditChainWriter(AuditDbContext db, AuditChainKeys keys, TimeProvider clock)
{
    /// <summary>The advisory lock of the audit chain ("linliaud"): one number the whole database agrees on.</summary>
    public const long ChainLock = 0x6C696E6C69617564;

    public async Task AppendAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
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
        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", cancellationToken);
        var head = await db.Entries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        entry.Id = 0;
        entry.Sequence = (head?.Sequence ?? 0) + 1;
        // Entries from before the chain carry no hash; the first chained entry starts from the genesis value.
        entry.PreviousHash = head is { Hash.Length: AuditChain.HashSize } ? head.Hash : AuditChain.Genesis;
        entry.At = AuditChain.ToStoredPrecision(clock.GetUtcNow().UtcDateTime);
        entry.KeyId = keys.CurrentId;
        entry.Hash = AuditChain.ComputeHash(keys.CurrentKey, entry);
        db.Entries.Add(entry);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        db.Entry(entry).State = EntityState.Detached;
    }
}
