using Linli.Modules.Facilities.Contracts;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.Facilities.Pages;

/// <summary>
/// Facilities of one type on the district map: wwwroot/js/facility-map.js draws the ECharts map from the district boundaries
/// and the facilities' points (both from the API); without JavaScript the list page has the same facilities.
/// </summary>
[Authorize]
internal sealed class MapModel : PageModel
{
    [BindProperty(SupportsGet = true)] public FacilityType? Type { get; set; }

    public void OnGet() => Type ??= FacilityType.PartyMassServiceCentre;
}
