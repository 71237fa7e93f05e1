using System.ComponentModel.DataAnnotations;
using Linli.Modules.Care.Domain;
using Linli.Modules.Care.Features.DueVisits;
using Linli.Modules.Care.Features.RecordVisit;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.Care.Pages;

/// <summary>What the page's visit form posts (the same fields as POST /api/care/visits).</summary>
internal sealed class VisitForm
{
    [Required] public long? ResidentId { get; set; }
    public VisitMethod Method { get; set; } = VisitMethod.Home;
    public Condition Health { get; set; } = Condition.Good;
    public Condition Living { get; set; } = Condition.Good;
    public Safety Safety { get; set; } = Safety.Safe;
    public Need Needs { get; set; } = Need.None;
    [MaxLength(CareLimits.Notes)] public string? Notes { get; set; }
}

/// <summary>
/// 今日探访: the grid worker's phone page — the visits due today (their window has opened) or missed, of their grid (a
/// community worker: their community), overdue first, each with a short form to record the visit; the same query and
/// the same recorder as the API.
/// </summary>
[Authorize(Policy = CarePermissions.ReadCare)]
internal sealed class VisitsModel(DueVisitsQuery query, VisitRecorder recorder, IAreaScope scope, PermissionCatalog permissions, TimeProvider clock) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }
    [BindProperty] public VisitForm Form { get; set; } = new();

    public Paged<DueVisitItem> Due { get; private set; } = new([], 1, PageSize, 0);
    public bool CanRecord { get; private set; }
    [TempData] public string? Recorded { get; set; }
    [TempData] public string? Ticket { get; set; }
    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (!permissions.Allows(User, CarePermissions.VisitResidents)) return Forbid();
        if (!ModelState.IsValid || Form.ResidentId is null)
        {
            Error = "探访记录填写有误，请检查后重新提交。";
            await LoadAsync(ct);
            return Page();
        }
        try
        {
            var visit = await recorder.RecordAsync(new RecordVisitRequest(Form.ResidentId, Form.Method, Form.Health, Form.Living, Form.Safety, Form.Needs, Form.Notes),
                User.FindFirst(LinliClaims.DisplayName)?.Value, ct);
            Recorded = visit.ResidentId.ToString(System.Globalization.CultureInfo.InvariantCulture);
            Ticket = visit.FollowUpTicketNumber;
            return RedirectToPage();
        }
        catch (ValidationFailedException)
        {
            Error = "探访记录填写有误，请检查后重新提交。";
        }
        catch (NotFoundException)
        {
            Error = "该关爱对象不在您的辖区内。";
        }
        catch (ConflictException)
        {
            // In the pool but without a special-group tag, or a follow-up the ticket intake could not open.
            Error = "该居民不在关爱名册上，或跟进工单未能生成。";
        }
        catch (ForbiddenException)
        {
            Error = "跟进工单未能生成：您不能在该居民的社区上报。";
        }
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        CanRecord = permissions.Allows(User, CarePermissions.VisitResidents);
        // Due today: the window opens before the end of today in China time.
        var now = clock.GetUtcNow().UtcDateTime;
        var endOfToday = WorkingCalendar.ChinaDay(now).AddDays(1).ToDateTime(TimeOnly.MinValue).AddHours(-8);
        Due = await query.ListAsync(new DueVisitFilter(DueBefore: DateTime.SpecifyKind(endOfToday, DateTimeKind.Utc), Grid: scope.Grid), PageNumber, PageSize, ct);
    }
}
