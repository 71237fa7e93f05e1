using Linli.Modules.Requests.Domain;
using Linli.Platform.Startup;
using System.ComponentModel;
using Linli.Platform.Caching;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Data;

/// <summary>The category tree and each leaf's current routing rule, as of one read (never changed: the cache hands out this instance).</summary>
[ImmutableObject(true)]
internal sealed class CategorySnapshot(CategoryTree tree, IReadOnlyDictionary<int, RoutingRule> currentRules)
{
    public CategoryTree Tree { get; } = tree;

    /// <summary>The rule a new ticket of the category is routed under (the highest version).</summary>
    public RoutingRule? CurrentRule(int categoryId) => currentRules.GetValueOrDefault(categoryId);
}

/// <summary>
/// The category tree and current routing rules (a few hundred rows of reference data) kept in the platform's cache, so
/// that intake and the pages that name categories do not read the whole tree per request. Administrators' changes drop
/// it by tag at once in this instance; another instance sees them within <see cref="Keep"/> (Requests:CatalogRefreshSeconds).
/// A load that overlaps a change is not kept: the tag's removal outdates entries created before it.
/// </summary>
internal sealed class CategoryCatalog(IServiceScopeFactory scopes, HybridCache cache, IOptions<RequestsOptions> options, IConfiguration configuration)
{
    public const string Tag = "requests:categories";
    private const string Key = "requests:category-catalog";

    private readonly Lazy<EverydayWords> _words = new(() => EverydayWords.Parse(File.ReadLines(
        Path.Combine(ReferenceData.Folder(configuration), configuration["ReferenceData:CategoryWords"] ?? EverydayWords.File))));

    /// <summary>The shipped everyday words for suggestions (data/, read once: it changes only with a release).</summary>
    public EverydayWords Words => _words.Value;

    private readonly Lazy<IReadOnlyDictionary<string, string>> _englishNames = new(() => CategoryNames.Parse(
        Path.Combine(ReferenceData.Folder(configuration), configuration["ReferenceData:CategoryNamesEn"] ?? CategoryNames.EnglishFile)));

    /// <summary>The shipped categories' English names by their Chinese ones (data/, read once).</summary>
    public IReadOnlyDictionary<string, string> EnglishNames => _englishNames.Value;

    public TimeSpan Keep => TimeSpan.FromSeconds(options.Value.CatalogRefreshSeconds);

    /// <summary>How the catalog is kept: expiring after <see cref="Keep"/>, under <see cref="Tag"/>.</summary>
    public HybridCacheEntryOptions Entry => CacheBound.Of(Keep);

    public ValueTask<CategorySnapshot> GetAsync(CancellationToken cancellationToken = default) =>
        cache.GetOrCreateAsync(Key, scopes, LoadAsync, Entry, [Tag], cancellationToken);

    /// <summary>After a change to categories or rules: the next read loads them again.</summary>
    public ValueTask InvalidateAsync() => cache.RemoveByTagAsync(Tag, CancellationToken.None);

    private static async ValueTask<CategorySnapshot> LoadAsync(IServiceScopeFactory scopes, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        var categories = await db.Categories.AsNoTracking().ToListAsync(cancellationToken);
        var rules = await db.RoutingRules.AsNoTracking().Where(r => r.IsCurrent).ToListAsync(cancellationToken);
        return new CategorySnapshot(new CategoryTree(categories),
            rules.GroupBy(r => r.CategoryId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Version)!));
    }
}
