using System.Globalization;
using Linli.Platform.Calendar;

namespace Linli.Tests.Platform;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Load(Path.Combine(AppContext.BaseDirectory, "data", "china-holidays-2004-2026.json"));

    private static DateTime China(int y, int m, int d, int h = 0, int min = 0) => WorkingCalendar.ToUtc(new DateTime(y, m, d, h, min, 0));

    [Theory]
    [InlineData("2026-10-01", false)] // National Day
    [InlineData("2026-10-07", false)] // National Day week
    [InlineData("2026-10-10", true)]  // a Saturday worked instead (调休)
    [InlineData("2026-10-09", true)]  // an ordinary Friday
    [InlineData("2026-10-11", false)] // an ordinary Sunday
    [InlineData("2026-02-14", true)]  // Saturday worked before the Spring Festival
    [InlineData("2026-02-17", false)] // Spring Festival
    public void Knows_holidays_and_the_weekend_days_worked_instead(string date, bool working) =>
        Assert.Equal(working, Calendar.IsWorkingDay(DateOnly.Parse(date, CultureInfo.InvariantCulture)));

    [Fact]
    public void Working_days_skip_the_national_day_week_and_count_the_saturday_worked()
    {
        // Received Tuesday 29 Sep 2026; 3 working days: Wed 30 Sep, (1–7 Oct off), Thu 8 Oct, Fri 9 Oct.
        var due = Calendar.AddWorkingDays(China(2026, 9, 29, 10), 3);
        Assert.Equal(China(2026, 10, 9, 17, 30), due);
        // One more lands on Saturday 10 Oct, a day worked instead.
        Assert.Equal(China(2026, 10, 10, 17, 30), Calendar.AddWorkingDays(China(2026, 9, 29, 10), 4));
    }

    [Fact]
    public void Working_hours_stop_at_closing_time_and_resume_on_the_next_working_day()
    {
        // Two office hours from 16:30 on Wed 30 Sep: one hour that day, the second on Thu 8 Oct from 08:30.
        var due = Calendar.AddWorkingTime(China(2026, 9, 30, 16, 30), TimeSpan.FromHours(2));
        Assert.Equal(China(2026, 10, 8, 9, 30), due);
    }

    [Fact]
    public void Working_hours_started_out_of_office_begin_at_the_next_opening()
    {
        var due = Calendar.AddWorkingTime(China(2026, 11, 28, 22), TimeSpan.FromMinutes(30)); // Saturday night
        Assert.Equal(China(2026, 11, 30, 9, 0), due); // Monday 08:30 + 30 min
    }

    [Fact]
    public void Deadlines_are_returned_in_utc()
    {
        var due = Calendar.AddWorkingDays(new DateTime(2026, 11, 27, 2, 0, 0, DateTimeKind.Utc), 1); // Friday 10:00 China
        Assert.Equal(DateTimeKind.Utc, due.Kind);
        Assert.Equal(new DateTime(2026, 11, 30, 9, 30, 0, DateTimeKind.Utc), due); // Monday 17:30 China
    }

    [Fact]
    public void The_china_day_of_an_instant_turns_at_midnight_in_shenyang_not_in_utc()
    {
        Assert.Equal(new DateOnly(2026, 10, 1), WorkingCalendar.ChinaDay(new DateTime(2026, 9, 30, 16, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 9, 30), WorkingCalendar.ChinaDay(new DateTime(2026, 9, 30, 15, 59, 59, DateTimeKind.Utc)));
        Assert.Equal(new DateOnly(2026, 10, 1), WorkingCalendar.ChinaDay(China(2026, 10, 1, 23, 59)));
    }
}
