using System.ComponentModel.DataAnnotations;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Features.ExportResidents;
using Linli.Modules.Residents.Features.SearchResidents;
using Linli.Platform.Errors;
using Linli.Platform.Export;
using Linli.Platform.Localization;
using Linli.Platform.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Residents.Pages;

/// <summary>
/// The search page's 导出 buttons post its filters here (a name stays out of the URL); a page of its own so that the export
/// rate limit counts exports only. A refusal (too many rows, a bad filter) is shown with a way back.
/// </summary>
[Authorize(Policy = ResidentsPermissions.ReadPeople)]
[EnableRateLimiting(RateLimitPolicies.Export)]
internal sealed class ExportModel(IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty, MaxLength(50)] public string? Name { get; set; }
    [BindProperty] public PopulationTagKind? Tag { get; set; }
    [BindProperty, RegularExpression(@"^\d{1,15}$", ErrorMessage = "区划代码前缀只能是 1–15 位数字。")] public string? Community { get; set; }

    /// <summary>Opened directly: the page says where exports start (the search page's buttons).</summary>
    public PageResult OnGet() => Page();

    public async Task<IActionResult> OnPostAsync(string? format, CancellationToken ct)
    {
        if (!ModelState.IsValid) return Page();
        try
        {
            var file = await ResidentExport.FileAsync(new ResidentFilter(Name, Tag: Tag, CommunityCode: Community), ExportFormats.Parse(format), HttpContext.RequestServices, ct);
            return new FileResultAction(file);
        }
        catch (ValidationFailedException e)
        {
            foreach (var message in e.Localized(text).Values.SelectMany(m => m)) ModelState.AddModelError("", message);
            return Page();
        }
    }

    private sealed class FileResultAction(IResult result) : IActionResult
    {
        public Task ExecuteResultAsync(ActionContext context) => result.ExecuteAsync(context.HttpContext);
    }
}
