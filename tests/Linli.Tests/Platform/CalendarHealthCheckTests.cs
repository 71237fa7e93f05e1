using Linli.Platform.Calendar;
using Linli.Platform.Health;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Platform;

public sealed class CalendarHealthCheckTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Load(Path.Combine(AppContext.BaseDirectory, "data", "china-holidays-2004-2026.json"));

    private static async Task<HealthStatus> StatusOnAsync(DateTimeOffset now) =>
        (await new CalendarHealthCheck(Calendar, new FakeTimeProvider(now)).CheckHealthAsync(new HealthCheckContext())).Status;

    [Fact]
    public async Task The_holiday_calendar_is_healthy_while_it_covers_the_coming_weeks() =>
        Assert.Equal(HealthStatus.Healthy, await StatusOnAsync(new DateTimeOffset(2026, 10, 1, 0, 0, 0, TimeSpan.Zero)));

    [Fact]
    public async Task The_holiday_calendar_warns_when_next_years_holidays_are_missing() =>
        Assert.Equal(HealthStatus.Degraded, await StatusOnAsync(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero)));
}
