using System.ComponentModel.DataAnnotations;
using Linli.Platform.Auth;
using Linli.Platform.Localization;
using Linli.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Linli.Platform.Audit.Pages;

/// <summary>
/// The audit log for people who may read it, limited like GET /api/audit to entries whose region lies in the caller's
/// area, with labels instead of codes. The filters go in a POST body: a user name can point at a person, and does not
/// belong in a URL. The same filters export the log (itself an audited act) through /audit/export, a page of its own so
/// that the export rate limit counts exports only.
/// </summary>
[Authorize(Policy = PlatformPermissions.ReadAudit)]
internal sealed class AuditLogModel(AuditDbContext db, IAreaScope scope, AuditPresenter presenter, IStringLocalizer<SharedResource> text) : AuditFilterPage(text)
{
    public const int PageSize = 50;

    [BindProperty] public int? PageNumber { get; set; }

    public AuditPage<AuditEntry> Result { get; private set; } = new([], 1, PageSize, 0, false);
    public IReadOnlyDictionary<string, string> RegionNames { get; private set; } = new Dictionary<string, string>();
    public AuditPresenter Labels => presenter;

    public Task OnGetAsync(CancellationToken ct) => LoadAsync(ct);

    public Task OnPostAsync(CancellationToken ct) => Valid() ? LoadAsync(ct) : Task.CompletedTask;

    private async Task LoadAsync(CancellationToken ct)
    {
        Result = await AuditQuery.PageAsync(db, scope, Filter(), PageNumber, PageSize, ct);
        RegionNames = await presenter.RegionNamesAsync(Result.Items, ct);
    }
}

/// <summary>The audit page's filters, bound from its form; the export page (Pages/AuditExport) binds the same fields.</summary>
internal abstract class AuditFilterPage(IStringLocalizer<SharedResource> text) : PageModel
{
    protected IStringLocalizer<SharedResource> Localizer { get; } = text;

    [BindProperty, StringLength(AuditLimits.UserName, ErrorMessage = "{0}不能超过{1}个字符。"), Display(Name = "用户名")] public string? UserName { get; set; }
    [BindProperty, StringLength(AuditLimits.Code, ErrorMessage = "{0}不能超过{1}个字符。"), Display(Name = "操作")] public string? ActionCode { get; set; }
    [BindProperty, StringLength(AuditLimits.Code, ErrorMessage = "{0}不能超过{1}个字符。"), Display(Name = "对象类型")] public string? SubjectType { get; set; }
    [BindProperty, StringLength(AuditLimits.Code, ErrorMessage = "{0}不能超过{1}个字符。"), Display(Name = "对象编号")] public string? SubjectId { get; set; }
    [BindProperty, RegularExpression(@"^\d{1,15}$", ErrorMessage = "区划代码前缀只能是 1–15 位数字。"), Display(Name = "行政区划代码")] public string? Region { get; set; }
    [BindProperty, Validation.PlausibleDate] public DateOnly? From { get; set; }
    [BindProperty, Validation.PlausibleDate] public DateOnly? To { get; set; }

    protected bool Valid()
    {
        if (From is { } from && To is { } to && to < from)
            ModelState.AddModelError(nameof(To), Localizer["结束日期不能早于开始日期。"]);
        return ModelState.IsValid;
    }

    // Dates are China Standard Time calendar days, both ends included.
    protected AuditFilter Filter() => new()
    {
        UserName = UserName, Action = ActionCode, SubjectType = SubjectType, SubjectId = SubjectId, Region = Region,
        FromUtc = From is { } fromDay ? Display.ChinaDayStartUtc(fromDay) : null,
        ToUtc = To is { } toDay ? Display.ChinaDayStartUtc(toDay.AddDays(1)) : null,
    };
}
