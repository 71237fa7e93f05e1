using Linli.Modules.Indicators.Features.BelowStandard;
using Linli.Modules.Indicators.Features.GetIndicator;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Indicators.Pages;

/// <summary>
/// One indicator at a region, explained: the formula, the measures in the numerator and denominator with their sums, the
/// sub-regions that make it up (each a link one level down), the trend since 2020 and the units below standard.
/// </summary>
[Authorize(Policy = IndicatorsPermissions.ReadIndicators)]
internal sealed class IndicatorModel(Features.Board.IndicatorBoard board, IStringLocalizer<SharedResource> text) : IndicatorPage(board)
{
    public const int BelowStandardShown = 50;

    [BindProperty(SupportsGet = true, Name = "code")] public string Code { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "region")] public string? RegionQuery { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? YearQuery { get; set; }

    public IndicatorDetails? Details { get; private set; }
    public IReadOnlyList<BelowStandardRow> BelowStandard { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Board.Catalog.Find(Code) is null || await LoadAsync(RegionQuery, YearQuery, ct) is null) return NotFound();
        Details = await GetIndicatorEndpoint.GetAsync(Board, Code, Region, Year, "children", text, ct);
        BelowStandard = (await BelowStandardEndpoint.RowsAsync(Board, Code, Region, Year, ct)).Rows.Take(BelowStandardShown).ToList();
        return Page();
    }
}
