using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Features.EditRoutingRule;
using Linli.Modules.Requests.Features.ListRoutingRules;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.Requests.Pages.Admin;

/// <summary>
/// One leaf category's routing rule: the form saves a new version through the module's use case (the same as PUT
/// /api/requests/routing-rules/{categoryId}); tickets keep the version they were routed under. Every version is listed.
/// </summary>
[Authorize(Policy = RequestsPermissions.ConfigureRequests)]
internal sealed class RuleModel(RequestsDbContext db, IDepartmentDirectory departments, IAreaScope caller, TimeProvider clock, IAuditLog audit,
    CategoryCatalog catalog) : PageModel
{
    [BindProperty] public string? DepartmentCode { get; set; }
    [BindProperty] public int SignHoursUrgent { get; set; }
    [BindProperty] public int SignHoursNormal { get; set; }
    [BindProperty] public int FinishDaysUrgent { get; set; }
    [BindProperty] public int FinishDaysNormal { get; set; }
    [BindProperty] public int? DuplicateRadiusMeters { get; set; }
    [BindProperty] public int? BasedOnVersion { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public RoutingRuleItem Current { get; private set; } = null!;
    public Paged<RoutingRuleItem> History { get; private set; } = null!;
    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];
    public Dictionary<string, string> Names { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(int categoryId, CancellationToken ct)
    {
        Done = TempData["Done"] as string;
        if (!await LoadAsync(categoryId, ct)) return NotFound();
        (DepartmentCode, SignHoursUrgent, SignHoursNormal, FinishDaysUrgent, FinishDaysNormal, DuplicateRadiusMeters, BasedOnVersion) =
            (Current.DepartmentCode, Current.SignHoursUrgent, Current.SignHoursNormal, Current.FinishDaysUrgent, Current.FinishDaysNormal,
                Current.DuplicateRadiusMeters, Current.Version);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int categoryId, CancellationToken ct)
    {
        var request = new EditRoutingRuleRequest(DepartmentCode, SignHoursUrgent, SignHoursNormal, FinishDaysUrgent, FinishDaysNormal, DuplicateRadiusMeters, BasedOnVersion);
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        if (!System.ComponentModel.DataAnnotations.Validator.TryValidateObject(request, new(request), results, validateAllProperties: true))
            Message = "时限超出范围：签收 1–240 小时，办结 1–365 个工作日，查重半径 10–10000 米。";
        else
        {
            try
            {
                var saved = await EditRoutingRuleEndpoint.HandleAsync(categoryId, request, db, departments, caller, clock, audit, catalog, ct);
                TempData["Done"] = saved.Version.ToString(System.Globalization.CultureInfo.InvariantCulture);
                return Redirect($"/requests/admin/rules/{categoryId}");
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
            catch (ValidationFailedException invalid)
            {
                Message = invalid.Errors.Keys.FirstOrDefault() switch
                {
                    nameof(request.SignHoursUrgent) => "紧急诉求的签收时限不能长于一般诉求。",
                    nameof(request.FinishDaysUrgent) => "紧急诉求的办结时限不能长于一般诉求。",
                    nameof(request.DepartmentCode) => "承办部门不存在或已停用。",
                    _ => "派单规则只属于三级分类。",
                };
            }
            catch (ConflictException)
            {
                Message = "规则已被他人修改，请刷新页面后重试。";
            }
        }
        db.ChangeTracker.Clear();
        if (!await LoadAsync(categoryId, ct)) return NotFound();
        return Page();
    }

    private async Task<bool> LoadAsync(int categoryId, CancellationToken ct)
    {
        var current = await ListRoutingRulesEndpoint.ListAsync(categoryId, null, false, 1, 1, db, ct);
        if (current.Items.Count == 0) return false;
        Current = current.Items[0];
        History = await ListRoutingRulesEndpoint.ListAsync(categoryId, null, true, PageNumber, 20, db, ct);
        Departments = await departments.ListAsync(cancellationToken: ct);
        Names = (await departments.ListAsync(includeInactive: true, ct)).ToDictionary(d => d.Code, d => d.Name);
        return true;
    }
}
