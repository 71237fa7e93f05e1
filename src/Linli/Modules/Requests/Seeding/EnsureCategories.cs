using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Startup;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Seeding;

/// <summary>
/// Reference data, at every start: the shipped three-level tree (data/request-categories-3level.csv) is added where a node
/// is missing (by its seed key, so renamed, moved or retired categories are left as an administrator left them), and
/// every leaf without a routing rule gets the default one.
/// </summary>
internal sealed class EnsureCategories(RequestsDbContext db, IDepartmentDirectory departments, IConfiguration configuration, TimeProvider clock)
    : IStartupTask
{
    public const string File = "request-categories-3level.csv";

    public int Order => 40;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(ReferenceData.Folder(configuration), configuration["ReferenceData:RequestCategories"] ?? File);
        var rows = (await System.IO.File.ReadAllLinesAsync(path, cancellationToken))
            .Skip(1)
            .Where(l => !string.IsNullOrWhiteSpace(l))
            .Select(l => l.Split(',').Select(p => p.Trim()).ToArray())
            .Where(p => p.Length == 3)
            .ToList();

        var existing = await db.Categories.Where(c => c.SeedKey != null).ToDictionaryAsync(c => c.SeedKey!, cancellationToken);
        for (var level = 1; level <= Category.LeafLevel; level++)
        {
            var added = false;
            foreach (var key in rows.Select(r => string.Join('/', r.Take(level))).Distinct())
            {
                if (existing.ContainsKey(key)) continue;
                var parentKey = level == 1 ? null : key[..key.LastIndexOf('/')];
                var category = new Category
                {
                    Name = key[(key.LastIndexOf('/') + 1)..], Level = level, SeedKey = key,
                    ParentId = parentKey is null ? null : existing[parentKey].Id,
                };
                db.Categories.Add(category);
                existing[key] = category;
                added = true;
            }
            if (added) await db.SaveChangesAsync(cancellationToken);
        }

        var tree = new CategoryTree(await db.Categories.AsNoTracking().ToListAsync(cancellationToken));
        var routed = (await db.RoutingRules.Select(r => r.CategoryId).Distinct().ToListAsync(cancellationToken)).ToHashSet();
        var active = (await departments.ListAsync(cancellationToken: cancellationToken)).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var now = clock.GetUtcNow().UtcDateTime;
        var missing = tree.All.Where(c => c.IsLeaf && !routed.Contains(c.Id)).ToList();
        if (missing.Count == 0) return;
        foreach (var leaf in missing)
        {
            var names = tree.Ancestry(leaf).Reverse().Select(c => c.Name).ToList();
            db.RoutingRules.Add(DefaultRouting.For(leaf.Id, DefaultRouting.DepartmentFor(names, active), now));
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
