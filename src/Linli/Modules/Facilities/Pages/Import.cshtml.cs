using Linli.Modules.Facilities.Features.ImportFacilities;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Facilities.Pages;

/// <summary>Upload of a CSV or .xlsx file of facilities; shows what was imported, or every bad row and column (and then nothing was).</summary>
[Authorize(Policy = FacilitiesPermissions.Edit)]
[RequestSizeLimit(FacilityImporter.MaxBytes + 1024 * 1024)]
internal sealed class ImportModel(FacilityImporter importer, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public IFormFile? Upload { get; set; }

    public ImportOutcome? Outcome { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        if (Upload is null || Upload.Length == 0)
        {
            ModelState.AddModelError(nameof(Upload), text["请选择要导入的文件。"]);
            return Page();
        }
        await using var stream = Upload.OpenReadStream();
        Outcome = await importer.ImportAsync(stream, Upload.FileName, ct);
        return Page();
    }
}
