namespace Linli.Platform.Calendar;

/// <summary>
/// China's working days: Monday–Friday, less statutory holidays, plus the weekend days worked instead (调休), from
/// data/china-holidays-*.json and the years an administrator entered (HolidayCalendar). Deadlines in working days and working hours are computed here, in China Standard Time,
/// and returned as UTC.
/// </summary>
internal sealed class WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workedWeekends, TimeOnly? opensAt = null, TimeOnly? closesAt = null)
{
    public static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    // Swapped whole when an administrator's change to the holidays takes effect (HolidayCalendar): each computation reads
    // one snapshot, so a deadline is never computed half under the old days and half under the new.
    private sealed record Days(HashSet<DateOnly> Holidays, HashSet<DateOnly> WorkedWeekends, int LastKnownYear, long Revision);

    private volatile Days _days = Snapshot(holidays, workedWeekends, 0);

    /// <summary>Office hours on a working day, China time; working-hour deadlines only count time inside them.</summary>
    public TimeOnly OpensAt { get; } = opensAt ?? new TimeOnly(8, 30);
    public TimeOnly ClosesAt { get; } = closesAt ?? new TimeOnly(17, 30);

    /// <summary>Last year the calendar covers; beyond it only weekends are known (the notice is published yearly).</summary>
    public int LastKnownYear => _days.LastKnownYear;

    /// <summary>The holiday revision in effect (0: the shipped file only).</summary>
    public long Revision => _days.Revision;

    public WorkingCalendar(IEnumerable<HolidayEntry> entries, TimeOnly? opensAt = null, TimeOnly? closesAt = null)
        : this(entries.Where(e => e.Kind == HolidayKind.Holiday).Select(e => e.Date), entries.Where(e => e.Kind == HolidayKind.Workday).Select(e => e.Date), opensAt, closesAt)
    {
    }

    public static WorkingCalendar Load(string path, TimeOnly? opensAt = null, TimeOnly? closesAt = null)
    {
        using var stream = File.OpenRead(path);
        return new WorkingCalendar(HolidayFile.ParseJson(stream).Entries, opensAt, closesAt);
    }

    /// <summary>A calendar with the same office hours over other days (to compare a change with what was in effect).</summary>
    public WorkingCalendar With(IEnumerable<HolidayEntry> entries) => new(entries, OpensAt, ClosesAt);

    /// <summary>Puts <paramref name="entries"/> in effect as <paramref name="revision"/>, for every computation from now on.</summary>
    public void Replace(IEnumerable<HolidayEntry> entries, long revision)
    {
        var list = entries.ToList();
        _days = Snapshot(list.Where(e => e.Kind == HolidayKind.Holiday).Select(e => e.Date), list.Where(e => e.Kind == HolidayKind.Workday).Select(e => e.Date), revision);
    }

    private static Days Snapshot(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workedWeekends, long revision)
    {
        HashSet<DateOnly> h = [.. holidays], w = [.. workedWeekends];
        return new Days(h, w, h.Concat(w).Select(d => d.Year).DefaultIfEmpty(0).Max(), revision);
    }

    public bool IsWorkingDay(DateOnly date) => IsWorkingDay(_days, date);

    private static bool IsWorkingDay(Days days, DateOnly date) =>
        days.WorkedWeekends.Contains(date) || (!days.Holidays.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>
    /// The end of the <paramref name="workingDays"/>-th working day after the day of <paramref name="startUtc"/>
    /// (the day a case is received does not count), at closing time, as UTC.
    /// </summary>
    public DateTime AddWorkingDays(DateTime startUtc, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var days = _days;
        var day = ChinaDay(startUtc);
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(days, day)) counted++;
        }
        if (workingDays == 0 && !IsWorkingDay(days, day)) day = NextWorkingDay(days, day);
        return ToUtc(day.ToDateTime(ClosesAt));
    }

    /// <summary>Adds office time: only hours between opening and closing on working days count.</summary>
    public DateTime AddWorkingTime(DateTime startUtc, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var days = _days;
        var local = ToChina(startUtc);
        var remaining = duration;
        var cursor = ClampToOffice(days, local);
        while (true)
        {
            var close = DateOnly.FromDateTime(cursor).ToDateTime(ClosesAt);
            var available = close - cursor;
            if (remaining <= available) return ToUtc(cursor + remaining);
            remaining -= available;
            cursor = NextWorkingDay(days, DateOnly.FromDateTime(cursor)).ToDateTime(OpensAt);
        }
    }

    /// <summary>The office time between two instants (zero when <paramref name="endUtc"/> is not later): what <see cref="AddWorkingTime"/> adds.</summary>
    public TimeSpan WorkingTimeBetween(DateTime startUtc, DateTime endUtc)
    {
        var days = _days;
        var from = ToChina(startUtc);
        var to = ToChina(endUtc);
        var total = TimeSpan.Zero;
        for (var day = DateOnly.FromDateTime(from); day <= DateOnly.FromDateTime(to); day = day.AddDays(1))
        {
            if (!IsWorkingDay(days, day)) continue;
            var open = Max(day.ToDateTime(OpensAt), from);
            var close = Min(day.ToDateTime(ClosesAt), to);
            if (close > open) total += close - open;
        }
        return total;
    }

    private static DateTime Max(DateTime a, DateTime b) => a > b ? a : b;
    private static DateTime Min(DateTime a, DateTime b) => a < b ? a : b;

    private DateTime ClampToOffice(Days days, DateTime local)
    {
        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (IsWorkingDay(days, day) && time < OpensAt) return day.ToDateTime(OpensAt);
        if (IsWorkingDay(days, day) && time < ClosesAt) return local;
        return NextWorkingDay(days, day).ToDateTime(OpensAt);
    }

    private static DateOnly NextWorkingDay(Days days, DateOnly day)
    {
        do day = day.AddDays(1); while (!IsWorkingDay(days, day));
        return day;
    }

    public static DateTime ToChina(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ChinaTime);

    /// <summary>The China Standard Time calendar day <paramref name="utc"/> falls on (16:30 UTC is already the next day in Shenyang).</summary>
    public static DateOnly ChinaDay(DateTime utc) => DateOnly.FromDateTime(ToChina(utc));

    public static DateTime ToUtc(DateTime chinaLocal) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(chinaLocal, DateTimeKind.Unspecified), ChinaTime);
}
