using System.ComponentModel.DataAnnotations;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Features.TrackCase;
using Linli.Platform.Audit;
using Linli.Platform.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Linli.Modules.ServiceDesk.Pages.Cases;

/// <summary>
/// 办件查询: anyone follows a case by its number (posted, never in the URL), looked up by <see cref="CaseTracking"/> like
/// POST /api/service-cases/track: the applicant's name masked, the item, the state, the next step and its due date, nothing
/// else. Lookups are audited as searches by number and rate-limited per client; showing the form does not count.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.Track)]
internal sealed class TrackModel(ServiceDeskDbContext db, IAuditLog audit) : PageModel
{
    [BindProperty, MaxLength(CaseTracking.MaxNumberLength)] public string? Number { get; set; }

    public CaseTrackView? Found { get; private set; }
    public bool Unmatched { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(Number))
        {
            Message = "请填写办件编号。";
            return Page();
        }
        Found = ModelState.IsValid ? await CaseTracking.FindAsync(Number, db, audit, ct) : null;
        if (Found is null)
        {
            Unmatched = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
