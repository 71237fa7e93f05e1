using Linli.Modules.Regions.Contracts;
using Linli.Modules.Regions.Features.GetRegion;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.Regions.Pages.Regions;

/// <summary>
/// The districts coloured by one count. The table below the map is the same data without JavaScript; with it,
/// wwwroot/js/region-map.js draws the ECharts map from the boundaries and the city's counts (both from the API).
/// </summary>
[Authorize]
internal sealed class MapModel(RegionDetailsQuery query, IRegionDirectory directory) : PageModel
{
    /// <summary>The count the map is coloured by.</summary>
    [BindProperty(SupportsGet = true)] public string? Count { get; set; }

    public RegionDetails? City { get; private set; }
    public IReadOnlyList<string> CountKeys { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var cityCode = (await directory.ListAsync(RegionLevel.City, "", ct)).FirstOrDefault()?.Code;
        City = cityCode is null ? null : await query.GetAsync(cityCode, ct);
        if (City is null) return NotFound();
        CountKeys = RegionLabels.Order(City.Counts.Keys.Concat(City.Children.SelectMany(c => c.Counts.Keys)));
        if (Count is null || !CountKeys.Contains(Count))
            Count = CountKeys.Contains("residents") ? "residents" : CountKeys.FirstOrDefault();
        return Page();
    }
}
