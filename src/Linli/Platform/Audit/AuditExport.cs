using Linli.Platform.Auth;
using Linli.Platform.Ui;
using Linli.Platform.Export;
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
/// The audit log as a file, through the platform's <see cref="TableExporter"/> (title row, Chinese headers, row cap, the
/// export itself audited), read from the database in keyset batches (constant memory at any size).
/// </summary>
internal static class AuditExport
{
    /// <summary>Excel's sheet holds 1,048,576 rows; an export stops below that.</summary>
    public const int MaxRows = TableExporter.SheetRows;
    public const string Title = "审计日志";

    public static readonly IReadOnlyList<string> Headers =
        ["序号", "时间（北京时间）", "用户名", "姓名", "操作", "对象类型", "对象编号", "对象名称", "行政区划代码", "行政区划", "字段", "事由", "数量"];

    public static Task<IResult> FileAsync(IQueryable<AuditEntry> ordered, AuditFilter filter, ExportFormat format, IAreaScope scope,
        AuditPresenter presenter, TableExporter exporter, CancellationToken cancellationToken) =>
        exporter.FileAsync(new ExportTable(AuditSubjects.AuditLog, Title, "audit-log", filter.Region ?? scope.RegionPrefix ?? "", Describe(filter), Headers,
            RowsAsync(ordered, presenter, cancellationToken)) { MaxRows = MaxRows }, format, cancellationToken);

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

    private const int BatchSize = 5_000;

    /// <summary>
    /// The rows in batches by keyset on (time, sequence), newest first, so the hundredth batch costs what the first does.
    /// The redundant "at ≤ last" lets the database start its index scan at the last row instead of filtering from the top.
    /// </summary>
    private static async IAsyncEnumerable<object?[]> RowsAsync(IQueryable<AuditEntry> ordered, AuditPresenter presenter,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        (DateTime At, long Sequence)? last = null;
        while (true)
        {
            var page = ordered;
            if (last is { } l) page = page.Where(e => e.At <= l.At && (e.At < l.At || e.Sequence < l.Sequence));
            var entries = await page.Take(BatchSize).ToListAsync(cancellationToken);
            if (entries.Count == 0) yield break;
            var regions = await presenter.RegionNamesAsync(entries, cancellationToken);
            foreach (var e in entries)
                yield return
                [
                    e.Sequence, Display.ChinaTime(e.At), e.UserName, e.UserDisplayName, presenter.Action(e.Action), presenter.Subject(e.SubjectType),
                    e.SubjectId, e.SubjectLabel, e.RegionCode, regions.GetValueOrDefault(e.RegionCode), presenter.Field(e.Field), e.Reason, e.Count,
                ];
            last = (entries[^1].At, entries[^1].Sequence);
            if (entries.Count < BatchSize) yield break;
        }
    }
}
