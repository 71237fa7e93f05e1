using System.Text.Json;

namespace Linli.Platform.Calendar;

/// <summary>
/// China's working days: Monday–Friday, less statutory holidays, plus the weekend days worked instead (调休), from
/// data/china-holidays-*.json. Deadlines in working days and working hours are computed here, in China Standard Time,
/// and returned as UTC.
/// </summary>
internal sealed class WorkingCalendar
{
    public static readonly TimeZoneInfo ChinaTime = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    private readonly HashSet<DateOnly> _holidays;
    private readonly HashSet<DateOnly> _workedWeekends;

    /// <summary>Office hours on a working day, China time; working-hour deadlines only count time inside them.</summary>
    public TimeOnly OpensAt { get; }
    public TimeOnly ClosesAt { get; }

    /// <summary>Last year the calendar file covers; beyond it only weekends are known (the file is published yearly).</summary>
    public int LastKnownYear { get; }

    public WorkingCalendar(IEnumerable<DateOnly> holidays, IEnumerable<DateOnly> workedWeekends, TimeOnly? opensAt = null, TimeOnly? closesAt = null)
    {
        _holidays = [.. holidays];
        _workedWeekends = [.. workedWeekends];
        OpensAt = opensAt ?? new TimeOnly(8, 30);
        ClosesAt = closesAt ?? new TimeOnly(17, 30);
        LastKnownYear = _holidays.Concat(_workedWeekends).Select(d => d.Year).DefaultIfEmpty(0).Max();
    }

    public static WorkingCalendar Load(string path, TimeOnly? opensAt = null, TimeOnly? closesAt = null)
    {
        using var stream = File.OpenRead(path);
        using var document = JsonDocument.Parse(stream);
        static IEnumerable<DateOnly> Dates(JsonElement section) =>
            section.EnumerateObject().Select(p => DateOnly.ParseExact(p.Name, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        return new WorkingCalendar(Dates(document.RootElement.GetProperty("holidays")), Dates(document.RootElement.GetProperty("workdays")), opensAt, closesAt);
    }

    public bool IsWorkingDay(DateOnly date) =>
        _workedWeekends.Contains(date) || (!_holidays.Contains(date) && date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday));

    /// <summary>
    /// The end of the <paramref name="workingDays"/>-th working day after the day of <paramref name="startUtc"/>
    /// (the day a case is received does not count), at closing time, as UTC.
    /// </summary>
    public DateTime AddWorkingDays(DateTime startUtc, int workingDays)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(workingDays);
        var day = DateOnly.FromDateTime(ToChina(startUtc));
        var counted = 0;
        while (counted < workingDays)
        {
            day = day.AddDays(1);
            if (IsWorkingDay(day)) counted++;
        }
        if (workingDays == 0 && !IsWorkingDay(day)) day = NextWorkingDay(day);
        return ToUtc(day.ToDateTime(ClosesAt));
    }

    /// <summary>Adds office time: only hours between opening and closing on working days count.</summary>
    public DateTime AddWorkingTime(DateTime startUtc, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(duration, TimeSpan.Zero);
        var local = ToChina(startUtc);
        var remaining = duration;
        var cursor = ClampToOffice(local);
        while (true)
        {
            var close = DateOnly.FromDateTime(cursor).ToDateTime(ClosesAt);
            var available = close - cursor;
            if (remaining <= available) return ToUtc(cursor + remaining);
            remaining -= available;
            cursor = NextWorkingDay(DateOnly.FromDateTime(cursor)).ToDateTime(OpensAt);
        }
    }

    private DateTime ClampToOffice(DateTime local)
    {
        var day = DateOnly.FromDateTime(local);
        var time = TimeOnly.FromDateTime(local);
        if (IsWorkingDay(day) && time < OpensAt) return day.ToDateTime(OpensAt);
        if (IsWorkingDay(day) && time < ClosesAt) return local;
        return NextWorkingDay(day).ToDateTime(OpensAt);
    }

    private DateOnly NextWorkingDay(DateOnly day)
    {
        do day = day.AddDays(1); while (!IsWorkingDay(day));
        return day;
    }

    public static DateTime ToChina(DateTime utc) => TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), ChinaTime);

    public static DateTime ToUtc(DateTime chinaLocal) => TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(chinaLocal, DateTimeKind.Unspecified), ChinaTime);
}
