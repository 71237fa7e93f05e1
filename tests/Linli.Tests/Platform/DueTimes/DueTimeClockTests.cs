using Linli.Platform.Calendar;
using Linli.Platform.DueTimes;

namespace Linli.Tests.Platform.DueTimes;

/// <summary>
/// The stopped clock of a due time, without a database, on the shipped calendar: the National Day week of 2026 (1–7 Oct
/// off, Saturday 10 Oct worked instead). Expected times are counted by hand in office hours (08:30–17:30).
/// </summary>
public sealed class DueTimeClockTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Load(Path.Combine(AppContext.BaseDirectory, "data", "china-holidays-2004-2026.json"));

    private static DateTime China(int m, int d, int h, int min = 0) => WorkingCalendar.ToUtc(new DateTime(2026, m, d, h, min, 0));

    private sealed class Due : DueTime;

    /// <summary>Five working days from Monday 28 Sep: 29 and 30 Sep, 8, 9 and (worked) Saturday 10 Oct, closing time.</summary>
    private static Due FiveWorkingDaysFromMonday28September() => new() { DueAt = Calendar.AddWorkingDays(China(9, 28, 10), 5) };

    [Fact]
    public void A_clock_stopped_before_the_holiday_and_restarted_after_it_counts_only_the_office_time_it_had_left()
    {
        var due = FiveWorkingDaysFromMonday28September();
        Assert.Equal(China(10, 10, 17, 30), due.DueAt);

        // Stopped Tuesday 29 Sep 10:00: 7.5 h that day, 9 h on 30 Sep, 27 h on 8–10 Oct.
        due.Pause(China(9, 29, 10), Calendar);
        Assert.True(due.IsPaused);
        Assert.False(due.IsRunning);
        Assert.Equal(TimeSpan.FromHours(43.5), due.Remaining);

        // Restarted Friday 9 Oct 10:00: 7.5 h that day, 9 h on Saturday 10 Oct (worked), Sunday off, 9 h on each of 12
        // and 13 Oct, and the last 9 h on Wednesday 14 Oct, to closing time. The wall clock would have said 20 Oct.
        due.Resume(China(10, 9, 10), Calendar);
        Assert.True(due.IsRunning);
        Assert.Null(due.PausedAt);
        Assert.Null(due.Remaining);
        Assert.Equal(China(10, 14, 17, 30), due.DueAt);
    }

    [Fact]
    public void A_clock_restarted_during_the_holiday_starts_counting_on_the_first_working_morning()
    {
        var due = FiveWorkingDaysFromMonday28September();
        due.Pause(China(9, 29, 10), Calendar); // 43.5 h left
        // Restarted Saturday 3 Oct (a holiday): from Thursday 8 Oct 08:30, 9 h on 8, 9, 10 and 12 Oct, 7.5 h on Tuesday 13 Oct.
        due.Resume(China(10, 3, 11), Calendar);
        Assert.Equal(China(10, 13, 16), due.DueAt);
    }

    [Fact]
    public void A_clock_stopped_outside_office_hours_keeps_every_office_hour_of_the_next_days()
    {
        var due = new Due { DueAt = China(9, 30, 17, 30) };
        due.Pause(China(9, 28, 20), Calendar); // Monday evening: Tuesday and Wednesday whole, 18 h
        Assert.Equal(TimeSpan.FromHours(18), due.Remaining);
        due.Resume(China(10, 9, 8), Calendar); // Friday before opening: Friday and (worked) Saturday 10 Oct
        Assert.Equal(China(10, 10, 17, 30), due.DueAt);
    }

    [Fact]
    public void Moving_a_stopped_clock_adds_the_office_time_between_the_old_and_the_new_due_time()
    {
        var due = FiveWorkingDaysFromMonday28September();
        due.Pause(China(9, 29, 10), Calendar); // 43.5 h left
        // Three working days more (an extension): Monday 12 to Wednesday 14 Oct, 27 h.
        due.MoveTo(Calendar.AddWorkingDays(due.DueAt, 3), Calendar);
        Assert.Equal(China(10, 14, 17, 30), due.DueAt);
        Assert.Equal(TimeSpan.FromHours(43.5 + 27), due.Remaining);
        // Brought forward again past where it stood: never below nothing left.
        due.MoveTo(China(9, 1, 10), Calendar);
        Assert.Equal(TimeSpan.Zero, due.Remaining);
    }

    [Fact]
    public void A_due_time_that_fired_or_was_met_has_no_clock_left_to_stop()
    {
        var fired = FiveWorkingDaysFromMonday28September();
        fired.Fire(China(10, 10, 17, 31));
        fired.Pause(China(10, 12, 9), Calendar);
        Assert.Null(fired.PausedAt);
        Assert.True(fired.IsOpen); // overdue, not met: still open, never fired twice
        fired.Fire(China(10, 13, 9));
        Assert.Equal(China(10, 10, 17, 31), fired.FiredAt);

        var met = FiveWorkingDaysFromMonday28September();
        met.Close(China(10, 8, 9));
        met.Pause(China(10, 8, 10), Calendar);
        met.MoveTo(China(10, 30, 17, 30), Calendar);
        Assert.Null(met.PausedAt);
        Assert.Equal(China(10, 10, 17, 30), met.DueAt);
        Assert.False(met.IsOpen);
    }

    [Fact]
    public void A_stopped_clock_carried_over_without_its_remaining_time_counts_it_from_when_it_stopped_to_its_due_time()
    {
        var due = new Due { DueAt = China(9, 30, 17, 30), PausedAt = China(9, 29, 10) }; // as the upgrade writes a suspended ticket's clock
        due.Resume(China(10, 9, 10), Calendar); // 16.5 h: 7.5 on Friday 9 Oct, 9 on Saturday 10 Oct
        Assert.Equal(China(10, 10, 17, 30), due.DueAt);
    }
}
