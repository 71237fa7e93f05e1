using System.Globalization;
using System.Security.Claims;
using CsvHelper;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Linli.Platform.Ui;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;
using MiniExcelLibs;

namespace Linli.Platform.Export;

internal enum ExportFormat
{
    Xlsx = 1,
    Csv,
}

internal static class ExportFormats
{
    /// <summary>"xlsx" (also when absent) or "csv", in any case; anything else is a 400 naming <c>format</c>.</summary>
    public static ExportFormat Parse(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "xlsx" => ExportFormat.Xlsx,
        "csv" => ExportFormat.Csv,
        _ => throw ValidationFailedException.For("format", "导出格式只能是 xlsx 或 csv。"),
    };

    public static string Extension(this ExportFormat format) => format == ExportFormat.Csv ? "csv" : "xlsx";
}

/// <summary>The export limits (configuration section Export).</summary>
internal sealed class ExportOptions
{
    public const string Section = "Export";

    /// <summary>Rows one export may hold; a larger result is refused with a message asking for narrower filters.</summary>
    public int MaxRows { get; set; } = 100_000;
}

/// <summary>
/// One table to export. <paramref name="What"/> names it in the title row (e.g. 工单队列：待派单); <paramref name="RegionCode"/>
/// is the area its rows belong to (the caller's area or the region filter), named in the title and recorded in the audit
/// entry with <paramref name="SubjectType"/> and <paramref name="Filters"/> (in words, never a personal number).
/// <paramref name="Headers"/> are the Chinese column names; <paramref name="Rows"/> is read once, row by row, so a source
/// that pages by keyset keeps one batch in memory whatever the size.
/// </summary>
internal sealed record ExportTable(string SubjectType, string What, string FileStem, string RegionCode, string Filters,
    IReadOnlyList<string> Headers, IAsyncEnumerable<object?[]> Rows)
{
    /// <summary>A lower cap than <see cref="ExportOptions.MaxRows"/> for this table; null keeps the configured one.</summary>
    public int? MaxRows { get; init; }

    /// <summary>Names the area in the title instead of <see cref="RegionCode"/>'s name (a department, for instance).</summary>
    public string? AreaLabel { get; init; }

    /// <summary>
    /// Whether the source holds more than the given number of rows, asked before any row is read: a source that can
    /// answer from an index refuses an oversized export at once instead of after reading and writing the cap's worth.
    /// </summary>
    public Func<int, CancellationToken, Task<bool>>? HasMoreThanAsync { get; init; }
}

/// <summary>One sheet of a workbook of several tables (a report): its tab name, what it holds (its title row), headers and rows.</summary>
internal sealed record ExportSheet(string Name, string What, IReadOnlyList<string> Headers, IReadOnlyList<object?[]> Rows);

