using Linli.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Attachments;

/// <summary>What <see cref="PendingAttachmentsCleanup"/> sweeps: one module's attachments (its <see cref="AttachmentStore{TContext}"/>).</summary>
internal interface IPendingAttachmentSweep
{
    /// <summary>Deletes up to <paramref name="batch"/> expired pending files; returns how many.</summary>
    Task<int> DropExpiredPendingAsync(int batch, CancellationToken ct);
}

/// <summary>
/// Deletes pending files (<see cref="PendingAttachments"/>) older than their lifetime from every module that keeps
/// attachments, in batches: the forms they waited for were never filed.
/// </summary>
internal sealed class PendingAttachmentsCleanup(IServiceScopeFactory scopes, ILogger<PendingAttachmentsCleanup> logger)
{
    public const int BatchSize = 500;

    /// <summary>One sweep of every module; returns how many files it deleted.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var total = 0;
        foreach (var sweep in scope.ServiceProvider.GetServices<IPendingAttachmentSweep>())
        {
            int deleted;
            do
            {
                deleted = await sweep.DropExpiredPendingAsync(BatchSize, cancellationToken);
                total += deleted;
            }
            while (deleted == BatchSize);
        }
        if (total > 0) logger.LogInformation("Deleted {Count} expired pending attachments", total);
        return total;
    }
}

/// <summary>Runs <see cref="PendingAttachmentsCleanup"/> every <see cref="AttachmentOptions.PendingCleanupIntervalMinutes"/>.</summary>
internal sealed class PendingAttachmentsCleanupJob(PendingAttachmentsCleanup cleanup, IOptions<AttachmentOptions> options, TimeProvider clock,
    ILogger<PendingAttachmentsCleanupJob> logger) : PollingJob(clock, logger)
{
    protected override bool Enabled => true;
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.PendingCleanupIntervalMinutes);
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => cleanup.RunOnceAsync(cancellationToken);
}
