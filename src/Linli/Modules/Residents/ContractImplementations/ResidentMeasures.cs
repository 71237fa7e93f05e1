using Linli.Modules.Indicators.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Residents.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.ContractImplementations;

/// <summary>
/// Households and residents per community for the indicators, from the per-unit counts (Domain/UnitCount.cs: a few thousand
/// rows, not millions). The pool holds who lives here now and no moving dates, so every date is measured by today's
/// pool; the indicators' explanation says so.
/// </summary>
internal sealed class ResidentMeasures(ResidentsDbContext db, IRegionDirectory regions) : IMeasureSource
{
    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new(MeasureCodes.Households, "常住户数", "户"),
        new(MeasureCodes.Residents, "常住人口", "人"),
        new(MeasureCodes.UrbanResidents, "城镇常住人口（城市社区）", "人"),
    ];

    public async Task<IReadOnlyList<MeasureValue>> MeasureAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var households = code switch
        {
            MeasureCodes.Households => true,
            MeasureCodes.Residents or MeasureCodes.UrbanResidents => false,
            _ => throw new ArgumentException($"Residents publish no measure {code}.", nameof(code)),
        };
        var units = db.UnitCounts.AsNoTracking().Where(u => u.UnitCode.Length >= 12);
        var perCommunity = households
            ? await units.GroupBy(u => u.UnitCode.Substring(0, 12)).Select(g => new { g.Key, Value = g.Sum(u => u.Households) }).ToListAsync(cancellationToken)
            : await units.GroupBy(u => u.UnitCode.Substring(0, 12)).Select(g => new { g.Key, Value = g.Sum(u => u.Residents) }).ToListAsync(cancellationToken);
        var values = perCommunity.Where(v => v.Value > 0).Select(v => new MeasureValue(v.Key, v.Value));
        if (code == MeasureCodes.UrbanResidents)
        {
            var urban = (await regions.ListAsync(RegionLevel.Community, cancellationToken: cancellationToken))
                .Where(c => c.Kind == RegionKind.UrbanCommunity).Select(c => c.Code).ToHashSet(StringComparer.Ordinal);
            values = values.Where(v => urban.Contains(v.RegionCode));
        }
        return values.ToList();
    }
}
