using Linli.Platform.Jobs;
using Microsoft.Extensions.Options;

namespace Linli.Platform.Idempotency;

/// <summary>Runs <see cref="IdempotencyCleanup"/> every <see cref="IdempotencyOptions.CleanupIntervalMinutes"/>.</summary>
internal sealed class IdempotencyCleanupJob(IdempotencyCleanup cleanup, IOptions<IdempotencyOptions> options, TimeProvider clock, ILogger<IdempotencyCleanupJob> logger)
    : PollingJob(clock, logger)
{
    protected override bool Enabled => true;
    protected override TimeSpan Interval => TimeSpan.FromMinutes(options.Value.CleanupIntervalMinutes);
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => cleanup.RunOnceAsync(cancellationToken);
}
