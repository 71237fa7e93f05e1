using Linli.Modules.Residents.Features.ImportResidents;
using Linli.Modules.Residents.Contracts;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Residents.Pages;

/// <summary>Upload of a CSV or .xlsx file; shows the summary, or every bad row (and then nothing was imported).</summary>
[Authorize(Policy = ResidentsPermissions.ImportPeople)]
[RequestSizeLimit(ResidentFile.MaxBytes + 1024 * 1024)]
internal sealed class ImportModel(ResidentImporter importer, Linli.Platform.Auth.IAreaScope scope, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty]
    public IFormFile? Upload { get; set; }

    public ImportResult? Result { get; private set; }

    /// <summary>下载模板: the header row and one example row in the caller's community.</summary>
    public IActionResult OnGetTemplate() =>
        File(ResidentTemplate.Csv(scope.CommunityPrefix is { Length: 12 } community ? community : "210102001002"), "text/csv; charset=utf-8", "residents-import-template.csv");

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), text["请选择要导入的文件。"]);
            return Page();
        }
        await using var stream = Upload.OpenReadStream();
        try
        {
            Result = await importer.ImportAsync(stream, Upload.FileName, cancellationToken);
        }
        catch (ConflictException conflict)
        {
            ModelState.AddModelError("", conflict.Phrase.In(text));
        }
        return Page();
    }
}
