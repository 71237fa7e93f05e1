using System.Security.Claims;
using Linli.Platform.Auth;
using Linli.Platform.Persistence;
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
/// Appends to the chain linearly across requests and app instances: each batch of entries queued meanwhile in this
/// instance (<see cref="AuditAppender"/>) is chained and inserted under a transaction-scoped advisory lock on PostgreSQL
/// (released by the commit) or under SQLite's single writer (BEGIN IMMEDIATE); a caller's entry is in the log when its
/// call returns. The unique sequence is the backstop.
/// </summary>
internal sealed class AuditChainWriter(AuditAppender appender, IDbContextFactory<AuditDbContext> contexts, AuditChainKeys keys, TimeProvider clock)
{
    /// <summary>The advisory lock of the audit chain ("linliaud"): one number the whole database agrees on.</summary>
    public const long ChainLock = 0x6C696E6C69617564;

    public Task AppendAsync(AuditEntry entry, DbContext? joinTransactionOf, CancellationToken cancellationToken) =>
        joinTransactionOf is null ? appender.SubmitAsync(entry) : AppendInAsync(joinTransactionOf, entry, cancellationToken);

    // The caller's transaction commits (or rolls back) the entry with its own change; on PostgreSQL it holds the chain's
    // lock until then.
    private async Task AppendInAsync(DbContext joined, AuditEntry entry, CancellationToken cancellationToken)
    {
        var transaction = joined.Database.CurrentTransaction
                          ?? throw new InvalidOperationException("Joining a transaction needs one open on the module's context.");
        await using var context = contexts.CreateDbContext();
        context.Database.SetDbConnection(joined.Database.GetDbConnection());
        await context.Database.UseTransactionAsync(transaction.GetDbTransaction(), cancellationToken);
        await InsertAsync(context, [entry], keys, clock, cancellationToken);
    }

    /// <summary>Takes the chain's lock, reads its head, links and signs <paramref name="entries"/> after it in order, inserts them.</summary>
    public static async Task InsertAsync(AuditDbContext context, IReadOnlyList<AuditEntry> entries, AuditChainKeys keys, TimeProvider clock,
        CancellationToken cancellationToken)
    {
        if (context.Database.IsNpgsql())
            await context.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLock})", cancellationToken);
        var head = await context.Entries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        var sequence = head?.Sequence ?? 0;
        // Entries from before the chain carry no hash; the first chained entry starts from the genesis value.
        var previous = head is { Hash.Length: AuditChain.HashSize } ? head.Hash : AuditChain.Genesis;
        var at = AuditChain.ToStoredPrecision(clock.GetUtcNow().UtcDateTime);
        foreach (var entry in entries)
        {
            entry.Id = 0;
            entry.Sequence = ++sequence;
            entry.PreviousHash = previous;
            entry.At = at;
            entry.KeyId = keys.CurrentId;
            entry.Hash = AuditChain.ComputeHash(keys.CurrentKey, entry);
            previous = entry.Hash;
        }
        context.Entries.AddRange(entries);
        await context.SaveChangesAsync(cancellationToken);
    }
}

/// <summary>The instance's one queue into the chain: entries arriving together are chained and committed together.</summary>
internal sealed class AuditAppender(IServiceScopeFactory scopes, AuditChainKeys keys, TimeProvider clock, ILogger<AuditAppender> logger)
    : IAsyncDisposable
{
    public const int MaxBatch = 128;

    // One writer: the chain is one line, so a second writer would only wait for the first one's lock.
    private readonly GroupCommit<AuditEntry> _commit = new(async entries =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AuditDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await AuditChainWriter.InsertAsync(db, entries, keys, clock, CancellationToken.None);
            await transaction.CommitAsync();
        }, MaxBatch, writers: 1, logger);

    public Task SubmitAsync(AuditEntry entry) => _commit.SubmitAsync(entry);

    public ValueTask DisposeAsync() => _commit.DisposeAsync();
}
