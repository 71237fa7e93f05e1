using Linli.Modules.Regions.Contracts;
using Linli.Modules.Regions.Features.GetRegion;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.Regions.Pages.Regions;

/// <summary>One unit of the region tree: its ancestors, its counts and its children with theirs. Without a code: the city.</summary>
[Authorize]
internal sealed class RegionModel(RegionDetailsQuery query, IRegionDirectory directory) : PageModel
{
    public RegionDetails? Details { get; private set; }
    public string? RequestedCode { get; private set; }
    public IReadOnlyList<string> CountKeys { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(string? code, CancellationToken ct)
    {
        code = code?.Trim() ?? (await directory.ListAsync(RegionLevel.City, "", ct)).FirstOrDefault()?.Code;
        RequestedCode = code;
        Details = code is null ? null : await query.GetAsync(code, ct);
        if (Details is null)
        {
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        CountKeys = RegionLabels.Order(Details.Counts.Keys.Concat(Details.Children.SelectMany(c => c.Counts.Keys)));
        return Page();
    }
}
