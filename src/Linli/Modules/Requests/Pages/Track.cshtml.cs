using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.GetTicket;
using Linli.Modules.Requests.Features.Shared;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Requests.Pages;

/// <summary>
/// The resident follows their request by its number: state, steps, the reply, and the rating form once it is replied
/// (the same <see cref="TicketWorkflow.EvaluateAsync"/> as POST /api/requests/tickets/{id}/evaluate). The context's
/// scope filter shows a resident only their own tickets; anything else is a 404 page that says so and points to the
/// lookup by number and phone (a request phoned in to 12345 belongs to no account).
/// </summary>
[Authorize(Roles = Roles.Resident)]
internal sealed class TrackModel(RequestsDbContext db, TicketActionRunner runner, UnitNames units, CategoryCatalog catalog, IAuditLog audit,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public TicketView Ticket { get; private set; } = null!;

    /// <summary>Set when no request of the resident has this number: the page says so, with a 404.</summary>
    public string? Missing { get; private set; }

    public ReporterTicket Shown => new(Ticket, CategoryPath, UnitLabels);
    public string CategoryPath { get; private set; } = "";
    public Dictionary<string, string> UnitLabels { get; private set; } = [];
    public string? Filed { get; private set; }
    public string? Message { get; private set; }
    public string? Done { get; private set; }

    [BindProperty] public Rating? Rating { get; set; }
    [BindProperty, MaxLength(RequestLimits.Opinion, ErrorMessage = "意见不能超过 2000 个字。")] public string? Opinion { get; set; }
    [BindProperty] public int? Version { get; set; }

    public async Task<IActionResult> OnGetAsync(string number, CancellationToken ct)
    {
        Filed = TempData["Filed"] as string;
        Done = TempData["Done"] as string;
        if (await LoadAsync(number, ct)) return Page();
        if (number.Length <= 20) await GetTicketEndpoint.RecordIfOutOfScopeAsync(audit, db, t => t.Number == number, ct);
        return NotFoundPage(number);
    }

    private PageResult NotFoundPage(string number)
    {
        Missing = number.Length > 20 ? number[..20] : number;
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }

    public async Task<IActionResult> OnPostEvaluateAsync(string number, CancellationToken ct)
    {
        if (!await LoadAsync(number, ct)) return NotFoundPage(number);
        if (Rating is null) ModelState.AddModelError(nameof(Rating), text["请选择评价。"]);
        if (!ModelState.IsValid) return Page();
        try
        {
            await runner.RunAsync(Ticket.Id, Version, (w, t, a) => w.EvaluateAsync(t, a, Rating!.Value, Opinion, ct), ct);
            TempData["Done"] = "评价已提交，谢谢！";
            return Redirect($"/requests/track/{number}");
        }
        catch (ConflictException)
        {
            await LoadAsync(number, ct);
            Message = "诉求状态已变化，请刷新页面后再评价。";
        }
        catch (ForbiddenException)
        {
            Message = "您不能评价这条诉求。";
        }
        return Page();
    }

    private async Task<bool> LoadAsync(string number, CancellationToken ct)
    {
        if (number.Length > 20) return false;
        var ticket = await db.Tickets.AsNoTracking().Include(t => t.Units).Include(t => t.Actions).AsSplitQuery()
            .FirstOrDefaultAsync(t => t.Number == number, ct);
        if (ticket is null) return false;
        Ticket = TicketView.Of(ticket, TicketViewRule.AudienceOf(User), ticket.Actions);
        (CategoryPath, UnitLabels) = await ReporterTicket.LabelsAsync(Ticket, units, catalog, ct);
        return true;
    }
}

/// <summary>A ticket as its reporter sees it, with the names the reporter pages show for its category and units.</summary>
internal sealed record ReporterTicket(TicketView Ticket, string CategoryPath, Dictionary<string, string> UnitLabels)
{
    public static async Task<(string CategoryPath, Dictionary<string, string> UnitLabels)> LabelsAsync(TicketView ticket, UnitNames units, CategoryCatalog catalog,
        CancellationToken ct) =>
        ((await CategoryPaths.TreeAsync(catalog, ct)).PathOf(ticket.CategoryId),
            await units.NamesAsync(ticket.Actions!.Select(a => a.UnitCode).Append(ticket.AssignedUnitCode).Append(ticket.CommunityCode), ct));
}
