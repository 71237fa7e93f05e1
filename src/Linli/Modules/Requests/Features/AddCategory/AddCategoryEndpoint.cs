using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.ListCategories;
using Linli.Platform.Audit;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.AddCategory;

internal sealed record AddCategoryRequest([property: Required, MaxLength(100)] string Name, int? ParentId);

internal static class AddCategoryEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/", async Task<Created<CategoryItem>> (AddCategoryRequest request, RequestsDbContext db, TimeProvider clock, IAuditLog audit,
                CategoryCatalog catalog, CancellationToken ct) =>
            {
                var item = await HandleAsync(request, db, clock, audit, catalog, ct);
                return TypedResults.Created($"/api/requests/categories/{item.Id}", item);
            })
            .WithName("AddRequestCategory")
            .WithSummary("Adds a category at the top or under a first- or second-level one (administrators).");

    /// <summary>The use case, shared by the API and the administrator's category page; the category, its default rule and the audit entry commit together.</summary>
    public static async Task<CategoryItem> HandleAsync(AddCategoryRequest request, RequestsDbContext db, TimeProvider clock, IAuditLog audit,
        CategoryCatalog catalog, CancellationToken ct)
    {
        var name = request.Name.Trim();
        if (name.Length == 0) throw ValidationFailedException.For(nameof(request.Name), "请填写名称。");
        var tree = new CategoryTree(await db.Categories.AsNoTracking().ToListAsync(ct));
        var parent = request.ParentId is { } id
            ? tree.Find(id) ?? throw ValidationFailedException.For(nameof(request.ParentId), "分类不存在。")
            : null;
        if (parent is { IsLeaf: true })
            throw ValidationFailedException.For(nameof(request.ParentId), "分类共三级，三级分类下不能再添加分类。");
        if (parent is not null && tree.IsRetired(parent))
            throw ValidationFailedException.For(nameof(request.ParentId), "上级分类已停用。");
        if (tree.All.Any(c => c.ParentId == parent?.Id && c.Name == name && !c.IsRetired))
            throw new ConflictException(new Phrase("同一上级下已有名为“{0}”的分类。", name));

        var category = new Category { Name = name, ParentId = parent?.Id, Level = (parent?.Level ?? 0) + 1 };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Categories.Add(category);
        await db.SaveChangesAsync(ct);
        // A new leaf is routed to the community where it happens until an administrator says otherwise.
        if (category.IsLeaf)
        {
            db.RoutingRules.Add(DefaultRouting.For(category.Id, null, clock.GetUtcNow().UtcDateTime));
            await db.SaveChangesAsync(ct);
        }
        var item = category.ToItem(new CategoryTree(tree.All.Append(category)));
        await audit.RecordAsync(CategoryAudit.Changed(category.Id, item.Path, "added"), db, ct);
        await transaction.CommitAsync(ct);
        await catalog.InvalidateAsync();
        return item;
    }
}
