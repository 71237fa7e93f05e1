using System.Globalization;

namespace Linli.Modules.Facilities.Domain;

/// <summary>
/// Opening hours per weekday, Monday first, as written in the registry and the import files: seven entries separated by
/// ";", each "HH:mm-HH:mm" or empty (closed) — or one entry that holds for every day ("08:30-17:30"). "24h" is open all day.
/// </summary>
internal sealed record WeeklyHours(IReadOnlyList<(TimeOnly Open, TimeOnly Close)?> Days)
{
    public const int MaxLength = 100;

    private static readonly string[] DayNames = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"];

    /// <summary>Hours open on one day; 24 for "24h".</summary>
    public static double HoursOf((TimeOnly Open, TimeOnly Close)? day) => day is not { } d ? 0
        : d.Open == d.Close ? 24 : (d.Close - d.Open).TotalHours;

    /// <summary>The mean hours of the days it opens (the standard's "open at least 8 hours a day"); 0 if never open.</summary>
    public double HoursPerOpenDay
    {
        get
        {
            var open = Days.Where(d => d is not null).Select(HoursOf).ToList();
            return open.Count == 0 ? 0 : Math.Round(open.Average(), 2);
        }
    }

    /// <summary>Parses the text; null with a problem (in Chinese) when it is not hours.</summary>
    public static WeeklyHours? TryParse(string? text, out string? problem)
    {
        problem = null;
        var parts = (text ?? "").Split(';', '；').Select(p => p.Trim()).ToArray();
        if (parts.Length == 1 && parts[0].Length > 0) parts = Enumerable.Repeat(parts[0], 7).ToArray();
        if (parts.Length != 7)
        {
            problem = "开放时间应为 7 段（周一至周日，用分号分隔），或一段表示每天相同。";
            return null;
        }
        var days = new List<(TimeOnly, TimeOnly)?>();
        foreach (var part in parts)
        {
            if (part.Length == 0 || part == "休息" || part.Equals("closed", StringComparison.OrdinalIgnoreCase)) { days.Add(null); continue; }
            if (part.Equals("24h", StringComparison.OrdinalIgnoreCase)) { days.Add((TimeOnly.MinValue, TimeOnly.MinValue)); continue; }
            var range = part.Split('-', '–', '~');
            if (range.Length != 2 || !TimeOnly.TryParseExact(range[0].Trim(), "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var open)
                                  || !TimeOnly.TryParseExact(range[1].Trim(), "H:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var close)
                                  || close <= open)
            {
                problem = "开放时间应写作 08:30-17:30，结束晚于开始。";
                return null;
            }
            days.Add((open, close));
        }
        return new WeeklyHours(days);
    }

    /// <summary>Every day the same hours a day, from opening at 08:00 (what the synthetic city and old records have).</summary>
    public static WeeklyHours Daily(double hours)
    {
        if (hours >= 24) return new WeeklyHours(Enumerable.Repeat<(TimeOnly, TimeOnly)?>((TimeOnly.MinValue, TimeOnly.MinValue), 7).ToList());
        var open = new TimeOnly(8, 0);
        return new WeeklyHours(Enumerable.Repeat<(TimeOnly, TimeOnly)?>((open, open.AddMinutes(Math.Round(hours * 60))), 7).ToList());
    }

    /// <summary>The stored form: seven entries, Monday first.</summary>
    public override string ToString() => string.Join(";", Days.Select(d => d is not { } x ? "" : x.Open == x.Close ? "24h" : $"{x.Open:HH\\:mm}-{x.Close:HH\\:mm}"));

    /// <summary>For the facility page: 周一 08:30-17:30, … (closed days say 休息).</summary>
    public IEnumerable<(string Day, string Hours)> Describe() => Days.Select((d, i) => (DayNames[i],
        d is not { } x ? "休息" : x.Open == x.Close ? "全天" : $"{x.Open:HH\\:mm}-{x.Close:HH\\:mm}"));
}
