using Linli.Modules.Facilities.Contracts;
using Linli.Modules.Facilities.Data;
using Linli.Modules.Facilities.Features.ListFacilities;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.Pages;

/// <summary>The registry's list: filters by region, type, status and text, paginated, with the same filters exported by the API.</summary>
[Authorize]
internal sealed class IndexModel(FacilitiesDbContext db) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? Region { get; set; }
    [BindProperty(SupportsGet = true)] public FacilityType? Type { get; set; }
    [BindProperty(SupportsGet = true)] public string? Status { get; set; }
    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<FacilityItem> Items { get; private set; } = new([], 1, Paging.DefaultPageSize, 0);
    public Phrase? Problem { get; private set; }

    /// <summary>The filters as a query string, for the export links.</summary>
    public string Query => string.Join("&", new[]
    {
        Region is { Length: > 0 } r ? "region=" + Uri.EscapeDataString(r) : null,
        Type is { } t ? "type=" + t : null,
        Status is { Length: > 0 } s ? "status=" + Uri.EscapeDataString(s) : null,
        Q is { Length: > 0 } q ? "q=" + Uri.EscapeDataString(q) : null,
    }.OfType<string>());

    public async Task OnGetAsync(CancellationToken ct)
    {
        FacilityFilter filter;
        try
        {
            filter = FacilityFilter.From(Region, Type, Status, null, Q);
        }
        catch (ValidationFailedException e)
        {
            Problem = e.Phrases.Values.SelectMany(p => p).FirstOrDefault();
            filter = FacilityFilter.From(null, Type, null, null, null);
        }
        var paged = await ListFacilitiesEndpoint.Items(filter.Apply(db.Facilities.AsNoTracking())).ToPagedAsync(PageNumber, 50, ct);
        Items = paged with { Items = paged.Items.Select(ListFacilitiesEndpoint.Named).ToList() };
    }
}
