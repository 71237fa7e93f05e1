using Linli.Modules.Residents.Features.GetHousehold;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Features.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.Residents.Pages;

[Authorize(Policy = ResidentsPermissions.ReadPeople)]
internal sealed class HouseholdModel(HouseholdQuery query) : PageModel
{
    public HouseholdDetails Details { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken cancellationToken)
    {
        if (await query.FindAsync(id, cancellationToken) is not { } details) return NotFound();
        Details = details;
        return Page();
    }
}
