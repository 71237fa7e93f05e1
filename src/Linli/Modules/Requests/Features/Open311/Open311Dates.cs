using System.Globalization;

namespace Linli.Modules.Requests.Features.Open311;

internal static class Open311Dates
{
    private static readonly string[] WithOffset = ["yyyy-MM-dd'T'HH:mm:sszzz", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", "yyyy-MM-dd'T'HH:mmzzz",
        "yyyy-MM-dd'T'HH:mm:ss'Z'", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", "yyyy-MM-dd'T'HH:mm'Z'"];
    private static readonly string[] Local = ["yyyy-MM-dd'T'HH:mm:ss", "yyyy-MM-dd'T'HH:mm:ss.FFFFFFF", "yyyy-MM-dd'T'HH:mm", "yyyy-MM-dd"];

    /// <summary>A W3C date-time as UTC; without an offset it is read as China time. Null if it is not one.</summary>
    public static DateTime? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        text = text.Trim();
        // "+08:00" in a query string that was not encoded arrives as " 08:00".
        if (text.Length > 6 && text[^6] == ' ' && text[^3] == ':') text = string.Concat(text.AsSpan(0, text.Length - 6), "+", text.AsSpan(text.Length - 5));
        if (DateTimeOffset.TryParseExact(text, WithOffset, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var withOffset))
            return withOffset.UtcDateTime;
        if (DateTime.TryParseExact(text, Local, CultureInfo.InvariantCulture, DateTimeStyles.None, out var local))
        {
            // China time at the very edge of the calendar (0001-01-01, 9999-12-31) has no UTC instant: not a date we read.
            if (local < DateTime.MinValue.AddDays(1) || local > DateTime.MaxValue.AddDays(-1)) return null;
            return Linli.Platform.Calendar.WorkingCalendar.ToUtc(local);
        }
        return null;
    }
}
