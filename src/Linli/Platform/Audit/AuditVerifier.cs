using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Audit;

/// <summary>Where the anchor file lives and how often the chain's head is written down.</summary>
internal sealed class AuditOptions
{
    /// <summary>A copy of the latest checkpoint outside the database (Audit:AnchorFile; default audit-anchor.json in the data folder).</summary>
    public required string AnchorFile { get; init; }

    /// <summary>Audit:CheckpointSeconds (default 60; 0 turns the background checkpoints off).</summary>
    public TimeSpan CheckpointInterval { get; init; } = TimeSpan.FromMinutes(1);
}

internal sealed record AuditVerifyProgress(long Seen, long Total);

/// <summary>
/// Verifies the whole chain, streamed in sequence order (one entry in memory at a time), against the checkpoints and the
/// anchor file; reports progress as it goes. Entries appended while it runs are left for the next run.
/// </summary>
internal sealed class AuditVerifier(AuditDbContext db, AuditChainKeys keys, AuditCheckpoints checkpoints)
{
    public const int ProgressEvery = 10_000;

    public async Task<AuditVerification> VerifyAsync(IProgress<AuditVerifyProgress>? progress, CancellationToken cancellationToken)
    {
        var (anchors, forged) = await checkpoints.ReadAnchorsAsync(cancellationToken);
        if (forged is not null) return new AuditVerification(0, 0, 0, forged);
        var last = await db.Entries.MaxAsync(e => (long?)e.Sequence, cancellationToken) ?? 0;
        progress?.Report(new AuditVerifyProgress(0, last));
        var check = new AuditChainCheck(keys, anchors);
        var entries = db.Entries.AsNoTracking().Where(e => e.Sequence <= last).OrderBy(e => e.Sequence).ThenBy(e => e.Id).AsAsyncEnumerable();
        await foreach (var entry in entries.WithCancellation(cancellationToken))
        {
            if (!check.Add(entry)) break;
            if (check.Seen % ProgressEvery == 0) progress?.Report(new AuditVerifyProgress(check.Seen, last));
        }
        var result = check.Finish();
        progress?.Report(new AuditVerifyProgress(check.Seen, last));
        return result;
    }
}

/// <summary>
/// Writes the chain's head down, signed, in two places: a checkpoint row (so that emptying the table shows) and the anchor
/// file outside the database (so that removing the tail together with its checkpoints shows too), and in the log.
/// </summary>
internal sealed class AuditCheckpoints(AuditDbContext db, AuditChainKeys keys, AuditOptions options, TimeProvider clock, ILogger<AuditCheckpoints> logger)
{
    private sealed record AnchorFileContent(long Sequence, string Hash, DateTime At, string KeyId, string Mac);

    public async Task<AuditAnchor?> WriteAsync(CancellationToken cancellationToken)
    {
        var head = await db.Entries.AsNoTracking().OrderByDescending(e => e.Sequence)
            .Select(e => new { e.Sequence, e.Hash }).FirstOrDefaultAsync(cancellationToken);
        if (head is not { Hash.Length: AuditChain.HashSize }) return null;
        var at = AuditChain.ToStoredPrecision(clock.GetUtcNow().UtcDateTime);
        var mac = AuditChain.CheckpointMac(keys.CurrentKey, head.Sequence, head.Hash, at, keys.CurrentId);
        var latest = await db.Checkpoints.MaxAsync(c => (long?)c.Sequence, cancellationToken) ?? 0;
        if (latest < head.Sequence)
        {
            db.Checkpoints.Add(new AuditCheckpoint { Sequence = head.Sequence, Hash = head.Hash, At = at, KeyId = keys.CurrentId, Mac = mac });
            await db.SaveChangesAsync(cancellationToken);
            db.ChangeTracker.Clear();
        }
        var file = ReadFile(out var unreadable);
        if (unreadable)
        {
            logger.LogError("The audit anchor file {File} cannot be read; it is left as it is for verify-audit to report", options.AnchorFile);
        }
        else if (file is not null && file.Sequence > head.Sequence)
        {
            // Never move the anchor back: the log is shorter than it was, and that is what verification must report.
            logger.LogError("The audit log ends at entry {Head} but its anchor file records entry {Anchor}; run verify-audit", head.Sequence, file.Sequence);
        }
        else if (file is null || file.Sequence < head.Sequence)
        {
            WriteFile(new AnchorFileContent(head.Sequence, Convert.ToBase64String(head.Hash), at, keys.CurrentId, Convert.ToBase64String(mac)));
        }
        logger.LogInformation("Audit checkpoint at entry {Sequence}, hash {Hash}", head.Sequence, Convert.ToHexStringLower(head.Hash));
        return new AuditAnchor("checkpoint", head.Sequence, head.Hash, at);
    }

