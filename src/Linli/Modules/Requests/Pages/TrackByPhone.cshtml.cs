using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;
using Linli.Modules.Requests.Features.Track;
using Linli.Platform.Audit;
using Linli.Platform.Protection;
using Linli.Platform.RateLimiting;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.RateLimiting;

namespace Linli.Modules.Requests.Pages;

/// <summary>
/// Following a request without an account (a 12345 caller, an anonymous or signed-out reporter): the ticket number and
/// the phone number given at intake, posted (never in the URL), looked up by <see cref="TicketTracking"/> like
/// POST /api/requests/track. A wrong number and a wrong phone get the same answer; lookups are rate-limited per client.
/// What is shown is what the reporter sees; the visit back is the centre's call, so there is no rating form here.
/// </summary>
[AllowAnonymous]
[EnableRateLimiting(RateLimitPolicies.Track)]
internal sealed class TrackByPhoneModel(RequestsDbContext db, IPersonalDataProtector protector, IAuditLog audit, UnitNames units, CategoryCatalog catalog) : PageModel
{
    [BindProperty, MaxLength(TicketTracking.MaxNumberLength)] public string? Number { get; set; }
    [BindProperty, MaxLength(RequestLimits.Phone)] public string? Phone { get; set; }

    public ReporterTicket? Found { get; private set; }
    public bool Unmatched { get; private set; }
    public string? Message { get; private set; }

    /// <summary>A number may come in the link from the resident's not-found page; a phone never does.</summary>
    public void OnGet([FromQuery] string? number) => Number = number is { Length: <= TicketTracking.MaxNumberLength } ? number : null;

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        // The answer carries what the reporter sees of their request: never kept by a cache.
        Response.Headers.CacheControl = "no-store";
        if (string.IsNullOrWhiteSpace(Number) || string.IsNullOrWhiteSpace(Phone))
        {
            Message = "请填写诉求编号和受理时留下的手机号。";
            return Page();
        }
        var ticket = ModelState.IsValid ? await TicketTracking.FindAsync(Number, Phone, db, protector, audit, ct) : null;
        if (ticket is null)
        {
            Unmatched = true;
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        var view = TicketView.Of(ticket, TicketAudience.Reporter, ticket.Actions);
        var (path, labels) = await ReporterTicket.LabelsAsync(view, units, catalog, ct);
        Found = new ReporterTicket(view, path, labels);
        return Page();
    }
}
