using Linli.Modules.Indicators.Domain;
using Linli.Modules.Indicators.Features.Board;
using Linli.Platform.Errors;
using Linli.Platform.Export;
using Linli.Platform.Paging;

namespace Linli.Modules.Indicators.Features.BelowStandard;

/// <summary>A unit below the indicator's standard: where it is, its own value, the standard and the gap.</summary>
internal sealed record BelowStandardRow(string Code, string Name, string? Street, string? District, double? Value, double Standard, double Gap);

internal static class BelowStandardEndpoint
{
    public const string AuditSubject = Platform.Audit.AuditSubjects.IndicatorBelowStandard;

    public static async Task<(Indicator Indicator, YearFigures Figures, Regions.Contracts.RegionInfo Region, IReadOnlyList<BelowStandardRow> Rows)> RowsAsync(
        IndicatorBoard board, string code, string? region, int? year, CancellationToken ct)
    {
        var indicator = board.Catalog.Find(code) ?? throw new NotFoundException("没有代码为 {0} 的指标。", code);
        var figures = await board.ForYearAsync(board.CheckYear(year), ct);
        var unit = board.CheckRegion(region, figures);
        string? NameAt(string unitCode, int length) => unitCode.Length > length ? figures.Tree.Find(unitCode[..length])?.Name : null;
        var rows = figures.ByIndicator[code].Shortfalls
            .Where(s => s.RegionCode.StartsWith(unit.Code, StringComparison.Ordinal))
            .Select(s => new BelowStandardRow(s.RegionCode, figures.Tree.Find(s.RegionCode)?.Name ?? s.RegionCode, NameAt(s.RegionCode, 9), NameAt(s.RegionCode, 6),
                s.Quantity is { } q ? indicator.Round(q) : null, s.Standard, indicator.Round(s.Gap)))
            .ToList();
        return (indicator, figures, unit, rows);
    }

    public static readonly IReadOnlyList<string> Headers = ["区划代码", "单位", "街道（乡镇）", "区县（市）", "本单位数值", "标准", "差距"];

    public static object?[] Cells(BelowStandardRow r) => [r.Code, r.Name, r.Street, r.District, r.Value, r.Standard, r.Gap];

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/{code}/below-standard", async (string code, string? region, int? year, int? page, int? pageSize, IndicatorBoard board, CancellationToken ct) =>
            {
                var (_, figures, unit, rows) = await RowsAsync(board, code, region, year, ct);
                var (p, size) = Paging.Normalize(page, pageSize);
                return TypedResults.Ok(new
                {
                    Region = IndicatorRows.Ref(unit), figures.Year, figures.AsOf,
                    Units = new Paged<BelowStandardRow>(rows.Skip((p - 1) * size).Take(size).ToList(), p, size, rows.Count),
                });
            })
            .WithName("ListBelowStandard")
            .WithSummary("The units under a region that fall below the indicator's standard (e.g. urban facilities under 600 m²), largest gap first, paginated.");
        api.MapGet("/{code}/below-standard/export", async (string code, string? region, int? year, string? format, IndicatorBoard board, TableExporter exporter, CancellationToken ct) =>
            {
                var kind = ExportFormats.Parse(format);
                var (indicator, figures, unit, rows) = await RowsAsync(board, code, region, year, ct);
                return await exporter.FileAsync(new ExportTable(AuditSubject, $"未达标单位：{indicator.DisplayName}", $"indicator-{indicator.Code}-below-standard-{figures.Year}",
                    unit.Code, $"{figures.Year} 年（截至 {figures.AsOf:yyyy-MM-dd}）", Headers, rows.Select(Cells).ToAsyncEnumerable()), kind, ct);
            })
            .RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Export)
            .WithName("ExportBelowStandard")
            .WithSummary("The same list as an Excel workbook (format=xlsx, default) or CSV (format=csv), under a title row; audited.");
    }
}
