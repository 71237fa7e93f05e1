using System.Globalization;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Pages;

/// <summary>Category paths (一级 / 二级 / 三级) for the pages, from the database or the cache.</summary>
internal static class CategoryPaths
{
    /// <summary>Fresh from the database, for the pages that change categories.</summary>
    public static async Task<CategoryTree> TreeAsync(RequestsDbContext db, CancellationToken ct) =>
        new(await db.Categories.AsNoTracking().ToListAsync(ct));

    /// <summary>From the cache, for the pages that only name categories: in English when the page is (the shipped names translated).</summary>
    public static async Task<CategoryTree> TreeAsync(CategoryCatalog catalog, CancellationToken ct)
    {
        var tree = (await catalog.GetAsync(ct)).Tree;
        return CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? tree.NamedIn(catalog.EnglishNames) : tree;
    }

    public static string PathOf(this CategoryTree tree, int id) => tree.Find(id) is { } c ? tree.PathOf(c) : id.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The leaves that take tickets, grouped by their first two levels, for a select with optgroups.</summary>
    public static IEnumerable<IGrouping<string, Category>> LeavesByParent(this CategoryTree tree) =>
        tree.All.Where(c => c.IsLeaf && !tree.IsRetired(c))
            .OrderBy(tree.PathOf, StringComparer.Ordinal)
            .GroupBy(c => c.ParentId is { } p && tree.Find(p) is { } parent ? tree.PathOf(parent) : "");
}
