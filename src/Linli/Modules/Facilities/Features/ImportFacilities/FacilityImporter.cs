using System.Globalization;
using System.Text;
using CsvHelper;
using Linli.Modules.Facilities.Data;
using Linli.Modules.Facilities.Domain;
using Linli.Modules.Facilities.Features.Registry;
using Linli.Platform.Audit;
using Linli.Platform.Errors;
using MiniExcelLibs;

namespace Linli.Modules.Facilities.Features.ImportFacilities;

/// <summary>One problem of an import file: its row (the header is row 1; 0 for the file as a whole), the column, and what is wrong.</summary>
internal sealed record ImportProblem(int Row, string Field, string Message)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Phrase Phrase { get; init; } = new(Message);

    public static ImportProblem Of(int row, string field, Phrase phrase) => new(row, field, phrase.ToString()) { Phrase = phrase };
}

/// <summary>What an import did: the facilities written, or (when any row is bad) none and every problem found.</summary>
internal sealed record ImportOutcome(int Rows, int Imported, IReadOnlyList<ImportProblem> Problems)
{
    public bool Succeeded => Problems.Count == 0;
}

/// <summary>
/// Imports facilities from CSV (UTF-8, or GB18030 as Chinese Excel saves it) or .xlsx (first sheet). The header row names
/// the columns in English (<see cref="Columns"/>) or Chinese (<see cref="Aliases"/>), in any order. Every row is checked
/// like a form (<see cref="FacilityRegistry.CheckAsync"/>) and must lie in the caller's area; the file is written only when
/// every row is good, in one transaction with its audit entry.
/// </summary>
internal sealed class FacilityImporter(FacilitiesDbContext db, FacilityRegistry registry, IAuditLog audit)
{
    public const int MaxRows = 5_000;
    public const long MaxBytes = 5 * 1024 * 1024;

    public static readonly IReadOnlyList<string> Columns =
        ["type", "name", "community_code", "address", "longitude", "latitude", "floor_area", "service_area", "weekly_hours", "capacity", "operator", "opened_on"];

