using Linli.Modules.Regions.Contracts;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.ServiceDesk.Pages.Appointments;

/// <summary>The community a window page works on: the worker's own, or one chosen among the communities of their scope.</summary>
internal abstract class WindowPageBase(IRegionDirectory regions, IAreaScope scope) : PageModel
{
    protected IRegionDirectory Regions { get; } = regions;
    protected IAreaScope Scope { get; } = scope;

    [BindProperty(SupportsGet = true)] public string? Community { get; set; }

    public IReadOnlyList<RegionInfo> Communities { get; private set; } = [];
    public string? CommunityName { get; private set; }

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
