using System.Security.Claims;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Platform.Notifications.Inbox.Pages;

/// <summary>The in-app inbox of staff and residents: their own, their department's and their area's messages (the same queries as /api/inbox).</summary>
[Authorize]
internal sealed class InboxModel(NotificationsDbContext db, IAreaScope scope, TimeProvider clock, IEnumerable<InboxLink> links) : PageModel
{
    private readonly Dictionary<string, InboxLink> _links = links.ToDictionary(l => l.Kind);

    [BindProperty(SupportsGet = true)] public bool Unread { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }
    [BindProperty] public long? MessageId { get; set; }

    public Paged<InboxItem> Items { get; private set; } = null!;

    /// <summary>Where the message's subject is shown to <paramref name="user"/>, and the label of the link; null when there is nothing to go to.</summary>
    public (string Href, string Label)? LinkOf(InboxItem item, ClaimsPrincipal user) =>
        item is { AboutKind: { } kind, AboutId: { } id } && _links.TryGetValue(kind, out var link) && link.Href(id, user) is { } href ? (href, link.Label) : null;

    public async Task OnGetAsync(CancellationToken ct) => Items = await InboxEndpoints.ListAsync(Unread ? true : null, PageNumber, 20, scope, db, ct);

    public async Task<IActionResult> OnPostReadAsync(CancellationToken ct)
    {
        try
        {
            if (MessageId is { } id) await InboxEndpoints.MarkReadAsync(id, scope, db, clock, ct);
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        return Redirect($"/inbox?unread={(Unread ? "true" : "false")}&pageNumber={PageNumber ?? 1}");
    }

    public async Task<IActionResult> OnPostReadAllAsync(CancellationToken ct)
    {
        await InboxEndpoints.MarkAllReadAsync(scope, db, clock, ct);
        return Redirect("/inbox");
    }
}
