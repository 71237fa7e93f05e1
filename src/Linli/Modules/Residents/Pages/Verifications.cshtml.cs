using System.ComponentModel.DataAnnotations;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Features.Verifications;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Residents.Pages;

/// <summary>Registrations refused because the number is registered already (需上级核实), in the caller's area; those who may register settle them here.</summary>
[Authorize(Policy = ResidentsPermissions.ReadPeople)]
internal sealed class VerificationsModel(VerificationQueries queries, IAuthorizationService authorization, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = 20;

    /// <summary>"open" (default), "resolved" or "all".</summary>
    [BindProperty(SupportsGet = true)]
    public string? Show { get; set; } = "open";

    [BindProperty(SupportsGet = true, Name = "pageNumber")]
    public int? PageNumber { get; set; }

    [BindProperty, Required(ErrorMessage = "请填写核实结果。"), MaxLength(500, ErrorMessage = "核实结果不能超过 500 个字。")]
    public string? Resolution { get; set; }

    public Paged<VerificationView> Cases { get; private set; } = null!;
    public bool CanResolve { get; private set; }
    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken cancellationToken) => await LoadAsync(cancellationToken);

    public async Task<IActionResult> OnPostResolveAsync(long id, CancellationToken cancellationToken)
    {
        if (!(await authorization.AuthorizeAsync(User, ResidentsPermissions.ImportPeople)).Succeeded) return Forbid();
        if (ModelState.IsValid)
        {
            try
            {
                await queries.ResolveAsync(id, Resolution!, cancellationToken);
                Done = "已办结。";
                Resolution = null;
                ModelState.Clear();
            }
            catch (NotFoundException)
            {
                return NotFound();
            }
            catch (ConflictException e)
            {
                ModelState.AddModelError(nameof(Resolution), e.Phrase.In(text));
            }
        }
        await LoadAsync(cancellationToken);
        return Page();
    }

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        CanResolve = (await authorization.AuthorizeAsync(User, ResidentsPermissions.ImportPeople)).Succeeded;
        bool? open = Show switch { "resolved" => false, "all" => null, _ => true };
        Cases = await queries.ListAsync(open, PageNumber, PageSize, cancellationToken);
    }
}
