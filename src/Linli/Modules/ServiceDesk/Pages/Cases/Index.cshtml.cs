using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Features.CaseShared;
using Linli.Modules.ServiceDesk.Features.ListCases;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Linli.Platform.Paging;
using Linli.Platform.Ui;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.ServiceDesk.Pages.Cases;

/// <summary>
/// 办件管理: the cases in the caller's scope (accepted or homed in their area, or their department's), newest first — the
/// same <see cref="CaseList"/> as GET /api/service-cases — filtered by state, item, mode, due soon / overdue, the days of
/// 收件 and the number (or the start of a name), paged, and exported with the same filters.
/// </summary>
[Authorize(Policy = ServiceDeskPermissions.HandleCases)]
internal sealed class IndexModel(CaseList list, ServiceDeskDbContext db, IEnumerable<IRegionNames> regionNames, IStringLocalizer<SharedResource> text,
    TimeProvider clock) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public CaseState? State { get; set; }
    [BindProperty(SupportsGet = true)] public string? Item { get; set; }
    [BindProperty(SupportsGet = true)] public HandlingModes? Mode { get; set; }
    [BindProperty(SupportsGet = true)] public string? Due { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? From { get; set; }
    [BindProperty(SupportsGet = true)] public DateOnly? To { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    public CaseFilter Filter => new(State, Item, Due, Q, null, Mode, From, To);

    public Paged<CaseSummary> Cases { get; private set; } = new([], 1, PageSize, 0);
    public List<(string Code, string Name)> Items { get; private set; } = [];
    public Dictionary<long, string> ItemNames { get; private set; } = [];
    public IReadOnlyDictionary<string, string> Places { get; private set; } = new Dictionary<string, string>();

    /// <summary>The export link of the list on screen: its filters, as the query string carries them.</summary>
    public string ExportLink(string format) => QueryHelpers.AddQueryString("/api/service-cases/export", new Dictionary<string, string?>
    {
        ["format"] = format, ["state"] = State?.ToString(), ["item"] = Item, ["mode"] = Mode?.ToString(), ["due"] = Due,
        ["from"] = From?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["to"] = To?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), ["q"] = Q,
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Items = await CasePages.ItemChoicesAsync(db, ct);
        // A binding error (a date that is not one) is shown on the form; the list waits for a filter that reads.
        if (!ModelState.IsValid) return;
        try
        {
            Cases = await list.ListAsync(Filter, new PageRequest(PageNumber, PageSize), ct);
        }
        catch (ValidationFailedException e)
        {
            e.AddTo(ModelState, text);
            return;
        }
        ItemNames = await CaseNames.ItemsAsync(db, Cases.Items.Select(c => c.ItemId).Distinct().ToList(), ct);
        if (regionNames.FirstOrDefault() is { } names)
            Places = await names.NamesAsync(Cases.Items.SelectMany(c => new[] { c.AcceptingCommunityCode, c.HomeCommunityCode }).Distinct(), ct);
    }
}
