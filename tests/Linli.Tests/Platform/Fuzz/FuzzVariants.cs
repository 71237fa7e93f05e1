using System.Globalization;
using System.Text;

namespace Linli.Tests.Platform.Fuzz;

/// <summary>One request to send: a variant of an operation, with its raw body bytes and content type.</summary>
internal sealed record FuzzRequest(string Variant, string Method, string Url, byte[]? Body = null, string? ContentType = null,
    IReadOnlyList<(string Name, string Value)>? Headers = null);

/// <summary>
/// The malformed values, by kind of field. JSON values are raw JSON text (some deliberately not valid JSON or not UTF-8);
/// URL values are already percent-encoded. Everything is fixed or drawn from a seeded generator: the same run every time.
/// </summary>
internal static class FuzzValues
{
    private static readonly Random Seeded = new(20261128);

    /// <summary>100,000 characters, Chinese and ASCII (about 200 KB of UTF-8).</summary>
    public static readonly string Huge = string.Concat(Enumerable.Repeat("路灯不亮abcd", 10_000));

    /// <summary>Random bytes from the fixed seed (control bytes, high bytes, quotes and all).</summary>
    public static byte[] Garbage(int length)
    {
        var bytes = new byte[length];
        lock (Seeded) Seeded.NextBytes(bytes);
        return bytes;
    }

    private static string Deep(int depth) => new string('[', depth) + new string(']', depth);

    /// <summary>Raw JSON values to put where a value of <paramref name="schema"/> belongs.</summary>
    public static IEnumerable<(string Label, byte[] Json)> Json(FuzzSchema schema)
    {
        static (string, byte[]) T(string label, string json) => (label, Encoding.UTF8.GetBytes(json));
        yield return T("null", "null");
        yield return T("object", "{}");
        yield return T("[null]", "[null]");
        yield return T("NUL", "\"a\\u0000b\"");
        yield return T("lone surrogate", "\"\\ud800\"");
        yield return ("invalid UTF-8", [(byte)'"', 0xC3, 0x28, 0xFF, (byte)'"']);
        yield return T("nested 40 deep", Deep(40));
        switch (schema.Kind)
        {
            case FuzzKind.String when schema.Format is "date" or "date-time":
                yield return T("Feb 30", "\"2026-02-30\"");
                yield return T("year 1", "\"0001-01-01\"");
                yield return T("year 9999", "\"9999-12-31T23:59:59Z\"");
                yield return T("word", "\"yesterday\"");
                yield return T("month 13", "\"2026-13-45T99:99:99Z\"");
                yield return T("number", "20261102");
                break;
            case FuzzKind.String:
                yield return T("empty", "\"\"");
                yield return T("control characters", "\"\\u0001\\u001b\\u001f\"");
                yield return T("huge", "\"" + Huge + "\"");
                yield return T("number", "123");
                yield return T("boolean", "true");
                yield return T("array", "[]");
                yield return T("bidi override", "\"\\u202e\\ufeff\\uffff\"");
                break;
            case FuzzKind.Integer:
                yield return T("word", "\"abc\"");
                yield return T("fraction", "1.5");
                yield return T("negative", "-1");
                yield return T("zero", "0");
                yield return T("int32 overflow", "2147483648");
                yield return T("int64 overflow", "9223372036854775808");
                yield return T("1e400", "1e400");
                break;
            case FuzzKind.Number:
                yield return T("word", "\"abc\"");
                yield return T("1e400", "1e400");
                yield return T("-1e308", "-1e308");
                yield return T("NaN", "\"NaN\"");
                yield return T("Infinity", "\"Infinity\"");
                yield return T("boolean", "true");
                break;
            case FuzzKind.Boolean:
                yield return T("word", "\"maybe\"");
                yield return T("number", "2");
                yield return T("string", "\"true\"");
                break;
            case FuzzKind.Enum:
                yield return T("undefined name", "\"Nope\"");
                yield return T("undefined number", "99");
                yield return T("number", "0");
                yield return T("empty", "\"\"");
                yield return T("lower case", "\"" + (schema.Values?.FirstOrDefault() ?? "x").ToLowerInvariant() + "\"");
                yield return T("boolean", "true");
                break;
            case FuzzKind.Array:
                yield return T("string", "\"x\"");
                yield return T("numbers", "[123]");
                yield return T("objects", "[{}]");
                yield return T("empty strings", "[\"\"]");
                yield return T("NUL element", "[\"\\u0000\"]");
                yield return T("10,000 elements", "[" + string.Join(",", Enumerable.Repeat("\"water\"", 10_000)) + "]");
                break;
            case FuzzKind.Object:
                yield return T("string", "\"x\"");
                yield return T("array", "[]");
                yield return T("number", "123");
                break;
        }
    }

    /// <summary>Percent-encoded values for a query parameter or a form field of <paramref name="schema"/>; <paramref name="few"/>: the three that break most.</summary>
    public static IEnumerable<(string Label, string Encoded)> Url(FuzzSchema schema, bool few = false)
    {
        yield return ("NUL", "a%00b");
        yield return ("huge", HugeEncoded);
        yield return ("wrong kind", schema.Kind switch
        {
            FuzzKind.Integer => "99999999999999999999",
            FuzzKind.Number or FuzzKind.Boolean or FuzzKind.Enum => "Nope",
            FuzzKind.String when schema.Format is "date" or "date-time" => "9999-12-31T23%3A59%3A59Z",
            _ => "%2F%09%2Fx", // a local-looking URL with a tab: "/\t/x"
        });
        if (few) yield break;
        yield return ("control characters", "%01%1B%1F");
        yield return ("invalid UTF-8", "%C3%28%FF");
        yield return ("encoded surrogate", "%ED%A0%80");
        yield return ("empty", "");
        switch (schema.Kind)
        {
            case FuzzKind.Integer:
                yield return ("word", "abc");
                yield return ("negative", "-1");
                yield return ("int32 overflow", "2147483648");
                break;
            case FuzzKind.Number:
                yield return ("NaN", "NaN");
                yield return ("1e400", "1e400");
                break;
            case FuzzKind.Enum:
                yield return ("undefined number", "99");
                break;
            case FuzzKind.String when schema.Format is "date" or "date-time":
                yield return ("Feb 30", "2026-02-30");
                yield return ("year 1", "0001-01-01");
                yield return ("word", "yesterday");
                break;
            case FuzzKind.String:
                yield return ("bidi override", "%E2%80%AE%EF%BB%BF");
                break;
        }
    }

    private static readonly string HugeEncoded = Uri.EscapeDataString(Huge[..20_000]);

    /// <summary>Values for a route parameter (percent-encoded; never %00, which the test server itself refuses).</summary>
    public static IEnumerable<(string Label, string Encoded)> Route() =>
    [
        ("leading space", "%201"), ("negative", "-1"), ("huge number", "99999999999999999999"), ("word", "abc"),
        ("control character", "%01"), ("invalid UTF-8", "%FF%ED%A0%80"), ("long", new string('9', 3000)), ("dot dot", "%2E%2E"),
    ];

    public static string Inv(long value) => value.ToString(CultureInfo.InvariantCulture);
}
