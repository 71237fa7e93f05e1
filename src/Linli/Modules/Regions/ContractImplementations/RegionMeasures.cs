using Linli.Modules.Indicators.Contracts;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Regions.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Regions.ContractImplementations;

/// <summary>The units themselves as measures (1 at each unit's code): the denominators of "per urban community", "per village".</summary>
internal sealed class RegionMeasures(RegionsDbContext db) : IMeasureSource
{
    private static readonly Dictionary<string, RegionKind[]> Kinds = new(StringComparer.Ordinal)
    {
        [MeasureCodes.UrbanCommunities] = [RegionKind.UrbanCommunity],
        [MeasureCodes.Villages] = [RegionKind.Village],
        [MeasureCodes.Subdistricts] = [RegionKind.Subdistrict],
        [MeasureCodes.Towns] = [RegionKind.Town, RegionKind.Township],
    };

    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new(MeasureCodes.UrbanCommunities, "城市社区数", "个"),
        new(MeasureCodes.Villages, "行政村数", "个"),
        new(MeasureCodes.Subdistricts, "街道数", "个"),
        new(MeasureCodes.Towns, "乡镇数", "个"),
    ];

    /// <summary>The region tree is today's (imports replace it); a unit counts at every date.</summary>
    public async Task<IReadOnlyList<MeasureValue>> MeasureAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        var kinds = Kinds.GetValueOrDefault(code) ?? throw new ArgumentException($"Regions publish no measure {code}.", nameof(code));
        return await db.Regions.AsNoTracking().Where(r => kinds.Contains(r.Kind)).OrderBy(r => r.Code)
            .Select(r => new MeasureValue(r.Code, 1)).ToListAsync(cancellationToken);
    }
}
