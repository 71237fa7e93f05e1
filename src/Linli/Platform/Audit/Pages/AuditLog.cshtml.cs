using System.ComponentModel.DataAnnotations;
using Linli.Platform.Auth;
using Linli.Platform.Localization;
using Linli.Platform.Paging;
using Linli.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Linli.Platform.Audit.Pages;

/// <summary>
/// The audit log for people who may read it, limited like GET /api/audit to entries whose region lies in the caller's
/// area. The filters go in a POST body: a user name and a subject id can point at a person, and do not belong in a URL.
/// </summary>
[Authorize(Policy = Permissions.ReadAudit)]
internal sealed class AuditLogModel(AuditDbContext db, IAreaScope scope, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = 50;

    [BindProperty, StringLength(256, ErrorMessage = "{0}不能超过{1}个字符。"), Display(Name = "用户名")] public string? UserName { get; set; }
    [BindProperty, StringLength(64, ErrorMessage = "{0}不能超过{1}个字符。"), Display(Name = "对象编号")] public string? SubjectId { get; set; }
    [BindProperty] public DateOnly? From { get; set; }
    [BindProperty] public DateOnly? To { get; set; }
    [BindProperty] public int? PageNumber { get; set; }

    public Paged<AuditEntry> Result { get; private set; } = new([], 1, PageSize, 0);

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task OnPostAsync(CancellationToken ct)
    {
        if (From is { } from && To is { } to && to < from)
            ModelState.AddModelError(nameof(To), text["结束日期不能早于开始日期。"]);
        return ModelState.IsValid ? LoadAsync(ct) : Task.CompletedTask;
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // Dates are China Standard Time calendar days, both ends included.
        var query = AuditQuery.Filter(db, scope, UserName, null, SubjectId,
            From is { } fromDay ? Display.ChinaDayStartUtc(fromDay) : null, To is { } toDay ? Display.ChinaDayStartUtc(toDay.AddDays(1)) : null);
        Result = await query.ToPagedAsync(PageNumber, PageSize, ct);
    }
}
