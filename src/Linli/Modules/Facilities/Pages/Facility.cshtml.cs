using Linli.Modules.Facilities.Data;
using Linli.Modules.Facilities.Features.Registry;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Facilities.Pages;

/// <summary>One facility: every field, its opening hours per weekday, and (for who may change it) the edit link and the close form.</summary>
[Authorize]
internal sealed class FacilityModel(FacilitiesDbContext db, FacilityRegistry registry, PermissionCatalog permissions, IStringLocalizer<SharedResource> text) : PageModel
{
    public FacilityDetails? Facility { get; private set; }
    public bool CanEdit { get; private set; }

    [BindProperty] public DateOnly? ClosedOn { get; set; }
    [BindProperty] public string? Reason { get; set; }

    private async Task<bool> LoadAsync(int id, CancellationToken ct)
    {
        var f = await db.Facilities.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id, ct);
        if (f is null) return false;
        Facility = FacilityDetails.Of(f);
        CanEdit = permissions.Allows(User, FacilitiesPermissions.Edit) && registry.MayEdit(f.CommunityCode) && f.ClosedOn is null;
        return true;
    }

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        if (!await LoadAsync(id, ct)) return NotFound();
        ClosedOn ??= registry.Today;
        return Page();
    }

    public async Task<IActionResult> OnPostCloseAsync(int id, CancellationToken ct)
    {
        if (!permissions.Allows(User, FacilitiesPermissions.Edit)) return Forbid();
        try
        {
            await registry.CloseAsync(id, ClosedOn, Reason, ct);
            return RedirectToPage(new { id });
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Localized(text))
                foreach (var m in messages) ModelState.AddModelError(field == "closedOn" ? nameof(ClosedOn) : field, m);
        }
        catch (CallerFacingException e)
        {
            ModelState.AddModelError("", e.Phrase.In(text));
        }
        if (!await LoadAsync(id, ct)) return NotFound();
        return Page();
    }
}
