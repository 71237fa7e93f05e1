using Linli.Modules.Regions.Contracts;
using Linli.Modules.Residents.Data;
using Linli.Modules.Residents.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.ContractImplementations;

/// <summary>The module's counts on region pages: households and residents under a unit, from <see cref="UnitCount"/>.</summary>
internal abstract class UnitCounter(ResidentsDbContext db) : IRegionCounter
{
    public abstract string Name { get; }
    protected abstract bool CountHouseholds { get; }

    public async Task<IReadOnlyDictionary<string, long>> CountAsync(string codePrefix, int groupLength, CancellationToken cancellationToken = default)
    {
        var units = db.UnitCounts.AsNoTracking().Where(u => u.UnitCode.StartsWith(codePrefix) && u.UnitCode.Length >= groupLength);
        var grouped = CountHouseholds
            ? units.GroupBy(u => u.UnitCode.Substring(0, groupLength)).Select(g => new { g.Key, Count = g.Sum(u => u.Households) })
            : units.GroupBy(u => u.UnitCode.Substring(0, groupLength)).Select(g => new { g.Key, Count = g.Sum(u => u.Residents) });
        return await grouped.ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
    }
}

internal sealed class HouseholdCounter(ResidentsDbContext db) : UnitCounter(db)
{
    public override string Name => "households";
    protected override bool CountHouseholds => true;
}

internal sealed class ResidentCounter(ResidentsDbContext db) : UnitCounter(db)
{
    public override string Name => "residents";
    protected override bool CountHouseholds => false;
}
