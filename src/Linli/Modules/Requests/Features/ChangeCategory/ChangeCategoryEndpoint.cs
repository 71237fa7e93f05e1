using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.ListCategories;
using Linli.Platform.Audit;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.ChangeCategory;

/// <summary>Any of: a new name, a new parent (same level as the old one), retired or restored.</summary>
internal sealed record ChangeCategoryRequest([property: MaxLength(100)] string? Name, int? ParentId, bool? Retired);

internal static class ChangeCategoryEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPatch("/{id:int}", async Task<Ok<CategoryItem>> (int id, ChangeCategoryRequest request, RequestsDbContext db, IAuditLog audit,
                CategoryCatalog catalog, CancellationToken ct) =>
                TypedResults.Ok(await HandleAsync(id, request, db, audit, catalog, ct)))
            .WithName("ChangeRequestCategory")
            .WithSummary("Renames, moves (under another parent of the same level) or retires/restores a category (administrators). Tickets keep their category.");

    /// <summary>The use case, shared by the API and the administrator's category page; each change is audited in the same transaction.</summary>
    public static async Task<CategoryItem> HandleAsync(int id, ChangeCategoryRequest request, RequestsDbContext db, IAuditLog audit, CategoryCatalog catalog,
        CancellationToken ct)
    {
        var all = await db.Categories.ToListAsync(ct);
        var tree = new CategoryTree(all);
        var category = tree.Find(id) ?? throw new NotFoundException("分类 {0} 不存在。", id);
        var (oldPath, oldName, oldParent, oldRetired) = (tree.PathOf(category), category.Name, category.ParentId, category.IsRetired);
        if (request.Name is { } rawName)
        {
            var name = rawName.Trim();
            if (name.Length == 0) throw ValidationFailedException.For(nameof(request.Name), "请填写名称。");
            category.Name = name;
        }
        if (request.ParentId is { } parentId && parentId != category.ParentId)
        {
            var parent = tree.Find(parentId) ?? throw ValidationFailedException.For(nameof(request.ParentId), "分类不存在。");
            // The tree keeps three levels: a category moves only under a parent of the level its old parent had.
            if (parent.Level != category.Level - 1)
                throw ValidationFailedException.For(nameof(request.ParentId), "{0}级分类只能移到{1}级分类下。", category.Level, category.Level - 1);
            category.ParentId = parent.Id;
        }
        if (request.Retired is { } retired) category.IsRetired = retired;
        if (tree.All.Any(c => c.Id != category.Id && c.ParentId == category.ParentId && c.Name == category.Name && !c.IsRetired) && !category.IsRetired)
            throw new ConflictException(new Phrase("同一上级下已有名为“{0}”的分类。", category.Name));
        var item = category.ToItem(tree);
        var changes = new List<AuditRecord>();
        if (category.Name != oldName) changes.Add(CategoryAudit.Changed(category.Id, item.Path, "renamed", "原名称：" + oldName));
        if (category.ParentId != oldParent) changes.Add(CategoryAudit.Changed(category.Id, item.Path, "moved", "原位置：" + oldPath));
        if (category.IsRetired != oldRetired) changes.Add(CategoryAudit.Changed(category.Id, item.Path, category.IsRetired ? "retired" : "restored"));
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        foreach (var change in changes) await audit.RecordAsync(change, db, ct);
        await transaction.CommitAsync(ct);
        await catalog.InvalidateAsync();
        return item;
    }
}
