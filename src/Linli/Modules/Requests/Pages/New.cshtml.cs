using Linli.Modules.Regions.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Features.FileTicket;
using Linli.Modules.Requests.Features.Photos;
using Linli.Modules.Requests.Features.Shared;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;

namespace Linli.Modules.Requests.Pages;

/// <summary>A resident files a request: works on a phone and without JavaScript; the ticket number and a page to follow it come back.</summary>
[Microsoft.AspNetCore.RateLimiting.EnableRateLimiting(Linli.Platform.RateLimiting.RateLimitPolicies.Intake)]
[Authorize(Roles = Roles.Resident)]
[RequestSizeLimit(TicketPhotos.MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = TicketPhotos.MaxRequestBytes)]
internal sealed class NewModel(RequestsDbContext db, FileTicketHandler handler, TicketPhotos photos, IRegionDirectory regions, IAreaScope scope, CategoryCatalog catalog)
    : IntakeForm(db, handler, photos, regions, scope, catalog)
{
    public Task OnGetAsync(CancellationToken ct) => PrepareAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var filing = await TryFileAsync(ct);
        if (filing is null) return Page();
        TempData["Filed"] = filing.Number;
        if (filing.Repeated) TempData["Done"] = RepeatedNotice;
        return Redirect(filing.Location);
    }

    protected override string PageAfterFiling(TicketView ticket) => $"/requests/track/{ticket.Number}";
}
