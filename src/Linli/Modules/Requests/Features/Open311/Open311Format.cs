using System.Globalization;
using System.Text;
using System.Xml;
using Linli.Platform.Calendar;

namespace Linli.Modules.Requests.Features.Open311;

internal static class Open311Format
{
    public const string Xml = "xml", Json = "json";

    public static bool IsJson(string? format) => string.Equals(format, Json, StringComparison.OrdinalIgnoreCase);

    public static bool IsKnown(string? format) => IsJson(format) || string.Equals(format, Xml, StringComparison.OrdinalIgnoreCase);

    /// <summary>W3C date-time in China Standard Time, e.g. 2026-11-28T23:19:22+08:00.</summary>
    public static string W3c(DateTime utc)
    {
        var china = WorkingCalendar.ToChina(utc);
        var offset = WorkingCalendar.ChinaTime.GetUtcOffset(china);
        return new DateTimeOffset(DateTime.SpecifyKind(china, DateTimeKind.Unspecified), offset).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);
    }

    /// <summary>A value as XML element text: characters XML 1.0 cannot hold (control characters, lone surrogates, U+FFFE/U+FFFF) are left out.</summary>
    public static string Text(object value) => XmlSafe(value switch
    {
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime utc => W3c(utc),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    });

    /// <summary>The text without the characters XML 1.0 does not allow; surrogate pairs are kept, lone surrogates dropped.</summary>
    public static string XmlSafe(string text)
    {
        var first = FirstInvalid(text);
        if (first < 0) return text;
        var kept = new StringBuilder(text.Length);
        kept.Append(text, 0, first);
        for (var i = first; i < text.Length; i++)
        {
            var c = text[i];
            if (XmlConvert.IsXmlChar(c)) kept.Append(c);
            else if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], c))
            {
                kept.Append(c).Append(text[i + 1]);
                i++;
            }
        }
        return kept.ToString();
    }

    private static int FirstInvalid(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            if (XmlConvert.IsXmlChar(text[i])) continue;
            if (i + 1 < text.Length && XmlConvert.IsXmlSurrogatePair(text[i + 1], text[i]))
            {
                i++;
                continue;
            }
            return i;
        }
        return -1;
    }

    /// <summary>The spec's error list: <c>&lt;errors&gt;&lt;error&gt;&lt;code/&gt;&lt;description/&gt;&lt;/error&gt;&lt;/errors&gt;</c>.</summary>
    public static Open311Result Error(string? format, int status, string description) =>
        new(new O311List("errors", "error", [new O311Object("error").Add("code", status).Add("description", description)]),
            IsKnown(format) ? format! : Xml, status);
}