    /// <summary>The latest checkpoint row and the anchor file, each checked against its signature.</summary>
    public async Task<(IReadOnlyList<AuditAnchor> Anchors, AuditBreak? Forged)> ReadAnchorsAsync(CancellationToken cancellationToken)
    {
        var anchors = new List<AuditAnchor>();
        var latest = await db.Checkpoints.AsNoTracking().OrderByDescending(c => c.Sequence).ThenByDescending(c => c.Id).FirstOrDefaultAsync(cancellationToken);
        if (latest is not null)
        {
            if (Check(latest.Sequence, latest.Hash, latest.At, latest.KeyId, latest.Mac) is { } forged) return (anchors, forged);
            anchors.Add(new AuditAnchor("checkpoint", latest.Sequence, latest.Hash, latest.At));
        }
        var file = ReadFile(out var unreadable);
        if (unreadable) return (anchors, new AuditBreak(AuditBreakKind.CheckpointForged, 0, null));
        if (file is not null)
        {
            byte[] hash, mac;
            try
            {
                (hash, mac) = (Convert.FromBase64String(file.Hash), Convert.FromBase64String(file.Mac));
            }
            catch (FormatException)
            {
                return (anchors, new AuditBreak(AuditBreakKind.CheckpointForged, file.Sequence, null));
            }
            if (Check(file.Sequence, hash, file.At, file.KeyId, mac) is { } forged) return (anchors, forged);
            anchors.Add(new AuditAnchor("file", file.Sequence, hash, file.At));
        }
        return (anchors, null);
    }

    private AuditBreak? Check(long sequence, byte[] hash, DateTime at, string keyId, byte[] mac)
    {
        if (!keys.TryGet(keyId, out var key)) return new AuditBreak(AuditBreakKind.UnknownKey, sequence, null);
        var expected = AuditChain.CheckpointMac(key, sequence, hash, DateTime.SpecifyKind(at, DateTimeKind.Utc), keyId);
        return System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(expected, mac) ? null
            : new AuditBreak(AuditBreakKind.CheckpointForged, sequence, null);
    }

    /// <summary>The anchor file, if there is one; a file that is not an anchor is <paramref name="unreadable"/> (it vouches for nothing).</summary>
    private AnchorFileContent? ReadFile(out bool unreadable)
    {
        unreadable = false;
        if (!File.Exists(options.AnchorFile)) return null;
        try
        {
            var content = JsonSerializer.Deserialize<AnchorFileContent>(File.ReadAllText(options.AnchorFile));
            if (content is { Hash: not null, Mac: not null, KeyId: not null })
                return content with { At = DateTime.SpecifyKind(content.At, DateTimeKind.Utc) };
        }
        catch (JsonException)
        {
        }
        unreadable = true;
        return null;
    }

    private void WriteFile(AnchorFileContent content)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(options.AnchorFile))!;
        Directory.CreateDirectory(folder);
        var temporary = Path.Combine(folder, $".{Path.GetFileName(options.AnchorFile)}.{Guid.NewGuid():N}.tmp");
        var create = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows()) create.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        using (var stream = new FileStream(temporary, create))
            JsonSerializer.Serialize(stream, content);
        File.Move(temporary, options.AnchorFile, overwrite: true);
    }
}
