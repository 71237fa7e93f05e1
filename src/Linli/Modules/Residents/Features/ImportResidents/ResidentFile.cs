using System.Globalization;
using System.Text;
using CsvHelper;
using Linli.Platform.Errors;
using MiniExcelLibs;

namespace Linli.Modules.Residents.Features.ImportResidents;

/// <summary>One data row of an import file: its row number in the file (the header is row 1) and its cells by column.</summary>
internal sealed record ImportRow(int Number, IReadOnlyDictionary<string, string> Cells)
{
    public string this[string column] => Cells.TryGetValue(column, out var v) ? v : "";
}

/// <summary>
/// One problem of an import file: the row (1 = header), the column, and what is wrong (in Chinese; <see cref="Phrase"/>
/// says it in the caller's language).
/// </summary>
internal sealed record RowError(int Row, string Field, string Message)
{
    [System.Text.Json.Serialization.JsonIgnore]
    public Phrase Phrase { get; init; } = new(Message);

    /// <summary>A problem said by a resource key with its arguments.</summary>
    public static RowError Of(int row, string field, string message, params object?[] arguments)
    {
        var phrase = new Phrase(message, arguments);
        return new RowError(row, field, phrase.ToString()) { Phrase = phrase };
    }
}

/// <summary>
/// The import file layout: one row per resident, the household's columns repeated on each member's row. A header row
/// names the columns (English names below, or the Chinese ones in <see cref="Aliases"/>), in any order:
/// <code>
/// household_ref       required  groups the rows of one household within the file (any text, e.g. "H1")
/// community_code      required  12-digit community (village) code, inside the importer's area
/// grid_code           optional  15-digit grid code of that community
/// address             required  street address of the household
/// building, unit, room optional
/// name                required
/// id_number           required  18-digit citizen ID number (GB 11643), unique
/// gender              optional  男/女 (M/F); must agree with the ID number
/// birth_date          optional  yyyy-MM-dd; must agree with the ID number
/// phone               optional  11-digit mobile or landline with area code
/// relation            optional  户主/配偶/子女/父母/孙子女/祖父母/兄弟姐妹/其他 (default 其他; one 户主 per household)
/// registered_address  optional  户籍地址
/// actual_address      optional  实际居住地址
/// tags                optional  "标签[:等级][@开始日期][~结束日期]" separated by ";", e.g. "残疾:2;低保@2021-03-01"
/// </code>
/// CSV is read as UTF-8 (GB18030 when it is not valid UTF-8); .xlsx reads the first sheet. Cells holding ID numbers
/// must be text in Excel (a number loses digits).
/// </summary>
internal static class ResidentFile
{
    public const string HouseholdRef = "household_ref", CommunityCode = "community_code", GridCode = "grid_code", Address = "address",
        Building = "building", Unit = "unit", Room = "room", Name = "name", IdNumber = "id_number", Gender = "gender", BirthDate = "birth_date",
        Phone = "phone", Relation = "relation", RegisteredAddress = "registered_address", ActualAddress = "actual_address", Tags = "tags";

    public static readonly IReadOnlyList<string> Columns =
        [HouseholdRef, CommunityCode, GridCode, Address, Building, Unit, Room, Name, IdNumber, Gender, BirthDate, Phone, Relation, RegisteredAddress, ActualAddress, Tags];

    public static readonly IReadOnlyList<string> RequiredColumns = [HouseholdRef, CommunityCode, Address, Name, IdNumber];

    /// <summary>Chinese header names accepted for each column.</summary>
    public static readonly IReadOnlyDictionary<string, string> Aliases = new Dictionary<string, string>
    {
        ["户编号"] = HouseholdRef, ["社区代码"] = CommunityCode, ["网格代码"] = GridCode, ["地址"] = Address, ["楼号"] = Building,
        ["单元"] = Unit, ["房间号"] = Room, ["姓名"] = Name, ["身份证号"] = IdNumber, ["性别"] = Gender, ["出生日期"] = BirthDate,
        ["电话"] = Phone, ["与户主关系"] = Relation, ["户籍地址"] = RegisteredAddress, ["居住地址"] = ActualAddress, ["人群标签"] = Tags,
    };

    public const int MaxRows = 50_000;
    public const long MaxBytes = 20 * 1024 * 1024;

