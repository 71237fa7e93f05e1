using Linli.Modules.Facilities.Data;
using Linli.Modules.Regions.Contracts;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.Domain;

/// <summary>Facilities per region (all types), shown on the region page as "facilities".</summary>
internal sealed class FacilityCounter(FacilitiesDbContext db) : IRegionCounter
{
    public string Name => "facilities";

    public async Task<IReadOnlyDictionary<string, long>> CountAsync(string codePrefix, int groupLength, CancellationToken cancellationToken = default) =>
        await db.Facilities.AsNoTracking()
            .Where(f => f.CommunityCode.StartsWith(codePrefix))
            .GroupBy(f => f.CommunityCode.Substring(0, groupLength))
            .Select(g => new { g.Key, Count = g.LongCount() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
}
