namespace Linli.Modules.Requests.Domain;

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
