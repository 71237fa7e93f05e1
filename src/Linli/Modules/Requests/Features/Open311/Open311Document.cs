using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Xml;
using Linli.Platform.Calendar;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>An element with fields in order: an XML element with children, a JSON object.</summary>
internal sealed class O311Object(string element) : List<(string Name, object? Value)>
{
    public string Element { get; } = element;

    public O311Object Add(string name, object? value)
    {
        Add((name, value));
        return this;
    }
}

/// <summary>A list: in XML a wrapper element with one child element per item; in JSON an array.</summary>
internal sealed record O311List(string Element, string ItemElement, IReadOnlyList<object?> Items);

/// <summary>
/// One GeoReport v2 answer written as the URL's format: XML (UTF-8, no namespaces, empty elements for missing values)
/// or JSON (lists are top-level arrays, ids are strings, lat/long numbers, booleans booleans).
/// </summary>
internal sealed class Open311Result(object body, string format, int statusCode = StatusCodes.Status200OK) : IResult
{
    public object Body => body;
    public int StatusCode => statusCode;

    public async Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = statusCode;
        var buffer = new MemoryStream();
        if (Open311Format.IsJson(format))
        {
            httpContext.Response.ContentType = "application/json; charset=utf-8";
            await using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            WriteJson(json, body);
        }
        else
        {
            httpContext.Response.ContentType = "text/xml; charset=utf-8";
            await using var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false), Async = true });
            xml.WriteStartDocument();
            switch (body)
            {
                case O311List list: WriteXml(xml, list.Element, list); break;
                case O311Object obj: WriteXml(xml, obj.Element, obj); break;
            }
            xml.WriteEndDocument();
        }
        httpContext.Response.ContentLength = buffer.Length;
        buffer.Position = 0;
        await buffer.CopyToAsync(httpContext.Response.Body, httpContext.RequestAborted);
    }

    private static void WriteJson(Utf8JsonWriter json, object? value)
    {
        switch (value)
        {
            case null: json.WriteNullValue(); break;
            case string s: json.WriteStringValue(s); break;
            case bool b: json.WriteBooleanValue(b); break;
            case int i: json.WriteNumberValue(i); break;
            case long l: json.WriteNumberValue(l); break;
            case double d: json.WriteNumberValue(d); break;
            case DateTime utc: json.WriteStringValue(Open311Format.W3c(utc)); break;
            case O311List list:
                json.WriteStartArray();
                foreach (var item in list.Items) WriteJson(json, item);
                json.WriteEndArray();
                break;
            case O311Object obj:
                json.WriteStartObject();
                foreach (var (name, field) in obj)
                {
                    json.WritePropertyName(name);
                    WriteJson(json, field);
                }
                json.WriteEndObject();
                break;
            default: throw new NotSupportedException(value.GetType().Name);
        }
    }

    private static void WriteXml(XmlWriter xml, string element, object? value)
    {
        xml.WriteStartElement(element);
        switch (value)
        {
            case null: break;
            case O311List list:
                foreach (var item in list.Items) WriteXml(xml, list.ItemElement, item);
                break;
            case O311Object obj:
                foreach (var (name, field) in obj) WriteXml(xml, name, field);
                break;
            default: xml.WriteString(Open311Format.Text(value)); break;
        }
        xml.WriteEndElement();
    }
}

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

/// <summary>Thrown inside the Open311 endpoints; the group's filter answers it as the spec's error list.</summary>
internal sealed class Open311Exception(int status, string description) : Exception(description)
{
    public int Status { get; } = status;

    public static Open311Exception BadRequest(string description) => new(StatusCodes.Status400BadRequest, description);
    public static Open311Exception NotFound(string description) => new(StatusCodes.Status404NotFound, description);
    public static Open311Exception Forbidden(string description) => new(StatusCodes.Status403Forbidden, description);
}
