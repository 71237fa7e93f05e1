using Linli.Modules.Care.Features.SyncRoster;
using Linli.Platform.Jobs;

namespace Linli.Modules.Care.Jobs;

/// <summary>
/// Keeps the whole city's roster in step with the resident pool's tags: a sync of every area (system scope) each
/// interval (Care:RosterSyncMinutes, default 60; 0 switches the job off, as the tests do).
/// </summary>
internal sealed class RosterSyncJob(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<RosterSyncJob> logger) : PollingJob(clock, logger)
{
    private int Minutes => configuration.GetValue("Care:RosterSyncMinutes", 60);

    protected override bool Enabled => Minutes > 0 && configuration.GetValue("Jobs:Enabled", true);

    protected override TimeSpan Interval => TimeSpan.FromMinutes(Math.Max(1, Minutes));

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<RosterSync>().RunAsync("", cancellationToken);
        logger.LogInformation("Care roster synced: {OnRoster} on the roster, {Added} added, {Removed} removed", result.OnRoster, result.Added, result.Removed);
    }
}
