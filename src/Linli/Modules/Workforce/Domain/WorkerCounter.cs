using Linli.Modules.Regions.Contracts;
using Linli.Modules.Workforce.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Workforce.Domain;

/// <summary>
/// Workers per region, shown on the region page as "workers". A count names nobody, so it is the same for every caller
/// (like the other modules' counts) and deliberately bypasses the scope filter that guards the list of people.
/// </summary>
internal sealed class WorkerCounter(WorkforceDbContext db) : IRegionCounter
{
    public string Name => "workers";

    public async Task<IReadOnlyDictionary<string, long>> CountAsync(string codePrefix, int groupLength, CancellationToken cancellationToken = default) =>
        await db.Workers.IgnoreQueryFilters().AsNoTracking()
            .Where(w => w.CommunityCode.StartsWith(codePrefix))
            .GroupBy(w => w.CommunityCode.Substring(0, groupLength))
            .Select(g => new { g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
