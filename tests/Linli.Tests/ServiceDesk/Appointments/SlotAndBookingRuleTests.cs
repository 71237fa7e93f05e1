using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;

namespace Linli.Tests.ServiceDesk.Appointments;

/// <summary>The rules of slots and bookings that need no database, over the calendar shipped in data/.</summary>
public sealed class SlotAndBookingRuleTests
{
    private static readonly WorkingCalendar Calendar = WorkingCalendar.Load(Path.Combine(AppContext.BaseDirectory, "data", "china-holidays-2004-2026.json"));
    private static readonly SlotPeriod[] WindowDay = [new(new TimeOnly(9, 0), new TimeOnly(11, 30)), new(new TimeOnly(13, 30), new TimeOnly(16, 30))];

    private static DateTime China(int month, int day, int hour, int minute = 0) => WorkingCalendar.ToUtc(new DateTime(2026, month, day, hour, minute, 0));

    [Fact]
    public void A_template_makes_eleven_half_hour_slots_on_each_working_day_none_on_holidays_and_some_on_the_worked_saturday()
    {
        var slots = SlotTemplate.Plan(new DateOnly(2026, 9, 28), new DateOnly(2026, 10, 11), WindowDay, 30, Calendar);

        var days = slots.GroupBy(s => s.Day).ToDictionary(g => g.Key, g => g.ToList());
        // 28–30 September, 8–9 October, and Saturday 10 October (调休); not 1–7 October (国庆), not Sunday 11 October.
        Assert.Equal([new(2026, 9, 28), new(2026, 9, 29), new(2026, 9, 30), new(2026, 10, 8), new(2026, 10, 9), new DateOnly(2026, 10, 10)], days.Keys.Order().ToList());
        Assert.All(days.Values, d => Assert.Equal(11, d.Count));
        var first = days[new DateOnly(2026, 10, 10)];
        Assert.Equal(China(10, 10, 9), first[0].StartsAt);
        Assert.Equal(China(10, 10, 9, 30), first[0].EndsAt);
        Assert.Equal(China(10, 10, 11), first[4].StartsAt); // 11:00–11:30 is the morning's last
        Assert.Equal(China(10, 10, 13, 30), first[5].StartsAt);
        Assert.Equal(China(10, 10, 16), first[^1].StartsAt);
    }

    [Fact]
    public void A_period_shorter_than_a_slot_leaves_its_tail_out()
    {
        var slots = SlotTemplate.Plan(new DateOnly(2026, 9, 28), new DateOnly(2026, 9, 28), [new(new TimeOnly(9, 0), new TimeOnly(10, 15))], 30, Calendar);
        Assert.Equal([China(9, 28, 9), China(9, 28, 9, 30)], slots.Select(s => s.StartsAt).ToList());
    }

    [Fact]
    public void Overlapping_or_backward_periods_and_a_backward_range_are_refused_naming_the_field()
    {
        var overlap = Assert.Throws<ValidationFailedException>(() => SlotTemplate.Plan(new DateOnly(2026, 9, 28), new DateOnly(2026, 9, 28),
            [new(new TimeOnly(9, 0), new TimeOnly(11, 0)), new(new TimeOnly(10, 30), new TimeOnly(12, 0))], 30, Calendar));
        Assert.Contains("periods", overlap.Errors.Keys);
        var backward = Assert.Throws<ValidationFailedException>(() => SlotTemplate.Plan(new DateOnly(2026, 9, 28), new DateOnly(2026, 9, 27), WindowDay, 30, Calendar));
        Assert.Contains("to", backward.Errors.Keys);
        var length = Assert.Throws<ValidationFailedException>(() => SlotTemplate.Plan(new DateOnly(2026, 9, 28), new DateOnly(2026, 9, 28), WindowDay, 1, Calendar));
        Assert.Contains("slotMinutes", length.Errors.Keys);
    }

    [Fact]
    public void The_reminder_goes_out_the_working_day_before_even_across_a_holiday()
    {
        var options = new AppointmentOptions();
        var now = China(9, 28, 8);
        Assert.Equal(China(9, 29, 9), BookingRules.RemindAt(new DateOnly(2026, 9, 30), now, Calendar, options));
        // Thursday 8 October follows the holidays: the working day before it is Wednesday 30 September.
        Assert.Equal(China(9, 30, 9), BookingRules.RemindAt(new DateOnly(2026, 10, 8), now, Calendar, options));
        // Booked on the day before after the reminder hour: at once. Booked for today: none.
        Assert.Equal(China(9, 29, 15), BookingRules.RemindAt(new DateOnly(2026, 9, 30), China(9, 29, 15), Calendar, options));
        Assert.Null(BookingRules.RemindAt(new DateOnly(2026, 9, 28), now, Calendar, options));
    }

    [Fact]
    public void A_booking_is_refused_for_a_past_closed_or_holiday_slot_for_an_item_held_and_over_the_cap()
    {
        var options = new AppointmentOptions { MaxActiveBookingsPerPerson = 3 };
        var now = China(9, 28, 8);
        static WindowSlot Slot(int month, int day, int hour) => new()
        {
            CommunityCode = "210102001002", Day = new DateOnly(2026, month, day), StartsAt = China(month, day, hour), EndsAt = China(month, day, hour).AddMinutes(30),
            Capacity = 3, CreatedBy = "t",
        };
        Assert.Null(BookingRules.Refusal(Slot(9, 28, 9), now, Calendar, true, false, 2, options));
        Assert.Equal(BookingRefusals.Past, BookingRules.Refusal(Slot(9, 28, 7), now, Calendar, true, false, 0, options)?.Message);
        Assert.Equal(BookingRefusals.Closed, BookingRules.Refusal(Slot(10, 2, 9), now, Calendar, true, false, 0, options)?.Message);
        var closed = Slot(9, 29, 9);
        closed.ClosedAt = now;
        Assert.Equal(BookingRefusals.Closed, BookingRules.Refusal(closed, now, Calendar, true, false, 0, options)?.Message);
        Assert.Equal(BookingRefusals.ItemNotServed, BookingRules.Refusal(Slot(9, 29, 9), now, Calendar, false, false, 0, options)?.Message);
        Assert.Equal(BookingRefusals.SameItem, BookingRules.Refusal(Slot(9, 29, 9), now, Calendar, true, true, 0, options)?.Message);
        Assert.Equal(BookingRefusals.TooMany, BookingRules.Refusal(Slot(9, 29, 9), now, Calendar, true, false, 3, options)?.Message);
        Assert.Equal(BookingRefusals.TooFar, BookingRules.Refusal(Slot(11, 30, 9), now, Calendar, true, false, 0, options)?.Message);
    }
}
