using System.Globalization;

namespace Linli.Platform.Ui;

/// <summary>How pages show times: stored as UTC, displayed in China Standard Time (UTC+8, no daylight saving).</summary>
internal static class Display
{
    public static readonly TimeSpan ChinaOffset = TimeSpan.FromHours(8);

    public static string ChinaTime(DateTime utc) =>
        new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)).ToOffset(ChinaOffset).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture);

    /// <summary>Calendar days a filter may name; outside them a date is a typing error, not a question.</summary>
    public static readonly DateOnly FirstDay = new(2000, 1, 1), LastDay = new(2100, 12, 31);

    public static bool IsPlausible(DateOnly day) => day >= FirstDay && day <= LastDay;

    /// <summary>The UTC instant at which a China Standard Time calendar day begins (days are clamped to 2000–2100).</summary>
    public static DateTime ChinaDayStartUtc(DateOnly day)
    {
        var clamped = day < FirstDay ? FirstDay : day > LastDay ? LastDay : day;
        return new DateTimeOffset(clamped.ToDateTime(TimeOnly.MinValue), ChinaOffset).UtcDateTime;
    }

    /// <summary>A calendar day as pages, filters, links and exports show it ("2026-03-01", the form a date input takes).</summary>
    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A filter's day for its date input: empty when none was given.</summary>
    public static string Day(DateOnly? day) => day is { } d ? Day(d) : "";

    /// <summary>A day in a file name ("20260301").</summary>
    public static string FileDay(DateOnly day) => day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>A period as a report's title states it ("2026-01-01 至 2026-03-01").</summary>
    public static string Period(DateOnly from, DateOnly to) => Day(from) + " 至 " + Day(to);

    /// <summary>A rate (0–1) as pages and exports show it: a percentage with one decimal ("85.3%"), "—" where there is nothing to rate.</summary>
    public static string Percent(double? rate) => rate is { } r ? (r * 100).ToString("0.0", CultureInfo.InvariantCulture) + "%" : "—";

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>
/// What the pager partial needs. The pager's buttons submit the page's filter form (by its id) with pageNumber=N, so the
/// filters travel with the form — as a GET query for public filters, in a POST body where a filter may name a person.
/// </summary>
internal sealed record PagerView(string FormId, int Page, int PageCount, long Total, bool Capped = false);
