using Linli.Modules.Regions.Contracts;
using Linli.Modules.Regions.Data;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Regions.Pages.Regions;

internal sealed record RegionSearchHit(string Code, string Name, RegionLevel Level, RegionKind Kind, string? ParentName);

/// <summary>Units by name (place names are not personal data, so the query is a plain GET).</summary>
[Authorize]
internal sealed class SearchModel(RegionsDbContext db) : PageModel
{
    public const int PageSize = 20;

    [BindProperty(SupportsGet = true)] public string? Q { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    public Paged<RegionSearchHit>? Result { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var q = Q?.Trim();
        if (string.IsNullOrEmpty(q)) return;
        if (q.Length > 50) q = q[..50];
        var hits = from r in db.Regions.AsNoTracking()
                   where r.Name.Contains(q) || r.Code == q
                   join p in db.Regions.AsNoTracking() on r.ParentCode equals p.Code into parents
                   from p in parents.DefaultIfEmpty()
                   orderby r.Level, r.Code
                   select new RegionSearchHit(r.Code, r.Name, r.Level, r.Kind, p == null ? null : p.Name);
        Result = await hits.ToPagedAsync(PageNumber, PageSize, ct);
    }
}