/// <summary>
/// Every export of the platform: a title row (what, which area, when, by whom, with which filters), the Chinese header
/// row, then the rows — as an Excel workbook or as CSV in UTF-8 with a byte-order mark (so that Excel reads the Chinese).
/// The file is written to a temporary file first (constant memory at any size), capped at <see cref="ExportOptions.MaxRows"/>
/// (past it nothing is handed out and the caller is told to narrow the filters), recorded in the audit log, and then streamed out.
/// Endpoints that use it opt into the export rate limit (<see cref="RateLimiting.RateLimitPolicies.Export"/>).
/// </summary>
internal sealed class TableExporter(IAuditLog audit, IAreaScope scope, IHttpContextAccessor http, TimeProvider clock, IStringLocalizer<SharedResource> text,
    IEnumerable<IRegionNames> regionNames, IOptions<ExportOptions> options)
{
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string CsvType = "text/csv; charset=utf-8";

    /// <summary>Excel's sheet holds 1,048,576 rows; a table stays below it whatever is configured.</summary>
    public const int SheetRows = 1_000_000;

    public int MaxRowsFor(ExportTable table) => Math.Min(SheetRows, Math.Min(table.MaxRows ?? int.MaxValue, options.Value.MaxRows));

    public async Task<IResult> FileAsync(ExportTable table, ExportFormat format, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"linli-export-{Guid.NewGuid():N}.{format.Extension()}");
        var now = clock.GetUtcNow().UtcDateTime;
        try
        {
            var title = await TitleAsync(table, now, cancellationToken);
            var headers = table.Headers.Select(h => text[h].Value).ToArray();
            var max = MaxRowsFor(table);
            if (table.HasMoreThanAsync is { } hasMore && await hasMore(max, cancellationToken)) throw TooMany(max);
            var capped = new CappedRows(table.Rows, max);
            if (format == ExportFormat.Csv) await WriteCsvAsync(path, title, headers, capped, cancellationToken);
            else await WriteXlsxAsync(path, title, headers, capped, cancellationToken);
            if (capped.Exceeded) throw TooMany(max);
            await audit.RecordExportAsync(table.SubjectType, format.Extension(), table.RegionCode, capped.Count, table.Filters, cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024,
            FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var name = FileName(table.FileStem, now, format.Extension());
        return Results.File(stream, format == ExportFormat.Csv ? CsvType : XlsxType, name);
    }

    /// <summary>
    /// Several tables as the sheets of one workbook (a yearly report), each under its own title row, audited once with the
    /// rows of all sheets. The sheets are small (a report's tables), so they are held in memory; tab names are made valid
    /// for Excel (at most 31 characters, none of []:*?/\) and unique.
    /// </summary>
    public async Task<IResult> WorkbookAsync(string subjectType, string fileStem, string regionCode, string filters, IReadOnlyList<ExportSheet> sheets,
        CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var total = sheets.Sum(s => s.Rows.Count);
        if (sheets.Any(s => s.Rows.Count > SheetRows) || total > options.Value.MaxRows) throw TooMany(options.Value.MaxRows);
        var book = new Dictionary<string, object>(StringComparer.OrdinalIgnoreCase);
        foreach (var sheet in sheets)
        {
            var title = await TitleAsync(new ExportTable(subjectType, sheet.What, fileStem, regionCode, filters, sheet.Headers, AsyncEnumerable.Empty<object?[]>()), now, cancellationToken);
            var columns = Enumerable.Range(0, sheet.Headers.Count).Select(ColumnName).ToArray();
            Dictionary<string, object?> Row(IReadOnlyList<object?> cells) => SheetRow(columns, cells);
            var rows = new List<Dictionary<string, object?>>(sheet.Rows.Count + 2) { Row([title]), Row(sheet.Headers.Select(h => (object?)text[h].Value).ToArray()) };
            rows.AddRange(sheet.Rows.Select(Row));
            book[SheetName(sheet.Name, book.Keys)] = rows;
        }
        var stream = new MemoryStream();
        await stream.SaveAsAsync(book, printHeader: false, excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
        await audit.RecordExportAsync(subjectType, "xlsx", regionCode, total, filters, cancellationToken);
        stream.Position = 0;
        var name = FileName(fileStem, now, "xlsx");
        return Results.File(stream, XlsxType, name);
    }

    /// <summary>A tab name Excel accepts: no []:*?/\, at most 31 characters, not yet used in the workbook.</summary>
    public static string SheetName(string wanted, IEnumerable<string> taken)
    {
        var clean = new string(wanted.Select(c => "[]:*?/\\".Contains(c) ? '_' : c).ToArray()).Trim();
        if (clean.Length == 0) clean = "Sheet";
        var used = taken.ToHashSet(StringComparer.OrdinalIgnoreCase);
        var name = clean.Length > 31 ? clean[..31] : clean;
        for (var n = 2; used.Contains(name); n++)
        {
            var suffix = $" ({n})";
            name = (clean.Length + suffix.Length > 31 ? clean[..(31 - suffix.Length)] : clean) + suffix;
        }
        return name;
    }

    private ValidationFailedException TooMany(int max) =>
        ValidationFailedException.For("filters", string.Format(CultureInfo.CurrentCulture,
            text["导出结果超过 {0} 行的上限，未生成文件：请缩小筛选条件（如区划、分类或日期范围）后分批导出。"].Value, max.ToString("N0", CultureInfo.CurrentCulture)));

    /// <summary>The title row: what, which area, when (China time), by whom, and the filters.</summary>
    public async Task<string> TitleAsync(ExportTable table, DateTime nowUtc, CancellationToken cancellationToken)
    {
        var area = table.AreaLabel;
        if (area is null && table.RegionCode.Length > 0 && regionNames.FirstOrDefault() is { } names)
            area = (await names.NamesAsync([table.RegionCode], cancellationToken)).GetValueOrDefault(table.RegionCode) is { } name
                ? $"{name}（{table.RegionCode}）" : table.RegionCode;
        area ??= table.RegionCode.Length > 0 ? table.RegionCode : text["全部区域"].Value;
        var user = http.HttpContext?.User;
        var display = user?.FindFirstValue(LinliClaims.DisplayName);
        var by = string.IsNullOrEmpty(display) || display == scope.UserName ? scope.UserName ?? "" : $"{display}（{scope.UserName}）";
        return string.Format(CultureInfo.CurrentCulture, text["{0} · 区域：{1} · 导出时间：{2}（北京时间）· 导出人：{3} · 筛选：{4}"].Value,
            text[table.What].Value, area, Display.ChinaTime(nowUtc), by, table.Filters);
    }

    private static async Task WriteCsvAsync(string path, string title, string[] headers, CappedRows rows, CancellationToken cancellationToken)
    {
        // RFC 4180 with CRLF; the byte-order mark makes Excel read UTF-8; cells a spreadsheet would run as formulas get a
        // leading quote (OWASP "CSV injection"); the title row has one field, so field counts differ by design.
        var options = CsvWriterOptions.Default with { WriteByteOrderMark = true, Injection = CsvInjection.Escape, ValidateFieldCount = false };
        await using var csv = CsvWriter.ToFile(path, options);
        await csv.WriteRecordAsync([title], cancellationToken);
        await csv.WriteRecordAsync(headers, cancellationToken);
        await foreach (var cells in rows.WithCancellation(cancellationToken))
            await csv.WriteRecordAsync(cells.Select(CsvText).ToArray(), cancellationToken);
        await csv.FlushAsync(cancellationToken);
    }

    private static string CsvText(object? cell) => cell switch
    {
        null => "",
        double d => d.ToString("0.####", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => cell.ToString() ?? "",
    };

    private static async Task WriteXlsxAsync(string path, string title, string[] headers, CappedRows rows, CancellationToken cancellationToken)
    {
        // Columns by letter and no header of MiniExcel's own: the title and the Chinese header are the first two rows.
        var columns = Enumerable.Range(0, headers.Length).Select(ColumnName).ToArray();
        async IAsyncEnumerable<Dictionary<string, object?>> Sheet()
        {
            yield return Row([title]);
            yield return Row(headers);
            await foreach (var cells in rows.WithCancellation(cancellationToken)) yield return Row(cells);
        }
        Dictionary<string, object?> Row(object?[] cells) => SheetRow(columns, cells);
        // MiniExcel writes each row as it is enumerated.
        await using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite);
        await stream.SaveAsAsync(Sheet(), printHeader: false, sheetName: "export", excelType: ExcelType.XLSX, cancellationToken: cancellationToken);
    }

    /// <summary>One row for MiniExcel: the cells under the column letters, missing cells empty.</summary>
    private static Dictionary<string, object?> SheetRow(string[] columns, IReadOnlyList<object?> cells)
    {
        var row = new Dictionary<string, object?>(columns.Length);
        for (var i = 0; i < columns.Length; i++) row[columns[i]] = i < cells.Count ? cells[i] : null;
        return row;
    }

    /// <summary>The download's name: the stem, then the China time of the export (yyyyMMdd-HHmmss).</summary>
    private static string FileName(string stem, DateTime nowUtc, string extension) =>
        $"{stem}-{Display.ChinaTime(nowUtc).Replace("-", "", StringComparison.Ordinal).Replace(":", "", StringComparison.Ordinal).Replace(' ', '-')}.{extension}";

    /// <summary>A, B, …, Z, AA, AB, … (Excel's column names).</summary>
    private static string ColumnName(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26) name = (char)('A' + (n - 1) % 26) + name;
        return name;
    }

    /// <summary>The rows up to the cap; reading one more than the cap marks the table as too large and stops.</summary>
    private sealed class CappedRows(IAsyncEnumerable<object?[]> rows, int max) : IAsyncEnumerable<object?[]>
    {
        public long Count { get; private set; }
        public bool Exceeded { get; private set; }

        public async IAsyncEnumerator<object?[]> GetAsyncEnumerator(CancellationToken cancellationToken = default)
        {
            await foreach (var row in rows.WithCancellation(cancellationToken))
            {
                if (Count == max)
                {
                    Exceeded = true;
                    yield break;
                }
                Count++;
                yield return row;
            }
        }
    }
}

internal static class ExportRegistration
{
    public static IServiceCollection AddTableExports(this IServiceCollection services, Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        services.AddOptions<ExportOptions>().Bind(configuration.GetSection(ExportOptions.Section))
            .Validate(o => o.MaxRows > 0, $"{ExportOptions.Section}:MaxRows must be at least 1.").ValidateOnStart();
        services.AddScoped<TableExporter>();
        return services;
    }
}
