using System.Globalization;
using System.Text;
using Linli.Platform.Auth;
using Linli.Platform.Ui;
using MiniExcelLibs;
using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Audit;

/// <summary>Recording an export in the audit log: what was exported, in which format, how many rows, with which filters.</summary>
internal static class AuditExports
{
    /// <param name="subjectType">What was exported (an <see cref="AuditSubjects"/> kind, labelled on the audit page).</param>
    /// <param name="format">xlsx or csv.</param>
    /// <param name="regionCode">The area the exported rows belong to (the caller's area or the region filter).</param>
    /// <param name="filters">The filters in words, for the reader of the log; never a personal number.</param>
    public static Task RecordExportAsync(this IAuditLog audit, string subjectType, string format, string regionCode, long rows, string filters,
        CancellationToken cancellationToken = default) =>
        audit.RecordAsync(new AuditRecord(AuditActions.Export, subjectType, "", regionCode) { Field = format, Reason = filters, Count = rows }, cancellationToken);
}

/// <summary>
/// The audit log as a file, streamed from the database into a temporary file (constant memory at any size), recorded in
/// the log itself before it is handed out.
/// </summary>
internal static class AuditExport
{
    /// <summary>Excel's sheet holds 1,048,576 rows; an export stops below that.</summary>
    public const int MaxRows = 1_000_000;

    public static readonly IReadOnlyList<string> Headers =
        ["序号", "时间（北京时间）", "用户名", "姓名", "操作", "对象类型", "对象编号", "对象名称", "行政区划代码", "行政区划", "字段", "事由", "数量"];

    public static async Task<IResult> FileAsync(IQueryable<AuditEntry> ordered, AuditFilter filter, string format, IAreaScope scope,
        AuditPresenter presenter, IAuditLog audit, CancellationToken cancellationToken)
    {
        var path = Path.Combine(Path.GetTempPath(), $"linli-audit-{Guid.NewGuid():N}.{format}");
        long rows;
        try
        {
            rows = format == "csv"
                ? await WriteCsvAsync(ordered, path, presenter, cancellationToken)
                : await WriteXlsxAsync(ordered, path, presenter, cancellationToken);
            await audit.RecordExportAsync(AuditSubjects.AuditLog, format, filter.Region ?? scope.RegionPrefix ?? "", rows, Describe(filter), cancellationToken);
        }
        catch
        {
            File.Delete(path);
            throw;
        }
        var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 64 * 1024, FileOptions.DeleteOnClose | FileOptions.Asynchronous);
        var name = $"audit-log-{DateTime.UtcNow:yyyyMMdd-HHmmss}.{format}";
        return format == "csv"
            ? Results.File(stream, "text/csv; charset=utf-8", name)
            : Results.File(stream, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name);
    }

    /// <summary>The filters in words, for the export's own audit entry.</summary>
    public static string Describe(AuditFilter f)
    {
        var parts = new List<string>();
        if (!string.IsNullOrWhiteSpace(f.UserName)) parts.Add("用户名=" + f.UserName.Trim());
        if (!string.IsNullOrWhiteSpace(f.Action)) parts.Add("操作=" + AuditLabels.Action(f.Action.Trim()));
        if (!string.IsNullOrWhiteSpace(f.SubjectType)) parts.Add("对象类型=" + AuditLabels.Subject(f.SubjectType.Trim()));
        if (!string.IsNullOrWhiteSpace(f.SubjectId)) parts.Add("对象编号=" + f.SubjectId.Trim());
        if (!string.IsNullOrWhiteSpace(f.Region)) parts.Add("区划=" + f.Region.Trim());
        if (f.FromUtc is { } from) parts.Add("自 " + Display.ChinaTime(from));
        if (f.ToUtc is { } to) parts.Add("至 " + Display.ChinaTime(to));
        return parts.Count == 0 ? "全部" : string.Join("；", parts);
    }

    private static async Task<long> WriteCsvAsync(IQueryable<AuditEntry> ordered, string path, AuditPresenter presenter, CancellationToken cancellationToken)
    {
        await using var writer = new StreamWriter(path, false, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        await writer.WriteAsync(string.Join(',', Headers.Select(h => Quote(presenter.Text(h)))) + "\r\n");
        long rows = 0;
        await foreach (var batch in BatchesAsync(ordered, presenter, cancellationToken))
        {
            foreach (var cells in batch)
            {
                await writer.WriteAsync(string.Join(',', cells.Select(c => Quote(c switch
                {
                    null => "",
                    IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
                    _ => c.ToString() ?? "",
                }))) + "\r\n");
                rows++;
            }
        }
        return rows;
    }

    private static async Task<long> WriteXlsxAsync(IQueryable<AuditEntry> ordered, string path, AuditPresenter presenter, CancellationToken cancellationToken)
    {
        var headers = Headers.Select(presenter.Text).ToArray();
        long rows = 0;
        async IAsyncEnumerable<Dictionary<string, object?>> Rows()
        {
            await foreach (var batch in BatchesAsync(ordered, presenter, cancellationToken))
            foreach (var cells in batch)
            {
                var row = new Dictionary<string, object?>(headers.Length);
                for (var i = 0; i < headers.Length; i++) row[headers[i]] = cells[i];
                rows++;
                yield return row;
            }
        }
        // MiniExcel writes each row as it is enumerated: one batch of entries in memory at a time.
        await using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.ReadWrite))
            await stream.SaveAsAsync(Rows(), excelType: ExcelType.XLSX, sheetName: "audit", cancellationToken: cancellationToken);
        return rows;
    }

    private const int BatchSize = 5_000;

    /// <summary>
    /// The rows in batches by keyset on (time, sequence), newest first, so the hundredth batch costs what the first does.
    /// The redundant "at ≤ last" lets the database start its index scan at the last row instead of filtering from the top.
    /// </summary>
    private static async IAsyncEnumerable<List<object?[]>> BatchesAsync(IQueryable<AuditEntry> ordered, AuditPresenter presenter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var remaining = MaxRows;
        (DateTime At, long Sequence)? last = null;
        while (remaining > 0)
        {
            var page = ordered;
            if (last is { } l) page = page.Where(e => e.At <= l.At && (e.At < l.At || e.Sequence < l.Sequence));
            var entries = await page.Take(Math.Min(BatchSize, remaining)).ToListAsync(cancellationToken);
            if (entries.Count == 0) yield break;
            var regions = await presenter.RegionNamesAsync(entries, cancellationToken);
            yield return entries.Select(e => new object?[]
            {
                e.Sequence, Display.ChinaTime(e.At), e.UserName, e.UserDisplayName, presenter.Action(e.Action), presenter.Subject(e.SubjectType),
                e.SubjectId, e.SubjectLabel, e.RegionCode, regions.GetValueOrDefault(e.RegionCode), presenter.Field(e.Field), e.Reason, e.Count,
            }).ToList();
            remaining -= entries.Count;
            last = (entries[^1].At, entries[^1].Sequence);
            if (entries.Count < BatchSize) yield break;
        }
    }

    // Cells that spreadsheet programs would run as formulas are quoted and prefixed; see OWASP "CSV injection".
    private static string Quote(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r') value = "'" + value;
        return value.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;
    }
}
