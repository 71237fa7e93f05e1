using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.AddCategory;
using Linli.Modules.Requests.Features.ChangeCategory;
using Linli.Modules.Requests.Features.ListCategories;
using Linli.Platform.Audit;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Linli.Modules.Requests.Pages.Admin;

/// <summary>
/// The category tree as data: browse, search, add, rename, retire/restore and move — each form calls the module's
/// use case (the same as POST/PATCH /api/requests/categories). Retired categories stay on their old tickets.
/// </summary>
[Authorize(Policy = RequestsPermissions.ConfigureRequests)]
internal sealed class CategoriesModel(RequestsDbContext db, TimeProvider clock, IAuditLog audit, CategoryCatalog catalog) : PageModel
{
    public const int PageSize = 50;

    [BindProperty(SupportsGet = true)] public int? ParentId { get; set; }
    [BindProperty(SupportsGet = true), MaxLength(100)] public string? Search { get; set; }
    [BindProperty(SupportsGet = true)] public bool IncludeRetired { get; set; }
    [BindProperty(SupportsGet = true)] public int? PageNumber { get; set; }

    [BindProperty, MaxLength(100, ErrorMessage = "名称不能超过 100 个字。")] public string? Name { get; set; }
    [BindProperty] public int? NewParentId { get; set; }
    [BindProperty] public int? CategoryId { get; set; }

    public Paged<CategoryItem> Items { get; private set; } = null!;
    public CategoryItem? Parent { get; private set; }
    public IReadOnlyList<CategoryItem> Parents { get; private set; } = [];
    public string? Message { get; private set; }
    public string? Done { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        Done = TempData["Done"] as string;
        await LoadAsync(ct);
    }

    public Task<IActionResult> OnPostAddAsync(CancellationToken ct) =>
        RunAsync(() => AddCategoryEndpoint.HandleAsync(new AddCategoryRequest(Name ?? "", NewParentId), db, clock, audit, catalog, ct), "已添加分类。", ct);

    public Task<IActionResult> OnPostRenameAsync(CancellationToken ct) =>
        RunAsync(() => ChangeCategoryEndpoint.HandleAsync(CategoryId ?? 0, new ChangeCategoryRequest(Name ?? "", null, null), db, audit, catalog, ct), "已重命名。", ct);

    public Task<IActionResult> OnPostMoveAsync(CancellationToken ct) =>
        RunAsync(() => ChangeCategoryEndpoint.HandleAsync(CategoryId ?? 0, new ChangeCategoryRequest(null, NewParentId ?? 0, null), db, audit, catalog, ct), "已移动。", ct);

    public Task<IActionResult> OnPostRetireAsync(CancellationToken ct) =>
        RunAsync(() => ChangeCategoryEndpoint.HandleAsync(CategoryId ?? 0, new ChangeCategoryRequest(null, null, true), db, audit, catalog, ct), "已停用。", ct);

    public Task<IActionResult> OnPostRestoreAsync(CancellationToken ct) =>
        RunAsync(() => ChangeCategoryEndpoint.HandleAsync(CategoryId ?? 0, new ChangeCategoryRequest(null, null, false), db, audit, catalog, ct), "已恢复。", ct);

    private async Task<IActionResult> RunAsync(Func<Task<CategoryItem>> act, string done, CancellationToken ct)
    {
        if (ModelState.IsValid)
        {
            try
            {
                await act();
                TempData["Done"] = done;
                var query = new List<string>();
                if (ParentId is { } p) query.Add("parentId=" + p);
                if (!string.IsNullOrEmpty(Search)) query.Add("search=" + Uri.EscapeDataString(Search));
                if (IncludeRetired) query.Add("includeRetired=true");
                return Redirect("/requests/admin/categories" + (query.Count > 0 ? "?" + string.Join("&", query) : ""));
            }
            catch (ValidationFailedException invalid)
            {
                Message = invalid.Errors.Keys.FirstOrDefault() switch
                {
                    "Name" => "请填写名称。",
                    "ParentId" => "上级分类无效：分类共三级，只能移到同级的另一个上级下，停用的分类下不能添加。",
                    _ => "输入有误，请检查后重新提交。",
                };
            }
            catch (ConflictException)
            {
                Message = "同一上级下已有同名分类。";
            }
            catch (NotFoundException)
            {
                Message = "分类不存在。";
            }
        }
        else Message = "输入有误，请检查后重新提交。";
        db.ChangeTracker.Clear();
        await LoadAsync(ct);
        return Page();
    }

    private async Task LoadAsync(CancellationToken ct)
    {
        // Browsing a parent lists its children; a search looks through every path.
        var searching = !string.IsNullOrWhiteSpace(Search);
        Items = await ListCategoriesEndpoint.ListAsync(searching ? null : ParentId, searching || ParentId is not null ? null : 1, IncludeRetired, Search,
            PageNumber, PageSize, db, ct);
        var tree = await CategoryPaths.TreeAsync(db, ct);
        Parent = ParentId is { } id && tree.Find(id) is { } parent ? parent.ToItem(tree) : null;
        Parents = tree.All.Where(c => c.Level < Category.LeafLevel && !tree.IsRetired(c)).Select(c => c.ToItem(tree))
            .OrderBy(c => c.Path, StringComparer.Ordinal).ToList();
    }
}
