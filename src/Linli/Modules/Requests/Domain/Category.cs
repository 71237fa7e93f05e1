namespace Linli.Modules.Requests.Domain;

/// <summary>
/// One node of the three-level request classification (一级/二级/三级分类). Tickets are filed under leaves (level 3).
/// Retired categories take no new tickets but stay on the old ones.
/// </summary>
internal sealed class Category
{
    public const int LeafLevel = 3;

    public int Id { get; set; }
    public required string Name { get; set; }
    public int? ParentId { get; set; }
    public int Level { get; set; }
    public bool IsRetired { get; set; }

    /// <summary>"level1/level2/level3" of the shipped tree for seeded categories (kept through renames and moves); null for added ones.</summary>
    public string? SeedKey { get; set; }

    public bool IsLeaf => Level == LeafLevel;
}

/// <summary>The whole tree in memory (a few hundred rows): paths and ancestry without a query per node.</summary>
internal sealed class CategoryTree(IEnumerable<Category> categories)
{
    private readonly Dictionary<int, Category> _byId = categories.ToDictionary(c => c.Id);

    public Category? Find(int id) => _byId.GetValueOrDefault(id);

    public IEnumerable<Category> All => _byId.Values;

    public IEnumerable<Category> Ancestry(Category category)
    {
        for (var c = category; c is not null; c = c.ParentId is { } p ? _byId.GetValueOrDefault(p) : null) yield return c;
    }

    /// <summary>"城乡建设 / 城市建设和市政管理 / 燃气供应".</summary>
    public string PathOf(Category category) => string.Join(" / ", Ancestry(category).Reverse().Select(c => c.Name));

    /// <summary>Retired itself or under a retired ancestor: takes no new tickets.</summary>
    public bool IsRetired(Category category) => Ancestry(category).Any(c => c.IsRetired);
}
