using Linli.Modules.Regions.Contracts;
using Linli.Modules.Regions.Data;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Regions.ContractImplementations;

/// <summary>The region module's own count: grids under a unit.</summary>
internal sealed class GridCounter(RegionsDbContext db) : IRegionCounter
{
    public string Name => "grids";

    public async Task<IReadOnlyDictionary<string, long>> CountAsync(string codePrefix, int groupLength, CancellationToken cancellationToken = default) =>
        await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Grid).Select(r => r.Code)
            .CountByPrefixAsync(codePrefix, groupLength, cancellationToken);
}
