using System.ComponentModel.DataAnnotations;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Features.Catalog;
using Linli.Modules.ServiceDesk.Features.Catalog.ListServiceItems;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Linli.Platform.RateLimiting;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Linli.Modules.ServiceDesk.Pages.Catalog;

/// <summary>
/// The public catalog (办事指南), no sign-in: search by name or code, filter by district (what its communities handle),
/// handling mode and department — the same query as GET /api/service-items.
/// </summary>
[EnableRateLimiting(RateLimitPolicies.PublicRead)]
internal sealed class IndexModel(ServiceDeskDbContext db, IDepartmentDirectory departments, IRegionDirectory regions) : PageModel
{
    [BindProperty(SupportsGet = true), MaxLength(ListServiceItemsEndpoint.SearchLength, ErrorMessage = "搜索内容不能超过 100 个字。")] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty(SupportsGet = true)] public HandlingModes? Mode { get; set; }
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<CatalogEntry> Items { get; private set; } = new([], 1, 20, 0);
    public IReadOnlyList<RegionInfo> Districts { get; private set; } = [];
    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Districts = await regions.ListAsync(RegionLevel.District, cancellationToken: ct);
        Departments = await departments.ListAsync(cancellationToken: ct);
        if (!ModelState.IsValid)
        {
            Message = "搜索内容不能超过 100 个字。";
            return;
        }
        try
        {
            Items = await ListServiceItemsEndpoint.ListAsync(new CatalogFilter(Search, District, Mode, Department), PageNumber, 20, db, departments, ct);
        }
        catch (ValidationFailedException e)
        {
            Message = e.Errors.Values.SelectMany(v => v).First();
        }
    }
}