    public static readonly IReadOnlyList<string> RequiredColumns = ["type", "name", "community_code", "longitude", "latitude", "opened_on"];

    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        ["设施类型"] = "type", ["名称"] = "name", ["社区代码"] = "community_code", ["地址"] = "address", ["经度"] = "longitude", ["纬度"] = "latitude",
        ["建筑面积"] = "floor_area", ["服务居民区域面积"] = "service_area", ["开放时间"] = "weekly_hours", ["容量"] = "capacity", ["运营单位"] = "operator",
        ["开放日期"] = "opened_on",
    };

    /// <summary>The input's field names (camel case, as the form and the API name them) in the file's column names.</summary>
    private static readonly Dictionary<string, string> ColumnOfField = new(StringComparer.Ordinal)
    {
        ["type"] = "type", ["name"] = "name", ["communityCode"] = "community_code", ["address"] = "address", ["longitude"] = "longitude",
        ["latitude"] = "latitude", ["floorArea"] = "floor_area", ["serviceArea"] = "service_area", ["weeklyHours"] = "weekly_hours",
        ["capacity"] = "capacity", ["operator"] = "operator", ["openedOn"] = "opened_on",
    };

    static FacilityImporter() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public async Task<ImportOutcome> ImportAsync(Stream file, string? fileName, CancellationToken ct)
    {
        var (rows, fileProblems) = await ReadAsync(file, fileName, ct);
        if (fileProblems.Count > 0) return new ImportOutcome(rows.Count, 0, fileProblems);
        var problems = new List<ImportProblem>();
        var inputs = new List<FacilityInput>();
        foreach (var (number, cells) in rows)
        {
            var before = problems.Count;
            string Cell(string column) => cells.TryGetValue(column, out var v) ? v : "";
            double? Number(string column)
            {
                var text = Cell(column);
                if (text.Length == 0) return null;
                if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return value;
                problems.Add(ImportProblem.Of(number, column, new Phrase("应为数字。")));
                return null;
            }
            var typeText = Cell("type");
            var type = FacilityTypes.Parse(typeText);
            if (typeText.Length > 0 && type is null) problems.Add(ImportProblem.Of(number, "type", new Phrase("无法识别的设施类型。")));
            DateOnly? opened = null;
            if (Cell("opened_on") is { Length: > 0 } day)
            {
                if (DateOnly.TryParseExact(day, ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) opened = d;
                else problems.Add(ImportProblem.Of(number, "opened_on", new Phrase("日期应写作 yyyy-MM-dd。")));
            }
            var input = new FacilityInput(type?.Type, Cell("name"), Cell("community_code"), Cell("address"), Number("longitude"), Number("latitude"),
                Number("floor_area"), Number("service_area"), Cell("weekly_hours"), Number("capacity"), Cell("operator"), opened);
            var failedColumns = problems.Skip(before).Select(p => p.Field).ToHashSet(StringComparer.Ordinal);
            foreach (var (field, phrases) in await registry.CheckAsync(input, ct))
            {
                var column = ColumnOfField.GetValueOrDefault(field, field);
                if (failedColumns.Contains(column)) continue; // an unreadable cell is said once, not again as "required"
                problems.AddRange(phrases.Select(p => ImportProblem.Of(number, column, p)));
            }
            if (input.CommunityCode is { Length: 12 } code && !registry.MayEdit(code.Trim()))
                problems.Add(ImportProblem.Of(number, "community_code", new Phrase("不在您的辖区内。")));
            inputs.Add(input);
        }
        if (problems.Count > 0)
            return new ImportOutcome(rows.Count, 0, problems.OrderBy(p => p.Row).ThenBy(p => Columns.ToList().IndexOf(p.Field)).ToList());

        var facilities = inputs.Select(i =>
        {
            var f = new Facility { Name = "", CommunityCode = "" };
            FacilityRules.Apply(f, i);
            return f;
        }).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Facilities.AddRange(facilities);
        await db.SaveChangesAsync(ct);
        var region = CommonPrefix(facilities.Select(f => f.CommunityCode).ToList());
        await audit.RecordAsync(new AuditRecord(AuditActions.FacilityChanged, AuditSubjects.FacilityList, "", region)
        {
            Field = "imported", Count = facilities.Count, SubjectLabel = Path.GetFileName(fileName ?? "") is { Length: > 0 and <= 100 } n ? n : "",
        }, db, ct);
        await transaction.CommitAsync(ct);
        return new ImportOutcome(rows.Count, facilities.Count, []);
    }

    private static string CommonPrefix(List<string> codes)
    {
        if (codes.Count == 0) return "";
        var prefix = codes[0];
        foreach (var c in codes) while (!c.StartsWith(prefix, StringComparison.Ordinal)) prefix = prefix[..^1];
        return prefix;
    }

    private static string? Canonical(string header)
    {
        var h = header.Trim().TrimStart('\uFEFF');
        if (Aliases.TryGetValue(h, out var alias)) return alias;
        var lower = h.ToLowerInvariant();
        return Columns.Contains(lower) ? lower : null;
    }

    private static async Task<(List<(int Number, Dictionary<string, string> Cells)> Rows, List<ImportProblem> Problems)> ReadAsync(Stream stream, string? fileName,
        CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxBytes) return ([], [ImportProblem.Of(0, "file", new Phrase("文件超过 {0} MB。", MaxBytes / 1024 / 1024))]);
        buffer.Position = 0;
        var bytes = buffer.ToArray();
        var isXlsx = bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (!isXlsx && fileName?.EndsWith(".xls", StringComparison.OrdinalIgnoreCase) == true)
            return ([], [ImportProblem.Of(0, "file", new Phrase("不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV。"))]);
        try
        {
            var (header, rows) = isXlsx ? ReadXlsx(buffer) : ReadCsv(bytes);
            var problems = new List<ImportProblem>();
            var present = header.Select(Canonical).OfType<string>().ToHashSet();
            foreach (var missing in RequiredColumns.Where(c => !present.Contains(c)))
                problems.Add(ImportProblem.Of(1, missing, new Phrase("缺少必填列 {0}。", missing)));
            if (rows.Count == 0 && problems.Count == 0) problems.Add(ImportProblem.Of(0, "file", new Phrase("文件中没有数据行。")));
            if (rows.Count > MaxRows) problems.Add(ImportProblem.Of(0, "file", new Phrase("一个文件最多 {0} 行，请分批导入。", MaxRows)));
            return (problems.Count > 0 ? [] : rows, problems);
        }
        catch (Exception e) when (e is CsvFormatException or InvalidDataException or InvalidOperationException or FormatException or IOException
                                       or System.Xml.XmlException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            return ([], [ImportProblem.Of(0, "file", new Phrase(isXlsx ? "无法读取该 Excel 文件。" : "无法读取该 CSV 文件。"))]);
        }
    }

    private static (List<string> Header, List<(int, Dictionary<string, string>)> Rows) ReadCsv(byte[] bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.GetEncoding("GB18030").GetString(bytes);
        }
        using var csv = CsvReader.FromText(text.TrimStart('\uFEFF'), new CsvReaderOptions
        {
            TrimWhitespace = true, SkipEmptyLines = true, TrackLineNumbers = true, IncludeValuesInExceptions = false,
        });
        var rows = new List<(int, Dictionary<string, string>)>();
        csv.ReadHeader();
        var header = csv.Headers.ToList();
        var columns = header.Select(Canonical).ToList();
        while (csv.Read())
        {
            var cells = new Dictionary<string, string>();
            for (var i = 0; i < columns.Count; i++)
                if (columns[i] is { } column) cells[column] = i < csv.FieldCount ? csv.GetString(i).Trim() : "";
            if (cells.Values.All(v => v.Length == 0)) continue;
            rows.Add(((int)csv.LineNumber, cells));
            if (rows.Count > MaxRows) break;
        }
        return (header, rows);
    }

    private static (List<string> Header, List<(int, Dictionary<string, string>)> Rows) ReadXlsx(Stream stream)
    {
        var rows = new List<(int, Dictionary<string, string>)>();
        List<string>? header = null;
        List<string?> columns = [];
        var number = 0;
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            number++;
            var values = row.Values.Select(Cell).ToList();
            if (header is null)
            {
                header = values.Select(v => v.Trim()).ToList();
                columns = header.Select(Canonical).ToList();
                continue;
            }
            var cells = new Dictionary<string, string>();
            for (var i = 0; i < columns.Count; i++)
                if (columns[i] is { } column) cells[column] = i < values.Count ? values[i].Trim() : "";
            if (cells.Values.All(v => v.Length == 0)) continue;
            rows.Add((number, cells));
            if (rows.Count > MaxRows) break;
        }
        return (header ?? [], rows);
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
