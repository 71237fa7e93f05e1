using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Hotspots;
using Linli.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Jobs;

/// <summary>
/// The daily pass of 未诉先办: every hour it looks when the last pass started, and runs one over the last week when
/// Requests:HotspotDetectHours have gone by, so a restart neither skips a day nor runs twice.
/// </summary>
internal sealed class HotspotDetection(IServiceScopeFactory scopes, IOptions<RequestsOptions> options, TimeProvider clock, ILogger<HotspotDetection> logger)
    : PollingJob(clock, logger)
{
    protected override bool Enabled => options.Value.RunJobs && options.Value.HotspotDetectHours > 0;
    protected override TimeSpan Interval => TimeSpan.FromHours(1);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        var last = await db.HotspotRuns.AsNoTracking().OrderByDescending(r => r.StartedAt).Select(r => (DateTime?)r.StartedAt).FirstOrDefaultAsync(cancellationToken);
        if (last is { } at && scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime - at < TimeSpan.FromHours(options.Value.HotspotDetectHours)) return;
        var outcome = await scope.ServiceProvider.GetRequiredService<HotspotDetector>().DetectRecentAsync("daily", cancellationToken);
        logger.LogInformation("Hotspot pass {Run}: {Tickets} tickets read, {Clusters} clusters, {Repeats} repeat callers, {Rising} rising categories",
            outcome.RunId, outcome.TicketsRead, outcome.Clusters, outcome.RepeatCallers, outcome.Rising);
    }
}
