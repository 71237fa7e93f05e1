using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Features.Catalog;
using Linli.Modules.ServiceDesk.Features.Catalog.GetServiceItem;
using Linli.Platform.Errors;
using Linli.Platform.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Linli.Modules.ServiceDesk.Pages.Catalog;

/// <summary>
/// One item's guide, public: who may apply, the limits, the modes, where it is handled, and every material with whether
/// the original or a copy is needed, so that a resident comes once with everything. <c>/print</c> is the same guide as a
/// checklist for paper. An unknown, unpublished or retired item is a 404 page that says so.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.PublicRead)]
internal sealed class ItemModel(ServiceDeskDbContext db, IDepartmentDirectory departments, IRegionDirectory regions) : PageModel
{
    public ItemVersionView? Item { get; private set; }
    public IReadOnlyList<string> DistrictNames { get; private set; } = [];
    public bool Print { get; private set; }

    public async Task<IActionResult> OnGetAsync(string code, string? view, CancellationToken ct)
    {
        Print = view == "print";
        try
        {
            Item = await GetServiceItemEndpoint.PublishedAsync(code, db, departments, ct);
        }
        catch (NotFoundException)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var names = await regions.NamesAsync(Item.Districts, ct);
        DistrictNames = [.. Item.Districts.Select(d => names.GetValueOrDefault(d, d))];
        return Page();
    }
}
