using System.Text;
using System.Text.Json;
using System.Xml;

namespace Linli.Modules.Requests.Features.Open311;

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
        var (contentType, bytes) = Render();
        httpContext.Response.StatusCode = statusCode;
        httpContext.Response.ContentType = contentType;
        httpContext.Response.ContentLength = bytes.Length;
        await httpContext.Response.Body.WriteAsync(bytes, httpContext.RequestAborted);
    }

    /// <summary>The answer as it goes on the wire (kept so under an idempotency key): its content type and UTF-8 bytes.</summary>
    public (string ContentType, byte[] Bytes) Render()
    {
        var buffer = new MemoryStream();
        if (Open311Format.IsJson(format))
        {
            using var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            WriteJson(json, body);
            json.Flush();
            return ("application/json; charset=utf-8", buffer.ToArray());
        }
        using (var xml = XmlWriter.Create(buffer, new XmlWriterSettings { Encoding = new UTF8Encoding(false) }))
        {
            xml.WriteStartDocument();
            switch (body)
            {
                case O311List list: WriteXml(xml, list.Element, list); break;
                case O311Object obj: WriteXml(xml, obj.Element, obj); break;
            }
            xml.WriteEndDocument();
        }
        return ("text/xml; charset=utf-8", buffer.ToArray());
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
