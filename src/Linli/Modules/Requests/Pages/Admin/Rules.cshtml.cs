using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Features.ListRoutingRules;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.Requests.Pages.Admin;

/// <summary>The current routing rule of every leaf category (the same query as GET /api/requests/routing-rules), by department.</summary>
[Authorize(Policy = RequestsPermissions.ConfigureRequests)]
internal sealed class RulesModel(RequestsDbContext db, IDepartmentDirectory departments) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Department { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<RoutingRuleItem> Items { get; private set; } = null!;
    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];
    public Dictionary<string, string> Names { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        Departments = await departments.ListAsync(includeInactive: true, ct);
        Names = Departments.ToDictionary(d => d.Code, d => d.Name);
        Items = await ListRoutingRulesEndpoint.ListAsync(null, Department, false, PageNumber, 50, db, ct);
    }
}
