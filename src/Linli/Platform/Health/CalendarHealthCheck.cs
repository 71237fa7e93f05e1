using Linli.Platform.Calendar;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Linli.Platform.Health;

/// <summary>
/// Deadlines count working days from the holiday calendar (the shipped file and what administrators entered), which
/// China publishes a year at a time. Within <see cref="Warning"/> of its last covered day, or past it, deadlines may
/// ignore next year's holidays: say so. The calendar is the live one, so entering next year makes this healthy at once.
/// </summary>
internal sealed class CalendarHealthCheck(WorkingCalendar calendar, TimeProvider clock) : IHealthCheck
{
    public static readonly TimeSpan Warning = TimeSpan.FromDays(45);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var covered = new DateTime(calendar.LastKnownYear, 12, 31, 0, 0, 0, DateTimeKind.Utc);
        var data = new Dictionary<string, object> { ["lastYear"] = calendar.LastKnownYear };
        return Task.FromResult(clock.GetUtcNow().UtcDateTime + Warning < covered
            ? HealthCheckResult.Healthy($"Holidays known through {calendar.LastKnownYear}.", data)
            : HealthCheckResult.Degraded(
                $"Holidays are known only through {calendar.LastKnownYear}; enter the official notice for {calendar.LastKnownYear + 1} at /admin/holidays so deadlines skip its holidays.", data: data));
    }
}
