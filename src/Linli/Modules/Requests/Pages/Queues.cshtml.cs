using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.BulkDispatch;
using Linli.Modules.Requests.Features.Queues;
using Linli.Modules.Organizations.Contracts;
using Linli.Platform.Idempotency;
using Linli.Modules.Requests.Contracts;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Requests.Pages;

/// <summary>The work lists of the caller's unit, from <see cref="TicketQueues"/> — the same query as GET /api/requests/queues/{queue}.</summary>
[Authorize(Policy = RequestsPermissions.HandleRequests)]
internal sealed class QueuesModel(RequestsDbContext db, IAreaScope scope, TimeProvider clock, UnitNames units, CategoryCatalog catalog, BulkDispatcher dispatcher,
    IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public Queue? Queue { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }
    [BindProperty(SupportsGet = true)] public int? CategoryId { get; set; }
    [BindProperty(SupportsGet = true)] public Urgency? Urgency { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DueFrom { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? DueTo { get; set; }
    [BindProperty(SupportsGet = true)] public string? Text { get; set; }
    [BindProperty(SupportsGet = true)] public QueueSort? Sort { get; set; }

    public QueueFilter Filter => new(CategoryId, Urgency, DueFrom, DueTo, Text, Sort);

    /// <summary>The export link of the queue on screen: its filters and order, as the query string carries them.</summary>
    public string ExportLink(string format) => QueryHelpers.AddQueryString($"/api/requests/queues/{Queue}/export",
        FilterQuery().Prepend(new("format", format)));

    /// <summary>
    /// Where the bulk-dispatch form posts: the queue's filters, order and page ride along in the query string, so the
    /// answer (a result or a refusal) shows the list the operator was working through, not the unfiltered queue.
    /// </summary>
    public string BulkDispatchAction => QueryHelpers.AddQueryString("/requests/queues",
        FilterQuery().Prepend(new("queue", Queue?.ToString())).Prepend(new("handler", "BulkDispatch"))
            .Append(new("PageNumber", PageNumber?.ToString(System.Globalization.CultureInfo.InvariantCulture)))
            .Where(p => !string.IsNullOrEmpty(p.Value)));

    private IEnumerable<KeyValuePair<string, string?>> FilterQuery() => new Dictionary<string, string?>
    {
        ["categoryId"] = CategoryId?.ToString(System.Globalization.CultureInfo.InvariantCulture), ["urgency"] = Urgency?.ToString(),
        ["dueFrom"] = DueFrom?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["dueTo"] = DueTo?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["text"] = Text, ["sort"] = Sort?.ToString(),
    }.Where(p => !string.IsNullOrEmpty(p.Value));

    public IReadOnlyList<Queue> Available { get; private set; } = [];
    public Dictionary<Queue, long> Counts { get; private set; } = [];
    public Paged<QueueItem> Items { get; private set; } = new([], 1, PageSize, 0);
    public Dictionary<string, string> UnitLabels { get; private set; } = [];
    public CategoryTree Tree { get; private set; } = new([]);

    /// <summary>The centre's queue to dispatch from offers selecting tickets and sending them to one unit.</summary>
    public bool OffersBulkDispatch { get; private set; }

    public IReadOnlyList<DepartmentInfo> Departments { get; private set; } = [];

    /// <summary>A fresh key per form shown: a double submit (or a refresh of the answer) dispatches once.</summary>
    public string SubmissionKey { get; private set; } = "";

    public BulkDispatchResult? Dispatched { get; private set; }

    public async Task<IActionResult> OnPostBulkDispatchAsync(List<long>? ticketIds, string? unitCode, string? submissionKey, CancellationToken ct)
    {
        ModelState.Clear();
        var refusals = new List<string>();
        try
        {
            (Dispatched, _) = await dispatcher.DispatchAsync(new BulkDispatchRequest(ticketIds, string.IsNullOrWhiteSpace(unitCode) ? null : unitCode),
                Actor.From(User, scope), IdempotencyKey.Parse(submissionKey), ct);
        }
        catch (ValidationFailedException e)
        {
            refusals.AddRange(e.Localized(text).Values.SelectMany(m => m));
        }
        // The list first, then the refusal: a refused selection must not hide the queue the operator was choosing from.
        await OnGetAsync(ct);
        foreach (var message in refusals) ModelState.AddModelError("", message);
        return Page();
    }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = Actor.From(User, scope);
        var now = clock.GetUtcNow().UtcDateTime;
        Available = TicketQueues.For(actor);
        if (Queue is not { } queue || !Available.Contains(queue)) Queue = queue = Available[0];
        Counts = await TicketQueues.CountAsync(db, actor, now, ct);
        Tree = await CategoryPaths.TreeAsync(catalog, ct);
        Sort ??= TicketQueues.DefaultSort(queue);
        OffersBulkDispatch = queue == Features.Queues.Queue.ToDispatch && actor.IsCentre;
        if (OffersBulkDispatch)
        {
            Departments = await units.DepartmentsAsync(ct);
            SubmissionKey = Guid.NewGuid().ToString("N");
        }
        // A binding error (a date that is not one) is shown on the form; the list waits for a filter that reads.
        if (!ModelState.IsValid) return;
        try
        {
            Items = await TicketQueues.ListAsync(db, actor, queue, now, Filter, Filter.CategoryLeaves(Tree), PageNumber, PageSize, ct);
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Localized(text))
            foreach (var message in messages)
                ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], message);
        }
        UnitLabels = await units.NamesAsync(Items.Items.SelectMany(i => new[] { i.AssignedUnitCode, i.CommunityCode }), ct);
    }
}
