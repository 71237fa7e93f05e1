using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Features.Queues;
using Linli.Platform.Auth;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Pages;

/// <summary>A resident's own requests, newest first (the scope filter gives a resident only theirs).</summary>
[Authorize(Roles = Roles.Resident)]
internal sealed class MineModel(RequestsDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<QueueItem> Tickets { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct) =>
        Tickets = await db.Tickets.AsNoTracking().OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id)
            .Select(t => new QueueItem(t.Id, t.Number, t.State, t.Urgency, t.CategoryId, t.CommunityCode, t.AssignedUnitCode, t.CreatedAt,
                t.SignDueAt, t.FinishDueAt, t.IsOverdue, t.UnderSupervision, t.Description.Length > 80 ? t.Description.Substring(0, 80) + "…" : t.Description))
            .ToPagedAsync(PageNumber, 20, ct);
}
