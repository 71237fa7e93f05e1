using System.Globalization;
using System.Text;
using System.Text.Json;
using CsvHelper;

namespace Linli.Platform.Calendar;

internal enum HolidayKind { Holiday = 1, Workday = 2 }

/// <summary>One day of the official notice: a statutory holiday (放假), or a weekend day worked instead (调休上班).</summary>
internal sealed record HolidayEntry(DateOnly Date, HolidayKind Kind, string Name);

/// <summary>A problem with entered or imported days; <see cref="Message"/> is a resource key with {0}… placeholders.</summary>
internal sealed record HolidayError(int? Line, string Message, params object[] Args);

/// <summary>
/// The two formats of the holiday notice: the shipped JSON (data/china-holidays-*.json: "holidays" and "workdays", each
/// keyed by date, the value "English,中文,days" or just a name) and a CSV of date,kind,name. Import, export and the
/// downloadable template use the same formats, so a file exported here imports again unchanged.
/// </summary>
internal static class HolidayFile
{
    public const int MaxName = 50;
    public const string CsvHeader = "date,kind,name";

    public static (IReadOnlyList<HolidayEntry> Entries, IReadOnlyList<HolidayError> Errors) ParseJson(Stream stream)
    {
        var entries = new List<HolidayEntry>();
        var errors = new List<HolidayError>();
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(stream);
        }
        catch (JsonException e)
        {
            return ([], [new HolidayError((int?)e.LineNumber + 1, "不是有效的 JSON 文件。")]);
        }
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return ([], [new HolidayError(null, "JSON 文件应包含 holidays 和 workdays 两部分。")]);
            foreach (var (section, kind) in new[] { ("holidays", HolidayKind.Holiday), ("workdays", HolidayKind.Workday) })
            {
                if (!document.RootElement.TryGetProperty(section, out var days)) continue;
                if (days.ValueKind != JsonValueKind.Object)
                {
                    errors.Add(new HolidayError(null, "“{0}”应为以日期为键的对象。", section));
                    continue;
                }
                foreach (var day in days.EnumerateObject())
                {
                    if (!TryDate(day.Name, out var date)) errors.Add(new HolidayError(null, "日期“{0}”无效，应为 yyyy-MM-dd。", day.Name));
                    else entries.Add(new HolidayEntry(date, kind, NameOf(day.Value.ValueKind == JsonValueKind.String ? day.Value.GetString() : null)));
                }
            }
        }
        return (entries, errors.Concat(HolidayRules.Check(entries)).ToList());
    }

    public static (IReadOnlyList<HolidayEntry> Entries, IReadOnlyList<HolidayError> Errors) ParseCsv(Stream stream)
    {
        var entries = new List<HolidayEntry>();
        var errors = new List<HolidayError>();
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(buffer.ToArray());
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.GetEncoding("GB18030").GetString(buffer.ToArray()); // Chinese Excel saves CSV in GB18030
        }
        try
        {
            using var csv = CsvReader.FromText(text.TrimStart('\uFEFF'), new CsvReaderOptions
            {
                TrimWhitespace = true, SkipEmptyLines = true, TrackLineNumbers = true, IncludeValuesInExceptions = false,
            });
            csv.ReadHeader();
            var header = csv.Headers.Select(h => h.Trim()).ToList();
            if (!(header.Select(h => h.ToLowerInvariant()).Take(3).SequenceEqual(["date", "kind", "name"]) || header.Take(3).SequenceEqual(["日期", "类型", "名称"])))
                return ([], [new HolidayError(1, "第一行应为表头 date,kind,name（或 日期,类型,名称）。")]);
            while (csv.Read())
            {
                var line = (int)csv.LineNumber;
                string Field(int i) => i < csv.FieldCount ? csv.GetString(i).Trim() : "";
                var dateText = Field(0);
                var kindText = Field(1);
                if (dateText.Length == 0 && kindText.Length == 0) continue;
                if (!TryDate(dateText, out var date))
                    errors.Add(new HolidayError(line, "日期“{0}”无效，应为 yyyy-MM-dd。", dateText));
                else if (KindOf(kindText) is not { } kind)
                    errors.Add(new HolidayError(line, "类型“{0}”无效，应为 holiday（放假）或 workday（调休上班）。", kindText));
                else entries.Add(new HolidayEntry(date, kind, NameOf(Field(2))));
            }
        }
        catch (Exception e) when (e is CsvFormatException or InvalidDataException or FormatException)
        {
            return ([], [new HolidayError(null, "不是有效的 CSV 文件。")]);
        }
        return (entries, errors.Concat(HolidayRules.Check(entries)).ToList());
    }

    /// <summary>The shipped JSON format, dates in order.</summary>
    public static string ToJson(IEnumerable<HolidayEntry> entries)
    {
        var list = entries.OrderBy(e => e.Date).ToList();
        Dictionary<string, string> Section(HolidayKind kind) =>
            list.Where(e => e.Kind == kind).ToDictionary(e => e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), e => e.Name);
        return JsonSerializer.Serialize(new { holidays = Section(HolidayKind.Holiday), workdays = Section(HolidayKind.Workday) }, ShippedJson);
    }

    private static readonly JsonSerializerOptions ShippedJson =
        new() { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>UTF-8 with a byte-order mark (so spreadsheet programs read the Chinese), one day a line.</summary>
    public static byte[] ToCsv(IEnumerable<HolidayEntry> entries)
    {
        var text = new StringBuilder(CsvHeader).Append("\r\n");
        foreach (var e in entries.OrderBy(e => e.Date))
            text.Append(e.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append(',')
                .Append(e.Kind == HolidayKind.Holiday ? "holiday" : "workday").Append(',').Append(Quote(e.Name)).Append("\r\n");
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    private static string Quote(string value) =>
        value.IndexOfAny([',', '"', '\r', '\n']) >= 0 || value.StartsWith('=') || value.StartsWith('+') || value.StartsWith('-') || value.StartsWith('@')
            ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    public static HolidayKind? KindOf(string text) => text.Trim().ToLowerInvariant() switch
    {
        "holiday" or "放假" or "休" or "假" => HolidayKind.Holiday,
        "workday" or "上班" or "调休" or "调休上班" or "补班" or "班" => HolidayKind.Workday,
        _ => null,
    };

    private static bool TryDate(string text, out DateOnly date) =>
        DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>The shipped file's values are "English,中文,days": the Chinese name is kept; any other value is the name.</summary>
    private static string NameOf(string? value)
    {
        var text = (value ?? "").Trim();
        var parts = text.Split(',', StringSplitOptions.TrimEntries);
        var name = parts.Length == 3 && int.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out _) ? parts[1] : text;
        return name.Length > MaxName ? name[..MaxName] : name;
    }
}

/// <summary>What a notice must satisfy, whether typed in the page or imported.</summary>
internal static class HolidayRules
{
    public const int MinYear = 2000;
    public const int MaxYear = 2100;
    /// <summary>The longest range one form entry may cover (the Spring Festival is 8–9 days; a month allows a typo to be seen).</summary>
    public const int MaxRangeDays = 31;

    public static IReadOnlyList<HolidayError> Check(IReadOnlyList<HolidayEntry> entries)
    {
        var errors = new List<HolidayError>();
        foreach (var duplicate in entries.GroupBy(e => e.Date).Where(g => g.Count() > 1))
            errors.Add(new HolidayError(null, "日期 {0} 出现了不止一次。", Text(duplicate.Key)));
        foreach (var e in entries)
        {
            if (e.Date.Year is < MinYear or > MaxYear) errors.Add(new HolidayError(null, "日期 {0} 不在 {1}–{2} 年之间。", Text(e.Date), MinYear, MaxYear));
            // A worked day instead (调休) is a weekend day; a weekday is a working day anyway.
            if (e.Kind == HolidayKind.Workday && e.Date.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
                errors.Add(new HolidayError(null, "{0} 不是周末，不能设为调休上班日。", Text(e.Date)));
            if (e.Name.Length > HolidayFile.MaxName) errors.Add(new HolidayError(null, "名称不能超过 {0} 个字。", HolidayFile.MaxName));
        }
        return errors;
    }

    /// <summary>The days from <paramref name="from"/> to <paramref name="to"/> as one kind, or what is wrong with the range.</summary>
    public static (IReadOnlyList<HolidayEntry> Entries, IReadOnlyList<HolidayError> Errors) Range(DateOnly from, DateOnly to, HolidayKind kind, string name, int year)
    {
        if (to < from) return ([], [new HolidayError(null, "结束日期不能早于开始日期。")]);
        if (from.Year != year || to.Year != year) return ([], [new HolidayError(null, "日期应在 {0} 年内。", year)]);
        if (to.DayNumber - from.DayNumber + 1 > MaxRangeDays) return ([], [new HolidayError(null, "一次最多录入 {0} 天。", MaxRangeDays)]);
        var entries = Enumerable.Range(0, to.DayNumber - from.DayNumber + 1).Select(i => new HolidayEntry(from.AddDays(i), kind, name.Trim())).ToList();
        return (entries, Check(entries));
    }

    private static string Text(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
