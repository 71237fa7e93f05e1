namespace Linli.Platform.Jobs;

/// <summary>How often a job looks for work (a module's due times, its outbox), and whether it runs at all (tools and tests switch it off).</summary>
internal sealed record PollSchedule(bool Enabled, TimeSpan Interval);

/// <summary>
/// A background job that runs one pass, waits, and runs again, by the injected clock. A failed pass is logged and retried
/// on the next one; due work lives in the database, so stopping between passes loses nothing.
/// </summary>
internal abstract class PollingJob(TimeProvider clock, ILogger logger) : BackgroundService
{
    protected abstract bool Enabled { get; }
    protected abstract TimeSpan Interval { get; }
    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "{Job} failed; it tries again on the next pass", GetType().Name);
            }
            try
            {
                await Task.Delay(Interval, clock, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