    static ResidentFile() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    /// <summary>Reads the rows, or reports why the file as a whole cannot be read.</summary>
    public static async Task<(List<ImportRow> Rows, List<RowError> Errors)> ReadAsync(Stream stream, string? fileName, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        await stream.CopyToAsync(buffer, cancellationToken);
        if (buffer.Length > MaxBytes) return ([], [RowError.Of(0, "file", "文件超过 {0} MB。", MaxBytes / 1024 / 1024)]);
        buffer.Position = 0;
        var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
        var isXlsx = bytes.Length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4;
        if (!isXlsx && fileName is not null && fileName.EndsWith(".xls", StringComparison.OrdinalIgnoreCase))
            return ([], [new RowError(0, "file", "不支持旧版 .xls 文件，请另存为 .xlsx 或 CSV。")]);
        try
        {
            var (header, rows) = isXlsx ? ReadXlsx(buffer) : ReadCsv(bytes);
            var errors = new List<RowError>();
            // Unknown columns are named by position, never by content: a file without a header row would otherwise echo
            // a resident's name, ID and phone back in the error report.
            var unknown = header.Select((h, i) => (h, i)).Where(x => x.h.Length > 0 && Canonical(x.h) is null).Select(x => ColumnLetter(x.i)).ToList();
            if (unknown.Count > 0) errors.Add(RowError.Of(1, "header", "第 1 行有无法识别的列名（第 {0} 列）；第一行应为列名。", string.Join("、", unknown)));
            var present = header.Select(Canonical).OfType<string>().ToHashSet();
            foreach (var missing in RequiredColumns.Where(c => !present.Contains(c)))
                errors.Add(RowError.Of(1, missing, "缺少必填列 {0}。", missing));
            if (rows.Count == 0 && errors.Count == 0) errors.Add(new RowError(0, "file", "文件中没有数据行。"));
            if (rows.Count > MaxRows) errors.Add(RowError.Of(0, "file", "一个文件最多 {0} 行，请分批导入。", MaxRows));
            return (errors.Count > 0 ? [] : rows, errors);
        }
        catch (Exception e) when (e is CsvFormatException or InvalidDataException or InvalidOperationException or FormatException or IOException
                                       or System.Xml.XmlException or ArgumentException or IndexOutOfRangeException or NullReferenceException)
        {
            return ([], [new RowError(0, "file", isXlsx ? "无法读取该 Excel 文件。" : "无法读取该 CSV 文件。")]);
        }
    }

    /// <summary>Spreadsheet column name of a zero-based index: 0 → A, 25 → Z, 26 → AA.</summary>
    private static string ColumnLetter(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    private static string? Canonical(string header)
    {
        var h = header.Trim().TrimStart('\uFEFF');
        if (Aliases.TryGetValue(h, out var alias)) return alias;
        var lower = h.ToLowerInvariant();
        return Columns.Contains(lower) ? lower : null;
    }

    private static (List<string> Header, List<ImportRow> Rows) ReadCsv(ReadOnlySpan<byte> bytes)
    {
        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            text = Encoding.GetEncoding("GB18030").GetString(bytes); // Chinese Excel saves CSV in GB18030/GBK
        }
        using var csv = CsvReader.FromText(text.TrimStart('\uFEFF'), new CsvReaderOptions
        {
            TrimWhitespace = true, SkipEmptyLines = true, TrackLineNumbers = true, IncludeValuesInExceptions = false,
        });
        var rows = new List<ImportRow>();
        csv.ReadHeader();
        var header = csv.Headers.ToList();
        var columns = header.Select(Canonical).ToList();
        while (csv.Read())
        {
            var cells = new Dictionary<string, string>();
            for (var i = 0; i < columns.Count; i++)
                if (columns[i] is { } column) cells[column] = i < csv.FieldCount ? csv.GetString(i).Trim() : "";
            if (cells.Values.All(v => v.Length == 0)) continue;
            rows.Add(new ImportRow((int)csv.LineNumber, cells));
            if (rows.Count > MaxRows) break;
        }
        return (header, rows);
    }

    private static (List<string> Header, List<ImportRow> Rows) ReadXlsx(Stream stream)
    {
        var rows = new List<ImportRow>();
        List<string>? header = null;
        List<string?> columns = [];
        var number = 0;
        // Without a header row MiniExcel keys cells by column letter (A, B, …); the first row is the header.
        foreach (IDictionary<string, object?> row in MiniExcel.Query(stream, useHeaderRow: false, excelType: ExcelType.XLSX))
        {
            number++;
            var values = row.Values.Select(Cell).ToList();
            if (header is null)
            {
                header = values.Select(v => v.Trim()).ToList();
                while (header.Count > 0 && header[^1].Length == 0) header.RemoveAt(header.Count - 1);
                columns = header.Select(Canonical).ToList();
                continue;
            }
            var cells = new Dictionary<string, string>();
            for (var i = 0; i < columns.Count; i++)
                if (columns[i] is { } column) cells[column] = i < values.Count ? values[i].Trim() : "";
            if (cells.Values.All(v => v.Length == 0)) continue;
            rows.Add(new ImportRow(number, cells));
            if (rows.Count > MaxRows) break;
        }
        return (header ?? [], rows);
    }

    private static string Cell(object? value) => value switch
    {
        null => "",
        string s => s,
        DateTime d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        double d when d == Math.Floor(d) && Math.Abs(d) < 1e15 => d.ToString("0", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
