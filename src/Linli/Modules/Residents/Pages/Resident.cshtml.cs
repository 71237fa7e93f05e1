using System.ComponentModel.DataAnnotations;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Features.GetResident;
using Linli.Modules.Residents.Features.RevealPersonalData;
using Linli.Modules.Residents.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.Residents.Pages;

/// <summary>One resident, numbers masked. With the reveal permission, a form (reason required) shows one number in full, once.</summary>
[Authorize(Policy = ResidentsPermissions.ReadPeople)]
internal sealed class ResidentModel(ResidentDetailsQuery query, RevealHandler reveal, IAuthorizationService authorization) : PageModel
{
    public ResidentDetails Resident { get; private set; } = null!;
    public bool CanReveal { get; private set; }
    public RevealedNumber? Revealed { get; private set; }

    [BindProperty, Required(ErrorMessage = "请选择要查看的号码。"), AllowedValues(RevealHandler.IdNumberField, RevealHandler.PhoneField)]
    public string Field { get; set; } = RevealHandler.IdNumberField;

    [BindProperty, Required(ErrorMessage = "请填写查看原因。"), MaxLength(500)]
    public string? Reason { get; set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await query.FindAsync(id, cancellationToken) is not { } resident) return NotFound();
        Resident = resident;
        CanReveal = await MayRevealAsync();
        return Page();
    }

    public async Task<IActionResult> OnPostRevealAsync(long id, CancellationToken cancellationToken)
    {
        if (!await MayRevealAsync()) return Forbid();
        if (await query.FindAsync(id, cancellationToken) is not { } resident) return NotFound();
        Resident = resident;
        CanReveal = true;
        if (!ModelState.IsValid) return Page();
        Revealed = await reveal.RevealAsync(id, Field, Reason!, cancellationToken);
        Response.Headers.CacheControl = "no-store";
        Reason = null;
        return Page();
    }

    private async Task<bool> MayRevealAsync() => (await authorization.AuthorizeAsync(User, ResidentsPermissions.RevealPersonalData)).Succeeded;
}
