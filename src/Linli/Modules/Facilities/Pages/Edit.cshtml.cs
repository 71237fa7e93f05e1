using Linli.Modules.Facilities.Contracts;
using Linli.Modules.Facilities.Domain;
using Linli.Modules.Facilities.Features.Registry;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Facilities.Pages;

/// <summary>The form to register a facility (no id) or edit one; on a refusal the typed input stays and each field shows its problem.</summary>
[Authorize(Policy = FacilitiesPermissions.Edit)]
internal sealed class EditModel(FacilityRegistry registry, IAreaScope scope, IStringLocalizer<SharedResource> text) : PageModel
{
    [BindProperty] public FacilityType? Type { get; set; }
    [BindProperty] public string? Name { get; set; }
    [BindProperty] public string? CommunityCode { get; set; }
    [BindProperty] public string? Address { get; set; }
    [BindProperty] public double? Longitude { get; set; }
    [BindProperty] public double? Latitude { get; set; }
    [BindProperty] public double? FloorArea { get; set; }
    [BindProperty] public double? ServiceArea { get; set; }
    [BindProperty] public string? WeeklyHours { get; set; }
    [BindProperty] public double? Capacity { get; set; }
    [BindProperty] public string? Operator { get; set; }
    [BindProperty] public DateOnly? OpenedOn { get; set; }

    public int? Id { get; private set; }

    /// <summary>The API's field names (camel case) as the form's.</summary>
    private static string FormField(string field) => field.Length == 0 ? "" : char.ToUpperInvariant(field[0]) + field[1..];

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        Id = id;
        if (id is not { } existing)
        {
            CommunityCode = scope.CommunityPrefix is { Length: 12 } own ? own : null;
            OpenedOn = registry.Today;
            return Page();
        }
        try
        {
            var f = await registry.FindAsync(existing, ct);
            if (!registry.MayEdit(f.CommunityCode) || f.ClosedOn is not null) return Forbid();
            (Type, Name, CommunityCode, Address, Longitude, Latitude, FloorArea, ServiceArea, WeeklyHours, Capacity, Operator, OpenedOn) =
                (f.Type, f.Name, f.CommunityCode, f.Address, f.Longitude, f.Latitude, f.FloorArea, f.ServiceArea, f.WeeklyHours, f.Capacity, f.Operator, f.OpenedOn);
            return Page();
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        Id = id;
        // The model binder's own errors (a letter in a number field) are kept; the registry's checks add theirs.
        var input = new FacilityInput(Type, Name, CommunityCode, Address, Longitude, Latitude, FloorArea, ServiceArea, WeeklyHours, Capacity, Operator, OpenedOn);
        if (!ModelState.IsValid) return Page();
        try
        {
            var facility = id is { } existing ? await registry.UpdateAsync(existing, input, ct) : await registry.CreateAsync(input, ct);
            return Redirect($"/facilities/{facility.Id}");
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Localized(text))
                foreach (var m in messages) ModelState.AddModelError(FormField(field), m);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (CallerFacingException e)
        {
            ModelState.AddModelError("", e.Phrase.In(text));
        }
        return Page();
    }
}
