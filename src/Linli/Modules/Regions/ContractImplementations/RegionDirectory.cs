using Linli.Modules.Regions.Contracts;
using Linli.Modules.Regions.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Regions.ContractImplementations;

internal sealed class RegionDirectory(RegionsDbContext db) : IRegionDirectory, Linli.Platform.Ui.IRegionNames
{
    public async Task<RegionInfo?> FindAsync(string code, CancellationToken cancellationToken = default) =>
        (await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, cancellationToken))?.ToInfo();

    public async Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> codes, CancellationToken cancellationToken = default)
    {
        var wanted = codes.Distinct(StringComparer.Ordinal).ToList();
        if (wanted.Count == 0) return new Dictionary<string, string>();
        // The two columns only: a ranking names a few thousand units.
        return await db.Regions.AsNoTracking().Where(r => wanted.Contains(r.Code)).Select(r => new { r.Code, r.Name })
            .ToDictionaryAsync(r => r.Code, r => r.Name, StringComparer.Ordinal, cancellationToken);
    }

    public async Task<IReadOnlyList<RegionInfo>> ListAsync(RegionLevel level, string codePrefix = "", CancellationToken cancellationToken = default) =>
        await db.Regions.AsNoTracking()
            .Where(r => r.Level == level && r.Code.StartsWith(codePrefix))
            .OrderBy(r => r.Code)
            .Select(r => new RegionInfo(r.Code, r.Name, r.Level, r.Kind, r.ParentCode, r.Longitude, r.Latitude))
            .ToListAsync(cancellationToken);
}
