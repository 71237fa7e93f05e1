using Linli.Modules.Indicators.Features.Board;
using Linli.Platform.Localization;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Indicators.Features.ListIndicators;

internal sealed record IndicatorList(RegionRef Region, int Year, DateOnly AsOf, string Plan, IReadOnlyList<IndicatorRow> Indicators);

internal static class ListIndicatorsEndpoint
{
    public static async Task<IndicatorList> ListAsync(IndicatorBoard board, string? region, int? year, IStringLocalizer<SharedResource> text, CancellationToken ct)
    {
        var figures = await board.ForYearAsync(board.CheckYear(year), ct);
        var unit = board.CheckRegion(region, figures);
        var rows = new List<IndicatorRow>();
        foreach (var indicator in board.Catalog.Indicators)
            rows.Add(IndicatorRows.Row(await board.StandingAsync(indicator, unit.Code, figures, ct), text));
        return new IndicatorList(IndicatorRows.Ref(unit), figures.Year, figures.AsOf, board.Catalog.Plan, rows);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/", async (string? region, int? year, IndicatorBoard board, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(board, region, year, text, ct)))
            .WithName("ListIndicators")
            .WithSummary("Every indicator of the plan at a region (default: the caller's area) for a year (default: this year, as of today; past years as of 31 December): value, numerator and denominator, 2020 baseline, the region's own 2020 value, 2025 target, the straight path's expected value, and the status (achieved, on track, behind, no data).");
}
