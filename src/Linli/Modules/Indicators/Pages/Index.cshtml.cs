using Linli.Modules.Indicators.Features.Board;
using Linli.Modules.Indicators.Features.ListIndicators;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Indicators.Pages;

/// <summary>
/// The dashboard of a region: every indicator with value, target and status, and for one chosen indicator the sub-regions
/// ranked (and, for the city, the districts on the map; wwwroot/js/indicator-charts.js draws it from the table).
/// </summary>
[Authorize(Policy = IndicatorsPermissions.ReadIndicators)]
internal sealed class IndexModel(IndicatorBoard board, IStringLocalizer<SharedResource> text) : IndicatorPage(board)
{
    [BindProperty(SupportsGet = true, Name = "region")] public string? RegionQuery { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? YearQuery { get; set; }
    [BindProperty(SupportsGet = true, Name = "indicator")] public string? IndicatorQuery { get; set; }

    public IReadOnlyList<IndicatorRow> Rows { get; private set; } = [];
    public IndicatorRow? Chosen { get; private set; }
    public IReadOnlyList<ChildRow> Children { get; private set; } = [];
    public bool ShowsDistrictMap { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(RegionQuery, YearQuery, ct) is not { } figures) return NotFound();
        Rows = (await ListIndicatorsEndpoint.ListAsync(Board, Region, Year, text, ct)).Indicators;
        Chosen = Rows.FirstOrDefault(r => r.Code == IndicatorQuery) ?? Rows.FirstOrDefault(r => r.Value is not null) ?? Rows.FirstOrDefault();
        if (Chosen is not null && Board.Catalog.Find(Chosen.Code) is { } indicator)
            Children = await IndicatorRows.ChildrenAsync(Board, indicator, Region!, figures, text, ct);
        ShowsDistrictMap = Unit!.Level == Regions.Contracts.RegionLevel.City;
        return Page();
    }
}
