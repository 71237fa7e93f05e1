using System.ComponentModel.DataAnnotations;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Catalog;
using Linli.Modules.ServiceDesk.Features.Catalog.EditItem;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Pages.Catalog.Admin;

internal sealed record AdminItemRow(string Code, string Name, bool Retired, int? Published, int? Draft);

/// <summary>Every item of the catalog with its published version and open draft; a form starts a new item (the same use case as POST /api/service-items).</summary>
[Authorize(Policy = ServiceDeskPermissions.ConfigureCatalog)]
internal sealed class ItemsModel(ServiceDeskDbContext db, IDepartmentDirectory departments, TimeProvider clock,
    Microsoft.Extensions.Localization.IStringLocalizer<Linli.Platform.Localization.SharedResource> text) : PageModel
{
    [BindProperty(SupportsGet = true), MaxLength(100)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }
    [BindProperty, MaxLength(ItemCode.MaxLength, ErrorMessage = "事项编码不能超过 64 个字符。")] public string? Code { get; set; }
    [BindProperty, MaxLength(ItemRules.NameLength, ErrorMessage = "名称不能超过 200 个字。")] public string? Name { get; set; }

    public Paged<AdminItemRow> Items { get; private set; } = new([], 1, 50, 0);
    public Dictionary<string, string[]> Errors { get; private set; } = [];
    public string? Message { get; private set; }

    public async Task OnGetAsync(CancellationToken ct) => await LoadAsync(ct);

    public async Task<IActionResult> OnPostCreateAsync(CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                var created = await EditItemEndpoints.CreateAsync(new NewItem { Code = Code, Name = Name }, db, departments, clock, ct);
                return Redirect($"/services/admin/items/{created.Code}");
            }
            catch (ValidationFailedException e)
            {
                Errors = e.Localized(text);
            }
            catch (ConflictException e)
            {
                Errors["Code"] = [e.Phrase.In(text)];
            }
        }
        else Message = ModelState.Values.SelectMany(v => v.Errors).First().ErrorMessage;
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        var search = Search?.Trim();
        var query = db.ServiceItems.AsNoTracking();
        if (search is { Length: > 0 }) query = query.Where(i => i.Name.Contains(search) || i.Code.StartsWith(search));
        Items = await query.OrderBy(i => i.Code).Select(i => new AdminItemRow(i.Code, i.Name, i.Retired,
                i.Versions.Where(v => v.State == ItemVersionState.Published).Select(v => (int?)v.Number).FirstOrDefault(),
                i.Versions.Where(v => v.State == ItemVersionState.Draft).Select(v => (int?)v.Number).FirstOrDefault()))
            .ToPagedAsync(PageNumber, 50, ct);
    }
}
