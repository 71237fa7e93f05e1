using Linli.Modules.Requests.Domain;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Features.FileTicket;
using Linli.Modules.Requests.Features.Photos;
using Linli.Modules.Requests.Features.Shared;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Linli.Modules.Requests.Pages;

/// <summary>
/// A grid (or community) worker reports a problem found on patrol, from a phone. The finding is placed in the worker's
/// own grid (a community worker's: their community); the intake handler refuses a place outside the worker's area. A
/// category the routing rule leaves to the community goes to the worker's community at once, anything else to the
/// 12345 centre (<see cref="TicketWorkflow.Filed"/>); the confirmation says which, and 我的上报 follows it from there.
/// </summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Linli.Platform.RateLimiting.RateLimitPolicies.Intake)]
[Authorize(Policy = RequestsPermissions.ReportPatrolFindings)]
[RequestSizeLimit(TicketPhotos.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = TicketPhotos.MaxRequestBytes)]
internal sealed class PatrolModel(RequestsDbContext context, FileTicketHandler handler, TicketPhotos photos, IRegionDirectory directory, IAreaScope scope, CategoryCatalog catalog)
    : IntakeForm(context, handler, photos, directory, scope, catalog)
{
    public override bool ShowsPicker => false;

    /// <summary>The worker's grid (15 digits) or community (12), from their scope.</summary>
    public string? Place { get; private set; }
    public string? PlaceName { get; private set; }

    private async Task PlaceAsync(CancellationToken ct)
    {
        Place = Actor.RegionPrefix is { Length: 15 or 12 } p ? p : null;
        PlaceName = Place is null ? null : (await Regions.FindAsync(Place, ct))?.Name;
    }

    public string? Filed { get; private set; }

    /// <summary>
    /// Whether the report just filed went straight to the worker's community (else it waits for the centre); null when
    /// the form had been submitted already and the first submission's report is shown.
    /// </summary>
    public bool? FiledToCommunity { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Filed = TempData["Filed"] as string;
        FiledToCommunity = TempData["FiledToCommunity"] as bool?;
        await PrepareAsync(ct);
        await PlaceAsync(ct);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        await PlaceAsync(ct);
        if (Place is null)
        {
            ModelState.AddModelError("", Text["您的账号没有网格或社区辖区，不能上报巡查发现。"]);
            await PrepareAsync(ct);
            return Page();
        }
        var filing = await TryFileAsync(ct);
        if (filing is null) return Page();
        // A grid worker's scope is the grid, and tickets are read by community: the confirmation stays on this page.
        TempData["Filed"] = filing.Number;
        // A repeated form's first ticket is not at hand: the confirmation then says it was not filed again.
        if (filing.Ticket is { } ticket) TempData["FiledToCommunity"] = ticket.State == TicketState.Dispatched;
        return Redirect(filing.Location);
    }

    protected override string PageAfterFiling(TicketView ticket) => "/requests/patrol";

    protected override FileTicketRequest BuildRequest(int categoryId) => base.BuildRequest(categoryId) with
    {
        Channel = Channel.GridPatrol,
        CommunityCode = Place!.Length == 12 ? Place : null,
        GridCode = Place.Length == 15 ? Place : null,
    };
}
