namespace Linli.Modules.Requests.Domain;

/// <summary>
/// The whole tree in memory (a few hundred rows): paths and ancestry without a query per node. Names are the stored
/// (Chinese) ones unless the tree was made <see cref="NamedIn"/> another language for display.
/// </summary>
internal sealed class CategoryTree(IEnumerable<Category> categories, IReadOnlyDictionary<string, string>? displayNames = null)
{
    private readonly Dictionary<int, Category> _byId = categories.ToDictionary(c => c.Id);

    /// <summary>
    /// The same tree naming categories by <paramref name="names"/> (a stored name → its translation); a name without
    /// one (a category an administrator added or renamed) keeps its stored name.
    /// </summary>
    public CategoryTree NamedIn(IReadOnlyDictionary<string, string> names) => new(_byId.Values, names);

    /// <summary>The category's name as this tree shows it.</summary>
    public string NameOf(Category category) => displayNames?.GetValueOrDefault(category.Name) ?? category.Name;

    public Category? Find(int id) => _byId.GetValueOrDefault(id);

    public IEnumerable<Category> All => _byId.Values;

    public IEnumerable<Category> Ancestry(Category category)
    {
        for (var c = category; c is not null; c = c.ParentId is { } p ? _byId.GetValueOrDefault(p) : null) yield return c;
    }

    /// <summary>"城乡建设 / 城市建设和市政管理 / 燃气供应".</summary>
    public string PathOf(Category category) => string.Join(" / ", Ancestry(category).Reverse().Select(NameOf));

    /// <summary>Retired itself or under a retired ancestor: takes no new tickets.</summary>
    public bool IsRetired(Category category) => Ancestry(category).Any(c => c.IsRetired);
}
