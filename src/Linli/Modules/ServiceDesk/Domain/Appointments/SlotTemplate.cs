using Linli.Platform.Calendar;
using Linli.Platform.Errors;

namespace Linli.Modules.ServiceDesk.Domain.Appointments;

/// <summary>A period of a window day in China time (e.g. 9:00–11:30), cut into slots of a given length.</summary>
internal sealed record SlotPeriod(TimeOnly From, TimeOnly To);

/// <summary>One slot a template makes: its China-time day and its instants in UTC.</summary>
internal sealed record PlannedSlot(DateOnly Day, DateTime StartsAt, DateTime EndsAt);

/// <summary>
/// The slots a community publishes for a range of days: on every working day of the calendar (holidays skipped, the
/// weekend days worked instead included), each period cut into slots of <c>minutes</c>; a tail shorter than a slot is dropped.
/// </summary>
internal static class SlotTemplate
{
    public const int MaxDays = 62;
    public const int MaxSlotsPerDay = 48;

    public static IReadOnlyList<PlannedSlot> Plan(DateOnly from, DateOnly to, IReadOnlyList<SlotPeriod> periods, int minutes, WorkingCalendar calendar)
    {
        Check(from, to, periods, minutes);
        var slots = new List<PlannedSlot>();
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            if (!calendar.IsWorkingDay(day)) continue;
            foreach (var period in periods.OrderBy(p => p.From))
                for (var start = period.From; start.AddMinutes(minutes) <= period.To && start.AddMinutes(minutes) > start; start = start.AddMinutes(minutes))
                    slots.Add(new PlannedSlot(day, WorkingCalendar.ToUtc(day.ToDateTime(start)), WorkingCalendar.ToUtc(day.ToDateTime(start.AddMinutes(minutes)))));
        }
        return slots;
    }

    /// <summary>400s naming the field: a range backwards or too long, a period backwards or overlapping another, a slot length out of range.</summary>
    public static void Check(DateOnly from, DateOnly to, IReadOnlyList<SlotPeriod> periods, int minutes)
    {
        var errors = new Dictionary<string, Phrase[]>();
        if (to < from) errors["to"] = [new Phrase("结束日期早于开始日期。")];
        else if (to.DayNumber - from.DayNumber + 1 > MaxDays) errors["to"] = [new Phrase("一次最多生成 {0} 天的时段。", MaxDays)];
        if (minutes is < 5 or > 240) errors["slotMinutes"] = [new Phrase("每个时段须为 5 到 240 分钟。")];
        if (periods.Count == 0) errors["periods"] = [new Phrase("请至少填写一个办理时间段。")];
        else if (periods.Any(p => p.To <= p.From)) errors["periods"] = [new Phrase("时间段的结束时间须晚于开始时间。")];
        else
        {
            var ordered = periods.OrderBy(p => p.From).ToList();
            for (var i = 1; i < ordered.Count; i++)
                if (ordered[i].From < ordered[i - 1].To) errors["periods"] = [new Phrase("时间段不能重叠。")];
            if (!errors.ContainsKey("slotMinutes") && periods.Sum(p => (int)((p.To - p.From).TotalMinutes / minutes)) > MaxSlotsPerDay)
                errors["slotMinutes"] = [new Phrase("每天最多 {0} 个时段。", MaxSlotsPerDay)];
        }
        if (errors.Count > 0) throw new ValidationFailedException(errors);
    }
}
