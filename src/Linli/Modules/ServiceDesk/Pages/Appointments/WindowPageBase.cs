using Linli.Modules.Regions.Contracts;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.ServiceDesk.Pages.Appointments;

/// <summary>
/// The community a window page works on (the worker's own, or one chosen among the communities of their scope), and how
/// its forms answer: done, a redirect with <see cref="Done"/>; refused, <see cref="Message"/> above the form.
/// </summary>
internal abstract class WindowPageBase(IRegionDirectory regions, IAreaScope scope) : PageModel
{
    protected IRegionDirectory Regions { get; } = regions;
    protected IAreaScope Scope { get; } = scope;

    [BindProperty(SupportsGet = true)] public string? Community { get; set; }

    public IReadOnlyList<RegionInfo> Communities { get; private set; } = [];
    public string? CommunityName { get; private set; }
    public string? Message { get; private set; }
    public string? Done { get; protected set; }

    /// <summary>Reads what the page shows (after <see cref="ChooseCommunityAsync"/>).</summary>
    protected abstract Task LoadAsync(CancellationToken ct);

    /// <summary>Runs a form's action: its answer (a redirect) when done; refused (<see cref="Refusal"/>), the reason above the form and the page drawn again.</summary>
    protected async Task<IActionResult> ActAsync(Func<Task<IActionResult>> act, IStringLocalizer text, CancellationToken ct)
    {
        try
        {
            return await act();
        }
        catch (Exception e) when (Refusal.Of(e, text) is { } reason)
        {
            Message = reason;
        }
        await LoadAsync(ct);
        return Page();
    }

    protected async Task ChooseCommunityAsync(CancellationToken ct)
    {
        var prefix = Scope.CommunityPrefix ?? "";
        // A district's staff choose among its communities (a few hundred); the city scope names one by code.
        Communities = prefix.Length >= 6 ? await Regions.ListAsync(RegionLevel.Community, prefix, ct) : [];
        if (Community is null && Communities.Count == 1) Community = Communities[0].Code;
        if (Community is null && prefix.Length == 12) Community = prefix;
        if (Community is not null && !Scope.Covers(Community)) Community = null;
        CommunityName = Community is null ? null : (await Regions.FindAsync(Community, ct))?.Name;
        if (CommunityName is null) Community = null;
    }
}
