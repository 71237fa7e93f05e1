using Linli.Modules.Facilities.Contracts;
using Linli.Modules.Facilities.Data;
using Linli.Modules.Facilities.Domain;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Residents.Contracts;
using Linli.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.Features.Standards;

/// <summary>A community with every standard held against it.</summary>
internal sealed record CommunityStandards(string Code, string Name, string? Street, string? District, bool Urban, long Households, long Residents,
    IReadOnlyList<StandardCheck> Checks);

/// <summary>A unit below one standard: where it is, the threshold, its value and the gap.</summary>
internal sealed record BelowStandardUnit(string Rule, string RuleName, string Code, string Name, string? Street, string? District, double Threshold,
    double? Value, double Gap, string GapUnit);

internal sealed record StandardsResult(RegionInfo? Region, IReadOnlyList<CommunityStandards> Communities, IReadOnlyList<StandardCheck> Streets,
    IReadOnlyDictionary<string, string> Names)
{
    /// <summary>Every unit below a standard (one rule, or all), largest gap first.</summary>
    public IReadOnlyList<BelowStandardUnit> Below(string? rule)
    {
        string? NameAt(string code, int length) => code.Length > length ? Names.GetValueOrDefault(code[..length]) : null;
        return Communities.SelectMany(c => c.Checks).Concat(Streets)
            .Where(c => !c.Meets && (rule is null || c.Rule == rule))
            .OrderByDescending(c => c.Gap).ThenBy(c => c.UnitCode, StringComparer.Ordinal)
            .Select(c => new BelowStandardUnit(c.Rule, FacilityStandards.NameOf(c.Rule), c.UnitCode, Names.GetValueOrDefault(c.UnitCode, c.UnitCode),
                NameAt(c.UnitCode, 9), NameAt(c.UnitCode, 6), c.Threshold, c.Value, c.Gap, c.GapUnit))
            .ToList();
    }
}

/// <summary>
/// Holds every community (and street, for shelters) under a region against <see cref="FacilityStandards"/>: the facilities in
/// service on a day in a few grouped queries, the households and residents from the Residents module's counts. A whole
/// city is some 3,000 communities: held in memory, never per row in the database.
/// </summary>
internal sealed class StandardsQuery(FacilitiesDbContext db, IRegionDirectory regions, ICommunityPopulation population, TimeProvider clock)
{
    private static readonly FacilityType[] ElderlyCare = [FacilityType.ElderlyCareStation, FacilityType.HomeCareCentre, FacilityType.DayCareCentre];

    public DateOnly Today => Platform.Calendar.WorkingCalendar.ChinaDay(clock.GetUtcNow().UtcDateTime);

    public static string? CheckRule(string? rule) =>
        string.IsNullOrWhiteSpace(rule) ? null
        : FacilityStandards.Rules.Any(r => r.Code == rule) ? rule
        : throw ValidationFailedException.For("rule", "没有名为 {0} 的标准。", rule);

    public async Task<StandardsResult> RunAsync(string? region, DateOnly? asOf, CancellationToken ct)
    {
        var prefix = region?.Trim() ?? "";
        RegionInfo? unit = null;
        if (prefix.Length > 0)
        {
            if (prefix.Length > 12 || !prefix.All(char.IsAsciiDigit)) throw ValidationFailedException.For("region", "区划代码应为数字。");
            unit = await regions.FindAsync(prefix, ct) ?? throw new NotFoundException("没有代码为 {0} 的区划。", prefix);
        }
        var day = asOf ?? Today;
        var communities = (await regions.ListAsync(RegionLevel.Community, prefix, ct))
            .Where(c => c.Kind is RegionKind.UrbanCommunity or RegionKind.Village).ToList();
        var people = await population.PerCommunityAsync(prefix.Length > 9 ? prefix[..9] : prefix, ct);
        var street = prefix.Length > 9 ? prefix[..9] : prefix;
        var serving = db.Facilities.AsNoTracking()
            .Where(f => f.CommunityCode.StartsWith(street) && f.OpenedOn <= day && (f.ClosedOn == null || f.ClosedOn > day));
        var centres = await serving.Where(f => f.Type == FacilityType.PartyMassServiceCentre).GroupBy(f => f.CommunityCode)
            .Select(g => new { g.Key, Area = g.Sum(f => f.FloorArea), Serving = g.Sum(f => f.ServiceArea ?? 0), Hours = g.Max(f => f.OpeningHoursPerDay) })
            .ToDictionaryAsync(g => g.Key, ct);
        var care = await serving.Where(f => ElderlyCare.Contains(f.Type)).GroupBy(f => f.CommunityCode)
            .Select(g => new { g.Key, Area = g.Sum(f => f.FloorArea) }).ToDictionaryAsync(g => g.Key, g => g.Area, ct);
        var shelters = await serving.Where(f => f.Type == FacilityType.Shelter).GroupBy(f => f.CommunityCode.Substring(0, 9))
            .Select(g => new { g.Key, Area = g.Sum(f => f.FloorArea) }).ToDictionaryAsync(g => g.Key, g => g.Area, ct);

        var rows = communities.Select(c =>
        {
            var p = people.GetValueOrDefault(c.Code);
            var centre = centres.GetValueOrDefault(c.Code);
            var facts = new UnitFacts(c.Code, c.Kind == RegionKind.UrbanCommunity, p?.Households ?? 0, p?.Residents ?? 0, centre?.Area ?? 0, centre?.Serving ?? 0,
                centre?.Hours, care.GetValueOrDefault(c.Code), 0);
            return (Community: c, Facts: facts);
        }).ToList();
        var streetChecks = prefix.Length <= 9
            ? rows.GroupBy(r => r.Community.Code[..9]).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => FacilityStandards.ForStreet(g.Key, g.Sum(r => r.Facts.Residents), shelters.GetValueOrDefault(g.Key))).ToList()
            : [];
        var names = (await regions.NamesAsync(communities.SelectMany(c => new[] { c.Code, c.Code[..9], c.Code[..6] }).Distinct(), ct))
            .ToDictionary(k => k.Key, k => k.Value, StringComparer.Ordinal);
        string? NameAt(string code, int length) => names.GetValueOrDefault(code[..length]);
        var result = rows.Select(r => new CommunityStandards(r.Community.Code, r.Community.Name, NameAt(r.Community.Code, 9), NameAt(r.Community.Code, 6),
            r.Facts.Urban, r.Facts.Households, r.Facts.Residents, FacilityStandards.ForCommunity(r.Facts).ToList())).ToList();
        return new StandardsResult(unit, result, streetChecks, names);
    }
}
