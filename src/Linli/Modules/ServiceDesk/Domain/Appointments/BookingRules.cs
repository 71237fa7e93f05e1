using Linli.Platform.Calendar;

namespace Linli.Modules.ServiceDesk.Domain.Appointments;

/// <summary>Why a booking is refused before any place is taken; each is a resource key said to the resident.</summary>
internal static class BookingRefusals
{
    public const string Full = "该时段已约满，请选择其他时段。";
    public const string Past = "该时段已过，不能预约。";
    public const string Closed = "该日不办公（节假日或闭站），不能预约。";
    public const string TooFar = "最多可预约 {0} 天内的时段。";
    public const string ItemNotServed = "该时段不办理此事项。";
    public const string SameItem = "您已预约过此事项，请先取消原预约。";
    public const string TooMany = "您已有 {0} 个未到期的预约，已达上限。";
}

/// <summary>
/// The rules a booking must meet that need no database: the slot is ahead, on a working day, open, within the horizon;
/// the person holds no booking for the item and fewer than the cap. The place itself is taken by the database
/// (one conditional UPDATE), never decided here.
/// </summary>
internal static class BookingRules
{
    /// <summary>The refusal (a resource key and its arguments), or null when the booking may try for a place.</summary>
    public static (string Message, object[] Arguments)? Refusal(WindowSlot slot, DateTime nowUtc, WorkingCalendar calendar, bool servesItem,
        bool holdsItem, int activeBookings, AppointmentOptions options)
    {
        if (slot.StartsAt <= nowUtc) return (BookingRefusals.Past, []);
        if (slot.ClosedAt is not null || !calendar.IsWorkingDay(slot.Day)) return (BookingRefusals.Closed, []);
        if (slot.StartsAt > nowUtc.AddDays(options.BookingHorizonDays)) return (BookingRefusals.TooFar, [options.BookingHorizonDays]);
        if (!servesItem) return (BookingRefusals.ItemNotServed, []);
        if (holdsItem) return (BookingRefusals.SameItem, []);
        if (activeBookings >= options.MaxActiveBookingsPerPerson) return (BookingRefusals.TooMany, [options.MaxActiveBookingsPerPerson]);
        return null;
    }

    /// <summary>When a cancelled place goes back to its slot.</summary>
    public static DateTime ReleaseAt(DateTime cancelledAtUtc, AppointmentOptions options) => cancelledAtUtc.AddMinutes(options.ReleaseDelayMinutes);

    /// <summary>
    /// The reminder's time: <see cref="AppointmentOptions.ReminderHour"/> on the working day before the slot's day, or at
    /// once if that has passed; null for a booking on the same day (the resident has just booked it: nothing to remind).
    /// </summary>
    public static DateTime? RemindAt(DateOnly slotDay, DateTime nowUtc, WorkingCalendar calendar, AppointmentOptions options)
    {
        var today = WorkingCalendar.ChinaDay(nowUtc);
        if (slotDay <= today) return null;
        var day = slotDay.AddDays(-1);
        while (!calendar.IsWorkingDay(day) && day > today) day = day.AddDays(-1);
        var at = WorkingCalendar.ToUtc(day.ToDateTime(new TimeOnly(options.ReminderHour, 0)));
        return at < nowUtc ? nowUtc : at;
    }
}
