using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.ListCategories;

internal sealed record CategoryItem(int Id, string Name, int? ParentId, int Level, bool IsRetired, string Path);

internal static class ListCategoriesEndpoint
{
    public static CategoryItem ToItem(this Category c, CategoryTree tree) => new(c.Id, c.Name, c.ParentId, c.Level, tree.IsRetired(c), tree.PathOf(c));

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/", async Task<Ok<Paged<CategoryItem>>> (int? parentId, int? level, bool? includeRetired, string? search, int? page, int? pageSize,
                RequestsDbContext db, CancellationToken ct) => TypedResults.Ok(await ListAsync(parentId, level, includeRetired, search, page, pageSize, db, ct)))
            .WithName("ListRequestCategories")
            .WithSummary("Request categories (three levels), filtered by parent, level or a text in the path; retired ones on request; paginated.");

    /// <summary>The query, shared by the API and the pages.</summary>
    public static async Task<Paged<CategoryItem>> ListAsync(int? parentId, int? level, bool? includeRetired, string? search, int? page, int? pageSize,
        RequestsDbContext db, CancellationToken ct)
    {
        // The tree is small (hundreds of rows): paths and inherited retirement are worked out in memory.
        var tree = new CategoryTree(await db.Categories.AsNoTracking().ToListAsync(ct));
        var items = tree.All
            .Where(c => parentId is null || c.ParentId == parentId)
            .Where(c => level is null || c.Level == level)
            .Where(c => includeRetired == true || !tree.IsRetired(c))
            .Select(c => c.ToItem(tree))
            .Where(c => string.IsNullOrWhiteSpace(search) || c.Path.Contains(search.Trim(), StringComparison.Ordinal))
            .OrderBy(c => c.Path, StringComparer.Ordinal).ThenBy(c => c.Id)
            .ToList();
        var (p, size) = Paging.Normalize(page, pageSize);
        return new Paged<CategoryItem>(items.Skip((p - 1) * size).Take(size).ToList(), p, size, items.Count);
    }
}
