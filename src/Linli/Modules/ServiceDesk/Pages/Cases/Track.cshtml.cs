using System.ComponentModel.DataAnnotations;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Features.TrackCase;
using Linli.Platform.Audit;
using Linli.Platform.Protection;
using Linli.Platform.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Linli.Modules.ServiceDesk.Pages.Cases;

/// <summary>
/// 办件查询: the applicant follows a case by its number and their ID number (whole or its last 6 characters), both posted
/// (never in the URL) and looked up by <see cref="CaseTracking"/> like POST /api/service-cases/track: the name masked, the
/// item, the state, the next step and its due date, nothing else. An unknown number and a wrong ID number get the same
/// 404 page; the ID number is never written back into the form. Lookups are audited as searches by number and
/// rate-limited per client; showing the form does not count.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.Track)]
internal sealed class TrackModel(ServiceDeskDbContext db, IPersonalDataProtector protector, IAuditLog audit) : PageModel
{
    [BindProperty, MaxLength(CaseTracking.MaxNumberLength)] public string? Number { get; set; }
    [BindProperty, MaxLength(CaseTracking.MaxIdNumberLength)] public string? IdNumber { get; set; }

    public CaseTrackView? Found { get; private set; }
    public bool Unmatched { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(Number) || string.IsNullOrWhiteSpace(IdNumber))
        {
            Message = "请填写办件编号和申请人身份证号（或后6位）。";
            return Page();
        }
        Found = ModelState.IsValid ? await CaseTracking.FindAsync(Number, IdNumber, db, protector, audit, ct) : null;
        if (Found is null)
        {
            Unmatched = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
        }
        return Page();
    }
}
