using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

using Linli.Modules.Requests.Domain;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>
/// attribute[code] answers checked against a service's definition: every required variable attribute answered, no
/// unknown code, each value of its datatype (number, W3C datetime, list keys among the values; multivaluelist as
/// attribute[code][]), strings at most 1,000 characters and texts at most 4,000.
/// </summary>
internal static partial class Open311Attributes
{
    public const int StringLength = 1000, TextLength = 4000;

    [GeneratedRegex(@"^attribute\[(?<code>[^\[\]]+)\](?<many>\[\])?$")]
    private static partial Regex AttributeKey();

    public static string Name(AttributeDatatype datatype) => datatype.ToString().ToLowerInvariant();

    /// <summary>The attribute answers in a form, by code (attribute[code] and attribute[code][] both collect into one list).</summary>
    public static Dictionary<string, List<string>> FromForm(IFormCollection form)
    {
        var answers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (key, values) in form)
        {
            if (AttributeKey().Match(key) is not { Success: true } m) continue;
            var code = m.Groups["code"].Value;
            if (!answers.TryGetValue(code, out var list)) answers[code] = list = [];
            list.AddRange(values.Where(v => v is not null).Select(v => v!.Trim()).Where(v => v.Length > 0));
        }
        return answers;
    }

    /// <summary>Checks the answers; returns them as JSON to keep with the request (null when there are none), or throws a 400.</summary>
    public static string? Validate(IReadOnlyList<ServiceAttribute> definition, Dictionary<string, List<string>> answers)
    {
        var byCode = definition.ToDictionary(a => a.Code, StringComparer.Ordinal);
        if (answers.Keys.FirstOrDefault(code => !byCode.ContainsKey(code) || !byCode[code].Variable) is { } unknown)
            throw Open311Exception.BadRequest("attribute[{0}]：此服务没有这个属性。", unknown);
        var kept = new Dictionary<string, object>(StringComparer.Ordinal);
        foreach (var attribute in definition.Where(a => a.Variable))
        {
            var values = answers.GetValueOrDefault(attribute.Code) ?? [];
            if (values.Count == 0)
            {
                if (attribute.Required) throw Open311Exception.BadRequest("attribute[{0}]：必填（{1}）。", attribute.Code, attribute.Description);
                continue;
            }
            if (attribute.Datatype != AttributeDatatype.MultiValueList && values.Count > 1)
                throw Open311Exception.BadRequest("attribute[{0}]：只能有一个值。", attribute.Code);
            var value = values[0];
            switch (attribute.Datatype)
            {
                case AttributeDatatype.String when value.Length > StringLength:
                case AttributeDatatype.Text when value.Length > TextLength:
                    throw Open311Exception.BadRequest("attribute[{0}]：过长。", attribute.Code);
                case AttributeDatatype.Number when !decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out _):
                    throw Open311Exception.BadRequest("attribute[{0}]：不是数字。", attribute.Code);
                case AttributeDatatype.Datetime when Open311Dates.Parse(value) is null:
                    throw Open311Exception.BadRequest("attribute[{0}]：不是 W3C 日期时间。", attribute.Code);
                case AttributeDatatype.SingleValueList or AttributeDatatype.MultiValueList:
                    var keys = attribute.Values().Select(v => v.Key).ToHashSet(StringComparer.Ordinal);
                    if (values.FirstOrDefault(v => !keys.Contains(v)) is { } bad)
                        throw Open311Exception.BadRequest("attribute[{0}]：“{1}”不是它的取值之一（{2}）。", attribute.Code, Short(bad), string.Join(", ", keys));
                    if (values.Distinct().Count() != values.Count) throw Open311Exception.BadRequest("attribute[{0}]：有重复的值。", attribute.Code);
                    break;
            }
            kept[attribute.Code] = attribute.Datatype == AttributeDatatype.MultiValueList ? values : value;
        }
        return kept.Count == 0 ? null : JsonSerializer.Serialize(kept);
    }

    private static string Short(string value) => value.Length <= 40 ? value : value[..40] + "…";
}
