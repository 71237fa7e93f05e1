using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.ContractImplementations;

/// <summary>Households and residents per community from the per-unit counts (Domain/UnitCount.cs: thousands of rows, not millions).</summary>
internal sealed class CommunityPopulationCounts(ResidentsDbContext db) : ICommunityPopulation
{
    public async Task<IReadOnlyDictionary<string, CommunityPopulation>> PerCommunityAsync(string codePrefix, CancellationToken cancellationToken = default)
    {
        var rows = await db.UnitCounts.AsNoTracking().Where(u => u.UnitCode.StartsWith(codePrefix) && u.UnitCode.Length >= 12)
            .GroupBy(u => u.UnitCode.Substring(0, 12))
            .Select(g => new { g.Key, Households = g.Sum(u => u.Households), Residents = g.Sum(u => u.Residents) })
            .ToListAsync(cancellationToken);
        return rows.Where(r => r.Households > 0 || r.Residents > 0)
            .ToDictionary(r => r.Key, r => new CommunityPopulation(r.Key, r.Households, r.Residents), StringComparer.Ordinal);
    }
}
