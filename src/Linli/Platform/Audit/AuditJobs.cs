using System.Globalization;
using Linli.Platform.Cli;
using Linli.Platform.Jobs;

namespace Linli.Platform.Audit;

/// <summary>Writes a checkpoint of the chain's head every Audit:CheckpointSeconds, when the head has moved.</summary>
internal sealed class AuditCheckpointJob(IServiceScopeFactory scopes, AuditOptions options, TimeProvider clock, ILogger<AuditCheckpointJob> logger)
    : PollingJob(clock, logger)
{
    protected override bool Enabled => options.CheckpointInterval > TimeSpan.Zero;
    protected override TimeSpan Interval => options.CheckpointInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        await scope.ServiceProvider.GetRequiredService<AuditCheckpoints>().WriteAsync(cancellationToken);
    }
}

/// <summary>The state of the verification the page started on this instance.</summary>
internal sealed record AuditVerificationRun(string StartedBy, DateTime StartedAt, AuditVerifyProgress Progress, AuditVerification? Result, DateTime? FinishedAt, bool Failed);

/// <summary>
/// Runs one verification at a time in the background for the supervisor's page, which shows its progress while it runs.
/// Each finished run is itself written to the audit log (the page shows the latest from there, whichever instance ran it).
/// </summary>
internal sealed class AuditVerificationRunner(IServiceScopeFactory scopes, IHostApplicationLifetime lifetime, TimeProvider clock, ILogger<AuditVerificationRunner> logger)
{
    private readonly Lock _gate = new();
    private AuditVerificationRun? _run;

    public AuditVerificationRun? Current
    {
        get { lock (_gate) return _run; }
    }

    /// <summary>Starts a run unless one is going; false when one is.</summary>
    public bool TryStart(AuditActor actor, string regionCode)
    {
        lock (_gate)
        {
            if (_run is { Result: null, Failed: false }) return false;
            _run = new AuditVerificationRun(actor.DisplayName.Length > 0 ? actor.DisplayName : actor.UserName, clock.GetUtcNow().UtcDateTime,
                new AuditVerifyProgress(0, 0), null, null, false);
        }
        _ = Task.Run(() => RunAsync(actor, regionCode, lifetime.ApplicationStopping));
        return true;
    }

    private async Task RunAsync(AuditActor actor, string regionCode, CancellationToken cancellationToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var progress = new Progress(this);
            var result = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(progress, cancellationToken);
            await AuditVerificationRecord.WriteAsync(scope.ServiceProvider.GetRequiredService<IAuditLog>(), result, actor, regionCode, cancellationToken);
            lock (_gate) _run = _run! with { Result = result, FinishedAt = clock.GetUtcNow().UtcDateTime };
        }
        catch (Exception e)
        {
            logger.LogError(e, "Audit verification failed");
            lock (_gate) _run = _run! with { Failed = true, FinishedAt = clock.GetUtcNow().UtcDateTime };
        }
    }

    // Synchronous: the page reads the latest count, not a queued one.
    private sealed class Progress(AuditVerificationRunner runner) : IProgress<AuditVerifyProgress>
    {
        public void Report(AuditVerifyProgress value)
        {
            lock (runner._gate) runner._run = runner._run! with { Progress = value };
        }
    }
}

/// <summary>A verification's outcome as an audit entry: what was found (<see cref="AuditEntry.Field"/>) and where.</summary>
internal static class AuditVerificationRecord
{
    public const string Intact = "intact";

    public static string Outcome(AuditVerification result) => result.Break is { } b ? Code(b.Kind) : Intact;

    public static string Code(AuditBreakKind kind) => kind switch
    {
        AuditBreakKind.Changed => "changed",
        AuditBreakKind.Deleted => "deleted",
        AuditBreakKind.Inserted => "inserted",
        AuditBreakKind.Reordered => "reordered",
        AuditBreakKind.TruncatedTail => "truncated",
        AuditBreakKind.UnknownKey => "unknown-key",
        _ => "checkpoint-forged",
    };

    public static Task WriteAsync(IAuditLog audit, AuditVerification result, AuditActor? actor, string regionCode, CancellationToken cancellationToken) =>
        audit.RecordAsync(new AuditRecord(AuditActions.AuditVerified, AuditSubjects.AuditLog,
            (result.Break?.Sequence ?? result.LastSequence).ToString(CultureInfo.InvariantCulture), regionCode)
        {
            Field = Outcome(result),
            Count = result.Verified,
            Actor = actor,
        }, cancellationToken);
}

/// <summary>verify-audit: walks the whole chain with progress and reports the first broken link; exit code 2 when broken.</summary>
internal sealed class VerifyAuditVerb : ICommandVerb
{
    public string Name => "verify-audit";
    public string Usage => "verify the audit log's chain, checkpoints and anchor file; reports the first broken link (exit 2) [--db …] [--connection \"...\"]";

    public async Task<int> RunAsync(Verb verb, IServiceProvider services, CancellationToken cancellationToken)
    {
        using var scope = services.CreateScope();
        var verifier = scope.ServiceProvider.GetRequiredService<AuditVerifier>();
        var started = DateTime.UtcNow;
        var result = await verifier.VerifyAsync(new ConsoleProgress(), cancellationToken);
        Console.WriteLine(Describe(result));
        Console.WriteLine($"({(DateTime.UtcNow - started).TotalSeconds:0.0} s)");
        await AuditVerificationRecord.WriteAsync(scope.ServiceProvider.GetRequiredService<IAuditLog>(), result, null, "", cancellationToken);
        return result.Intact ? 0 : 2;
    }

    public static string Describe(AuditVerification result)
    {
        var before = result.BeforeChain > 0 ? $" ({result.BeforeChain:N0} earlier entries predate the chain and cannot be verified)" : "";
        if (result.Break is not { } b) return $"Audit log intact: {result.Verified:N0} entries verified, up to entry {result.LastSequence:N0}{before}.";
        var where = b.EntryId is { } id ? $"entry {b.Sequence:N0} (row id {id})" : $"entry {b.Sequence:N0}";
        var what = b.Kind switch
        {
            AuditBreakKind.Changed => $"{where} was changed: its content no longer matches its hash",
            AuditBreakKind.Deleted => $"entries {b.FirstMissing:N0} to {b.LastMissing:N0} were deleted (the chain resumes at {where})",
            AuditBreakKind.Inserted => $"{where} was inserted: it is not part of the chain",
            AuditBreakKind.Reordered => $"{where} was moved: it stands before the entry it was chained after",
            AuditBreakKind.TruncatedTail => $"the log was truncated: entries {b.FirstMissing:N0} to {b.LastMissing:N0}, recorded by a checkpoint, are gone",
            AuditBreakKind.UnknownKey => $"{where} is signed with a key this installation does not have (configure it in Audit:PreviousKeys)",
            _ => $"the checkpoint at entry {b.Sequence:N0} does not match its signature (forged or changed)",
        };
        return $"Audit log BROKEN: {what}. {result.Verified:N0} entries before it are intact{before}.";
    }

    private sealed class ConsoleProgress : IProgress<AuditVerifyProgress>
    {
        public void Report(AuditVerifyProgress value) =>
            Console.WriteLine(value.Total > 0
                ? $"[{DateTime.Now:HH:mm:ss}] {value.Seen:N0} / {value.Total:N0} entries ({100.0 * value.Seen / value.Total:0} %)"
                : $"[{DateTime.Now:HH:mm:ss}] {value.Seen:N0} entries");
    }
}
