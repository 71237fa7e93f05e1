using System.Globalization;
using Linli.Modules.Indicators.Domain;
using Linli.Modules.Indicators.Features.Board;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.Indicators.Pages;

/// <summary>What the indicator pages share: the region and year from the query, the trail of regions within the caller's area, number formats.</summary>
internal abstract class IndicatorPage(IndicatorBoard board) : PageModel
{
    protected IndicatorBoard Board => board;

    public string? Region { get; set; }
    public int Year { get; protected set; }
    public DateOnly AsOf { get; protected set; }
    public RegionRef? Unit { get; protected set; }

    /// <summary>A year outside the plan's range, told instead of refusing the page (the current year is shown).</summary>
    public string? YearMessage { get; protected set; }

    /// <summary>The region's ancestors the caller may open, city first.</summary>
    public IReadOnlyList<RegionRef> Trail { get; protected set; } = [];

    public IReadOnlyList<int> Years => Enumerable.Range(board.Catalog.BaselineYear, board.CurrentYear - board.Catalog.BaselineYear + 1).Reverse().ToList();

    /// <summary>The figures of the requested year at the requested region; null when the region is not within the caller's area.</summary>
    protected async Task<YearFigures?> LoadAsync(string? region, int? year, CancellationToken ct)
    {
        int y;
        try
        {
            y = board.CheckYear(year);
        }
        catch (ValidationFailedException)
        {
            YearMessage = "年份须在 {0} 至 {1} 之间，已显示本年。";
            y = board.CurrentYear;
        }
        var figures = await board.ForYearAsync(y, ct);
        Regions.Contracts.RegionInfo unit;
        try
        {
            unit = board.CheckRegion(region, figures);
        }
        catch (NotFoundException)
        {
            return null;
        }
        (Year, AsOf, Unit, Region) = (figures.Year, figures.AsOf, IndicatorRows.Ref(unit), unit.Code);
        var own = HttpContext.User.FindFirst(Platform.Auth.LinliClaims.ScopeRegion)?.Value ?? "";
        Trail = RegionTree.SelfAndAncestors(unit.Code).Where(c => c != unit.Code && c.StartsWith(own, StringComparison.Ordinal))
            .Select(figures.Tree.Find).OfType<Regions.Contracts.RegionInfo>().Select(IndicatorRows.Ref).ToList();
        return figures;
    }

    public string Query(string? region = null, int? year = null, string? indicator = null)
    {
        var parts = new List<string> { "region=" + Uri.EscapeDataString(region ?? Region ?? "") , "year=" + (year ?? Year).ToString(CultureInfo.InvariantCulture) };
        if (indicator is not null) parts.Add("indicator=" + Uri.EscapeDataString(indicator));
        return string.Join("&", parts);
    }

    public static string Format(double? value, int decimals) =>
        value is { } v ? v.ToString("N" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture) : "—";

    /// <summary>A value for a chart's data attribute: invariant digits, empty when there is none.</summary>
    public static string Data(double? value) => value is { } v ? v.ToString("0.####", CultureInfo.InvariantCulture) : "";

    public static string StatusClass(IndicatorStatus status) => "status status-" + status.ToString().ToLowerInvariant();
}
