using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Hotspots;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Requests.Pages.Hotspots;

/// <summary>未诉先办: the hotspots of the caller's area, the same query and filters as GET /api/requests/hotspots.</summary>
[Authorize(Policy = RequestsPermissions.ReadHotspots)]
internal sealed class IndexModel(HotspotQueries queries, CategoryCatalog catalog, IStringLocalizer<SharedResource> text) : PageModel
{
    public const int PageSize = 20;

    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public HotspotKind? Kind { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public HotspotState? State { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public int? CategoryId { get; set; }
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<HotspotItem> Items { get; private set; } = new([], 1, PageSize, 0);
    public CategoryTree Tree { get; private set; } = new([]);

    public string ExportLink(string format) => QueryHelpers.AddQueryString("/api/requests/hotspots/export", new Dictionary<string, string?>
    {
        ["format"] = format, ["kind"] = Kind?.ToString(), ["state"] = State?.ToString(), ["region"] = Region,
        ["categoryId"] = CategoryId?.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.Where(p => !string.IsNullOrEmpty(p.Value)));

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tree = await CategoryPaths.TreeAsync(catalog, ct);
        // A value that does not bind (a kind that is not one) is shown on the form; the list waits for a filter that reads.
        if (!ModelState.IsValid) return;
        try
        {
            var filter = HotspotFilter.From(Kind, State, Region, CategoryId);
            var paged = await filter.Apply(queries.Scoped()).ToCappedPageAsync(PageNumber, PageSize, ct);
            Items = new Paged<HotspotItem>(await queries.NameAsync(paged.Items, ct), paged.Page, paged.PageSize, paged.Total) { TotalIsCapped = paged.TotalIsCapped };
        }
        catch (ValidationFailedException e)
        {
            foreach (var (field, messages) in e.Localized(text))
            foreach (var message in messages)
                ModelState.AddModelError(char.ToUpperInvariant(field[0]) + field[1..], message);
        }
    }
}
