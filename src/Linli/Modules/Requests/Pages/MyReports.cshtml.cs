using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.MyReports;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.Requests.Pages;

/// <summary>
/// 我的上报: a grid or community worker's own patrol reports with their state, filtered by state and filing day, each
/// linked to its ticket page — the same query as GET /api/requests/my-reports.
/// </summary>
[Authorize(Policy = RequestsPermissions.ReportPatrolFindings)]
internal sealed class MyReportsModel(RequestsDbContext db, IAreaScope scope, UnitNames units, CategoryCatalog catalog) : PageModel
{
    [BindProperty(SupportsGet = true)] public TicketState? State { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<MyReport> Reports { get; private set; } = new([], 1, MyReports.PageSize, 0);
    public Dictionary<string, string> UnitLabels { get; private set; } = [];
    public CategoryTree Tree { get; private set; } = new([]);
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!ModelState.IsValid)
        {
            // A date or state the binder could not read: say so and show the unfiltered list rather than a bare 400.
            Message = "筛选条件有误，请检查日期和状态。";
            (State, From, To) = (null, null, null);
        }
        try
        {
            Reports = await MyReports.ListAsync(db, Actor.From(User, scope), new MyReportsFilter(State, From, To), PageNumber, MyReports.PageSize, ct);
        }
        catch (ValidationFailedException)
        {
            Message = "结束日期不能早于开始日期。";
            Reports = await MyReports.ListAsync(db, Actor.From(User, scope), new MyReportsFilter(State), PageNumber, MyReports.PageSize, ct);
        }
        UnitLabels = await units.NamesAsync(Reports.Items.SelectMany(r => new[] { r.AssignedUnitCode, r.CommunityCode }), ct);
        Tree = await CategoryPaths.TreeAsync(catalog, ct);
    }
}
