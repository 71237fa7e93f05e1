using Linli.Modules.Indicators.Features.BelowStandard;
using Linli.Modules.Indicators.Features.Board;
using Linli.Platform.Export;
using Linli.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Indicators.Features.Report;

/// <summary>One indicator's part of the report: its row and its breakdown by sub-region.</summary>
internal sealed record ReportIndicator(IndicatorRow Row, IReadOnlyList<ChildRow> Children);

/// <summary>A unit below standard, under the indicator it falls short of.</summary>
internal sealed record ReportShortfall(string IndicatorCode, string IndicatorName, BelowStandardRow Unit);

/// <summary>
/// The yearly compliance report (年度指标达标报告) of a region: every indicator with baseline, target, value and status, each
/// one's breakdown by sub-region, and the units below standard. The same content makes the workbook and the print page.
/// </summary>
internal sealed record YearlyReportData(RegionRef Region, int Year, DateOnly AsOf, string Plan, IReadOnlyList<ReportIndicator> Indicators,
    IReadOnlyList<ReportShortfall> Shortfalls)
{
    public const string AuditSubject = Platform.Audit.AuditSubjects.IndicatorReport;

    public static async Task<YearlyReportData> BuildAsync(IndicatorBoard board, string? region, int? year, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var figures = await board.ForYearAsync(board.CheckYear(year), ct);
        var unit = board.CheckRegion(region, figures);
        var indicators = new List<ReportIndicator>();
        var shortfalls = new List<ReportShortfall>();
        foreach (var indicator in board.Catalog.Indicators)
        {
            var row = IndicatorRows.Row(await board.StandingAsync(indicator, unit.Code, figures, ct), text);
            indicators.Add(new ReportIndicator(row, await IndicatorRows.ChildrenAsync(board, indicator, unit.Code, figures, text, ct)));
            var (_, _, _, units) = await BelowStandardEndpoint.RowsAsync(board, indicator.Code, unit.Code, figures.Year, ct);
            shortfalls.AddRange(units.Select(u => new ReportShortfall(indicator.Code, row.Name, u)));
        }
        return new YearlyReportData(IndicatorRows.Ref(unit), figures.Year, figures.AsOf, board.Catalog.Plan, indicators, shortfalls);
    }

    public static readonly IReadOnlyList<string> SummaryHeaders =
        ["序号", "指标", "单位", "属性", "2020年基期值", "本区域2020年实测值", "2025年目标值", "本年进度应达值", "本年数值", "分子", "分母", "状态", "说明"];

    public static object?[] SummaryCells(IndicatorRow r) =>
        [r.Number, r.Name, r.Unit, r.KindLabel, r.Baseline, r.Measured2020, r.Target, r.Expected, r.Value, r.Numerator, r.Denominator, r.StatusLabel, r.NoDataLabel];

    public static readonly IReadOnlyList<string> ChildHeaders = ["区划代码", "名称", "数值", "分子", "分母", "状态"];

    public static object?[] ChildCells(ChildRow c) => [c.Region.Code, c.Region.Name, c.Value, c.Numerator, c.Denominator, c.NoDataLabel ?? c.StatusLabel];

    public static readonly IReadOnlyList<string> ShortfallHeaders = ["指标", .. BelowStandardEndpoint.Headers];

    public IReadOnlyList<ExportSheet> Sheets()
    {
        var sheets = new List<ExportSheet>
        {
            new("指标汇总", $"{Year}年度指标达标情况", SummaryHeaders, Indicators.Select(i => SummaryCells(i.Row)).ToList()),
        };
        sheets.AddRange(Indicators.Where(i => i.Children.Count > 0).Select((i, n) =>
            new ExportSheet($"{n + 1}.{i.Row.Name}", $"{i.Row.Name}：按下级区划", ChildHeaders, i.Children.Select(ChildCells).ToList())));
        sheets.Add(new ExportSheet("未达标单位", "未达标单位", ShortfallHeaders,
            Shortfalls.Select(s => (object?[])[s.IndicatorName, .. BelowStandardEndpoint.Cells(s.Unit)]).ToList()));
        return sheets;
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/report", async (string? region, int? year, IndicatorBoard board, TableExporter exporter, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                var report = await BuildAsync(board, region, year, text, ct);
                return await exporter.WorkbookAsync(AuditSubject, $"indicator-report-{report.Region.Code}-{report.Year}", report.Region.Code,
                    $"{report.Year} 年（截至 {report.AsOf:yyyy-MM-dd}）", report.Sheets(), ct);
            })
            .RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Export)
            .WithName("IndicatorYearlyReport")
            .WithSummary("The yearly compliance report of a region as an Excel workbook: a sheet of every indicator (baseline, target, value, status), a sheet per indicator with its breakdown by sub-region, and a sheet of the units below standard; audited.");
        api.MapGet("/export", async (string? region, int? year, string? format, IndicatorBoard board, TableExporter exporter, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                var kind = ExportFormats.Parse(format);
                var figures = await board.ForYearAsync(board.CheckYear(year), ct);
                var unit = board.CheckRegion(region, figures);
                var rows = new List<object?[]>();
                foreach (var indicator in board.Catalog.Indicators)
                    rows.Add(SummaryCells(IndicatorRows.Row(await board.StandingAsync(indicator, unit.Code, figures, ct), text)));
                return await exporter.FileAsync(new ExportTable(AuditSubject, $"{figures.Year}年度指标达标情况", $"indicators-{unit.Code}-{figures.Year}", unit.Code,
                    $"{figures.Year} 年（截至 {figures.AsOf:yyyy-MM-dd}）", SummaryHeaders, rows.ToAsyncEnumerable()), kind, ct);
            })
            .RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Export)
            .WithName("ExportIndicators")
            .WithSummary("The list of every indicator at a region as Excel (format=xlsx, default) or CSV (format=csv); audited.");
        api.MapGet("/{code}/children/export", async (string code, string? region, int? year, string? format, IndicatorBoard board, TableExporter exporter,
                IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                var kind = ExportFormats.Parse(format);
                var indicator = board.Catalog.Find(code) ?? throw new Platform.Errors.NotFoundException("没有代码为 {0} 的指标。", code);
                var figures = await board.ForYearAsync(board.CheckYear(year), ct);
                var unit = board.CheckRegion(region, figures);
                var children = await IndicatorRows.ChildrenAsync(board, indicator, unit.Code, figures, text, ct);
                return await exporter.FileAsync(new ExportTable(AuditSubject, text["{0}：按下级区划", indicator.DisplayName].Value, $"indicator-{indicator.Code}-{unit.Code}-{figures.Year}", unit.Code,
                    $"{figures.Year} 年（截至 {figures.AsOf:yyyy-MM-dd}）", ChildHeaders, children.Select(ChildCells).ToAsyncEnumerable()), kind, ct);
            })
            .RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Export)
            .WithName("ExportIndicatorBreakdown")
            .WithSummary("One indicator's sub-regions ranked, as Excel or CSV; audited.");
    }
}
