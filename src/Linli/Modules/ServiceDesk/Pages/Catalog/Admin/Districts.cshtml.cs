using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Features.Catalog.DistrictItems;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.ServiceDesk.Pages.Catalog.Admin;

internal sealed record ListedItem(string Code, string Name, bool Listed);

/// <summary>A district's 代办清单 as a checklist of the catalog's items (the same use case as PUT /api/service-items/districts/{district}).</summary>
[Authorize(Policy = ServiceDeskPermissions.ConfigureCatalog)]
internal sealed class DistrictsModel(ServiceDeskDbContext db, IRegionDirectory regions, TimeProvider clock, Linli.Platform.Audit.IAuditLog audit, IStringLocalizer<Linli.Platform.Localization.SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true)] public string? District { get; set; }
    [BindProperty] public List<string> Codes { get; set; } = [];

    public IReadOnlyList<RegionInfo> Districts { get; private set; } = [];
    public IReadOnlyList<ListedItem> Items { get; private set; } = [];
    public string? Done { get; private set; }
    public string? Message { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Done = TempData["Done"] as string;
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        try
        {
            await DistrictItemsEndpoints.SetAsync(District ?? "", Codes, db, regions, clock, audit, ct);
            TempData["Done"] = "代办清单已保存。";
            return Redirect($"/services/admin/districts?district={District}");
        }
        catch (NotFoundException)
        {
            return NotFound();
        }
        catch (Exception e) when (Refusal.Of(e, text) is { } reason)
        {
            Message = reason;
        }
        return await LoadAsync(ct) ? Page() : NotFound();
    }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        Districts = await regions.ListAsync(RegionLevel.District, cancellationToken: ct);
        District = string.IsNullOrEmpty(District) ? Districts.FirstOrDefault()?.Code : District;
        if (District is null || Districts.All(d => d.Code != District)) return false;
        var listed = (await DistrictItemsEndpoints.ReadAsync(District, db, regions, ct)).Codes.ToHashSet(StringComparer.Ordinal);
        Items = [.. (await db.ServiceItems.AsNoTracking().Where(i => !i.Retired).OrderBy(i => i.Code).Select(i => new { i.Code, i.Name }).ToListAsync(ct))
            .Select(i => new ListedItem(i.Code, i.Name, listed.Contains(i.Code)))];
        return true;
    }
}
