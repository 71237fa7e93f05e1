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

    public static string Number(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}

/// <summary>
/// What the pager partial needs. The pager's buttons submit the page's filter form (by its id) with pageNumber=N, so the
/// filters travel with the form — as a GET query for public filters, in a POST body where a filter may name a person.
/// </summary>
internal sealed record PagerView(string FormId, int Page, int PageCount, long Total, bool Capped = false);
