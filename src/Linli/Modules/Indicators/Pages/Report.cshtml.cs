using Linli.Modules.Indicators.Features.Report;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Indicators.Pages;

/// <summary>The yearly compliance report as a page to print (the workbook has the same content: Features/Report/YearlyReport.cs).</summary>
[Authorize(Policy = IndicatorsPermissions.ReadIndicators)]
internal sealed class ReportModel(Features.Board.IndicatorBoard board, IStringLocalizer<SharedResource> text) : IndicatorPage(board)
{
    [BindProperty(SupportsGet = true, Name = "region")] public string? RegionQuery { get; set; }
    [BindProperty(SupportsGet = true, Name = "year")] public int? YearQuery { get; set; }

    public YearlyReportData? Report { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (await LoadAsync(RegionQuery, YearQuery, ct) is null) return NotFound();
        Report = await YearlyReportData.BuildAsync(Board, Region, Year, text, ct);
        return Page();
    }
}
