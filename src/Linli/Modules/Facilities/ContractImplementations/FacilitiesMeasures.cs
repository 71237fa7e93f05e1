using Linli.Modules.Facilities.Contracts;
using Linli.Modules.Facilities.Data;
using Linli.Modules.Facilities.Domain;
using Linli.Modules.Indicators.Contracts;
using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.ContractImplementations;

/// <summary>
/// The facilities' measures for the indicators (data/indicators-2021-2025.json): one grouped query a measure over the
/// facilities in service at the end of <c>asOf</c> (opened on or before it, not closed by the next day). Counts and
/// areas are per community; minors' protection stations are per street (the first 9 digits of the code).
/// </summary>
internal sealed class FacilitiesMeasures(FacilitiesDbContext db) : IMeasureSource
{
    private static readonly FacilityType[] ElderlyCare = [FacilityType.ElderlyCareStation, FacilityType.HomeCareCentre];

    public IReadOnlyList<MeasureInfo> Measures { get; } =
    [
        new(MeasureCodes.CentreArea, "社区综合服务设施面积", "平方米"),
        new(MeasureCodes.Centres, "社区综合服务设施数", "个"),
        new(MeasureCodes.CentreServiceArea, "服务居民区域面积", "平方米"),
        new(MeasureCodes.CentresOpenEightHours, "每日开放8小时以上的综合服务设施数", "个"),
        new(MeasureCodes.SelfServiceTerminals, "政务通用自助服务终端数", "台"),
        new(MeasureCodes.ElderlyCareArea, "居家养老服务设施面积", "平方米"),
        new(MeasureCodes.ShelterArea, "应急避难场所面积", "平方米"),
        new(MeasureCodes.MinorsProtectionStations, "未成年人保护工作站数", "个"),
        new(MeasureCodes.Libraries, "社区图书分馆数", "个"),
        new(MeasureCodes.HappinessClassrooms, "幸福课堂数", "个"),
        new(MeasureCodes.CityLevelCentres, "市级党群服务中心示范点数", "个"),
    ];

    public async Task<IReadOnlyList<MeasureValue>> MeasureAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default)
    {
        // The facility list has no query filter today; reading past any would still be right: a sum names nobody.
        var all = db.Facilities.IgnoreQueryFilters().AsNoTracking()
            .Where(f => f.OpenedOn <= asOf && (f.ClosedOn == null || f.ClosedOn > asOf));
        var centres = all.Where(f => f.Type == FacilityType.PartyMassServiceCentre);
        var values = code switch
        {
            MeasureCodes.CentreArea => await SumAsync(centres, f => f.FloorArea, cancellationToken),
            MeasureCodes.Centres => await CountAsync(centres, cancellationToken),
            MeasureCodes.CentreServiceArea => await SumAsync(centres.Where(f => f.ServiceArea != null), f => f.ServiceArea!.Value, cancellationToken),
            MeasureCodes.CentresOpenEightHours =>
                await CountAsync(centres.Where(f => f.OpeningHoursPerDay >= Facility.StandardDailyHours), cancellationToken),
            MeasureCodes.SelfServiceTerminals => await CountAsync(all.Where(f => f.Type == FacilityType.SelfServiceTerminal), cancellationToken),
            MeasureCodes.ElderlyCareArea => await SumAsync(all.Where(f => ElderlyCare.Contains(f.Type)), f => f.FloorArea, cancellationToken),
            MeasureCodes.ShelterArea => await SumAsync(all.Where(f => f.Type == FacilityType.Shelter), f => f.FloorArea, cancellationToken),
            MeasureCodes.MinorsProtectionStations => await all.Where(f => f.Type == FacilityType.MinorsProtectionStation)
                .GroupBy(f => f.CommunityCode.Substring(0, 9)).Select(g => new MeasureValue(g.Key, g.Count())).ToListAsync(cancellationToken),
            MeasureCodes.Libraries => await CountAsync(all.Where(f => f.Type == FacilityType.LibraryBranch), cancellationToken),
            MeasureCodes.HappinessClassrooms => await CountAsync(all.Where(f => f.Type == FacilityType.HappinessClassroom), cancellationToken),
            MeasureCodes.CityLevelCentres => await CountAsync(centres.Where(f => f.CityLevelSince != null && f.CityLevelSince <= asOf), cancellationToken),
            _ => throw new ArgumentException($"Facilities publish no measure {code}.", nameof(code)),
        };
        return values.Where(v => v.Value != 0).OrderBy(v => v.RegionCode, StringComparer.Ordinal).ToList();
    }

    private static Task<List<MeasureValue>> CountAsync(IQueryable<Facility> facilities, CancellationToken cancellationToken) =>
        facilities.GroupBy(f => f.CommunityCode).Select(g => new MeasureValue(g.Key, g.Count())).ToListAsync(cancellationToken);

    private static Task<List<MeasureValue>> SumAsync(IQueryable<Facility> facilities, Expression<Func<Facility, double>> area,
        CancellationToken cancellationToken) =>
        facilities.GroupBy(f => f.CommunityCode, area).Select(g => new MeasureValue(g.Key, g.Sum())).ToListAsync(cancellationToken);
}
