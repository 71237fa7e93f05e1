using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.SuggestCategory;
using Linli.Platform.Startup;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Data;

/// <summary>The category tree and each leaf's current routing rule, as of one read.</summary>
internal sealed class CategorySnapshot(CategoryTree tree, IReadOnlyDictionary<int, RoutingRule> currentRules)
{
    public CategoryTree Tree { get; } = tree;

    /// <summary>The rule a new ticket of the category is routed under (the highest version).</summary>
    public RoutingRule? CurrentRule(int categoryId) => currentRules.GetValueOrDefault(categoryId);
}

/// <summary>
/// The category tree and current routing rules (a few hundred rows of reference data) kept in memory, so that intake and
/// the pages that name categories do not read the whole tree per request. Administrators' changes invalidate it at once
/// in this instance; another instance sees them within <see cref="Keep"/> (Requests:CatalogRefreshSeconds).
/// </summary>
internal sealed class CategoryCatalog(IServiceScopeFactory scopes, TimeProvider clock, IOptions<RequestsOptions> options, IConfiguration configuration) : IDisposable
{
    private readonly Lazy<EverydayWords> _words = new(() => EverydayWords.Parse(File.ReadLines(
        Path.Combine(ReferenceData.Folder(configuration), configuration["ReferenceData:CategoryWords"] ?? EverydayWords.File))));

    /// <summary>The shipped everyday words for suggestions (data/, read once: it changes only with a release).</summary>
    public EverydayWords Words => _words.Value;

    public TimeSpan Keep => TimeSpan.FromSeconds(options.Value.CatalogRefreshSeconds);

    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();
    // A reference, swapped whole: requests read it without the gate, and a struct this size could be read half-written.
    private sealed record Loaded(CategorySnapshot Snapshot, DateTime At, long Generation);

    private volatile Loaded? _current;
    private long _generation;

    public async Task<CategorySnapshot> GetAsync(CancellationToken cancellationToken = default)
    {
        if (Fresh() is { } snapshot) return snapshot;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } raced) return raced;
            var generation = Interlocked.Read(ref _generation);
            var at = clock.GetUtcNow().UtcDateTime;
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
            var categories = await db.Categories.AsNoTracking().ToListAsync(cancellationToken);
            var rules = await db.RoutingRules.AsNoTracking().Where(r => r.IsCurrent).ToListAsync(cancellationToken);
            var loaded = new CategorySnapshot(new CategoryTree(categories),
                rules.GroupBy(r => r.CategoryId).ToDictionary(g => g.Key, g => g.MaxBy(r => r.Version)!));
            _current = new Loaded(loaded, at, generation);
            return loaded;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>After a change to categories or rules: the next read loads them again.</summary>
    public void Invalidate() => Interlocked.Increment(ref _generation);

    private CategorySnapshot? Fresh() =>
        _current is { } c && c.Generation == Interlocked.Read(ref _generation) && clock.GetUtcNow().UtcDateTime - c.At < Keep ? c.Snapshot : null;
}
