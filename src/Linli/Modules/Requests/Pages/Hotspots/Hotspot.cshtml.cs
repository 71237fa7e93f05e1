using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Hotspots;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Requests.Pages.Hotspots;

/// <summary>One hotspot: where, which tickets, and the two ways to handle it (a proactive ticket, or a dismissal with a reason).</summary>
[Authorize(Policy = RequestsPermissions.ReadHotspots)]
internal sealed class HotspotModel(HotspotQueries queries, ProactiveTickets tickets, CategoryCatalog catalog, IAreaScope scope, IStringLocalizer<SharedResource> text)
    : PageModel
{
    public HotspotDetail Detail { get; private set; } = null!;
    public CategoryTree Tree { get; private set; } = new([]);

    // Typed input is kept when a form is refused.
    [BindProperty] public string? Description { get; set; }
    [BindProperty] public int? CategoryId { get; set; }
    [BindProperty] public string? CommunityCode { get; set; }
    [BindProperty] public string? Reason { get; set; }

    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await LoadAsync(id, ct) ? Page() : NotFound();

    public async Task<IActionResult> OnPostTicketAsync(long id, CancellationToken ct)
    {
        try
        {
            var ticketId = await tickets.OpenAsync(id, new OpenProactiveTicket(Description, CategoryId, CommunityCode), Actor.From(User, scope), ct);
            TempData["Done"] = text["已立主动工单，答复将告知该热点的每位诉求人。"].Value;
            return Redirect($"/requests/tickets/{ticketId}");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationFailedException invalid)
        {
            Message = FirstMessage(invalid);
        }
        catch (ConflictException conflict)
        {
            Message = conflict.Phrase.In(text);
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostDismissAsync(long id, CancellationToken ct)
    {
        try
        {
            await tickets.DismissAsync(id, Reason ?? "", Actor.From(User, scope), ct);
            TempData["Done"] = text["已排除该热点。"].Value;
            return Redirect($"/requests/hotspots/{id}");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (ValidationFailedException invalid)
        {
            Message = FirstMessage(invalid);
        }
        catch (ConflictException conflict)
        {
            Message = conflict.Phrase.In(text);
        }
        return await LoadAsync(id, ct) ? Page() : NotFound();
    }

    private string FirstMessage(ValidationFailedException invalid) =>
        invalid.Phrases.Values.SelectMany(m => m).FirstOrDefault()?.In(text) ?? text["输入有误，请检查后重新提交。"];

    private async Task<bool> LoadAsync(long id, CancellationToken ct)
    {
        try
        {
            Detail = await queries.DetailAsync(id, ct);
        }
        catch (NotFoundException)
        {
            return false;
        }
        Tree = await CategoryPaths.TreeAsync(catalog, ct);
        return true;
    }
}
