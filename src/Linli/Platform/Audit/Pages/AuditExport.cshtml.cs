using Linli.Platform.Auth;
using Linli.Platform.Export;
using Linli.Platform.Localization;
using Linli.Platform.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Linli.Platform.Audit.Pages;

/// <summary>
/// The audit page's 导出 buttons post its filters here: under the export rate limit like every other export (GET
/// /api/audit/export included). A refusal (too many rows, a bad filter) is shown with the filters kept, to go back and narrow them.
/// </summary>
[Authorize(Policy = PlatformPermissions.ReadAudit)]
[EnableRateLimiting(RateLimitPolicies.Export)]
internal sealed class AuditExportModel(AuditDbContext db, IAreaScope scope, AuditPresenter presenter, TableExporter exporter, IStringLocalizer<SharedResource> text)
    : AuditFilterPage(text)
{
    /// <summary>Opened directly: the page leads back to the audit page, where exports start.</summary>
    public PageResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(string? format, CancellationToken ct)
    {
        if (format is not ("xlsx" or "csv")) ModelState.AddModelError("", Localizer["导出格式只能是 Excel 或 CSV。"]);
        if (!Valid()) return Page();
        var filter = Filter();
        try
        {
            var file = await AuditExport.FileAsync(AuditQuery.Newest(AuditQuery.Filter(db, scope, filter)), filter, ExportFormats.Parse(format), scope, presenter,
                exporter, ct);
            return new ResultAction(file);
        }
        catch (Errors.ValidationFailedException e)
        {
            // Too many rows: said here, with the way back to the filters that need narrowing.
            foreach (var message in e.Localized(Localizer).Values.SelectMany(m => m)) ModelState.AddModelError("", message);
            return Page();
        }
    }

    /// <summary>A minimal-API result (the export file) answered from a page handler.</summary>
    private sealed class ResultAction(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
