namespace Linli.Modules.Regions.Contracts;

public enum RegionLevel { City = 1, District = 2, Street = 3, Community = 4, Grid = 5 }

/// <summary>Kinds from the NBS coding rules (see data/SOURCES.md), plus grids.</summary>
public enum RegionKind
{
    City = 1, UrbanDistrict, County, CountyCity,
    Subdistrict, Town, Township, OtherStreet,
    UrbanCommunity, Village, VirtualUnit,
    Grid,
}

public sealed record RegionInfo(string Code, string Name, RegionLevel Level, RegionKind Kind, string? ParentCode, double? Longitude, double? Latitude);

/// <summary>Reads the region tree; the spine every module's records hang on.</summary>
public interface IRegionDirectory
{
    Task<RegionInfo?> FindAsync(string code, CancellationToken cancellationToken = default);

    /// <summary>Names of many units in one query (a page of a list); unknown codes are left out.</summary>
    Task<IReadOnlyDictionary<string, string>> NamesAsync(IEnumerable<string> codes, CancellationToken cancellationToken = default);

    /// <summary>All units of one level under a code prefix, ordered by code.</summary>
    Task<IReadOnlyList<RegionInfo>> ListAsync(RegionLevel level, string codePrefix = "", CancellationToken cancellationToken = default);
}

/// <summary>
/// A module that counts something per region registers one of these; the region page shows every registered count.
/// </summary>
public interface IRegionCounter
{
    /// <summary>Key of the count in API answers, e.g. "households".</summary>
    string Name { get; }

    /// <summary>Counts under <paramref name="codePrefix"/>, grouped by the first <paramref name="groupLength"/> digits of the code.</summary>
    Task<IReadOnlyDictionary<string, long>> CountAsync(string codePrefix, int groupLength, CancellationToken cancellationToken = default);
}

/// <summary>Where a point lies, from the district boundaries.</summary>
public interface IDistrictGeometry
{
    /// <summary>The district whose boundary contains the point, or null outside the city.</summary>
    string? DistrictAt(double longitude, double latitude);

    bool Contains(string districtCode, double longitude, double latitude);

    /// <summary>Label centre of the district, the core its urban communities cluster around.</summary>
    (double Longitude, double Latitude) CentreOf(string districtCode);

    /// <summary>Bounding box (minLon, minLat, maxLon, maxLat) of the district.</summary>
    (double MinLon, double MinLat, double MaxLon, double MaxLat) BoundsOf(string districtCode);
}

/// <summary>The tag under which region lists are kept in the platform's cache; a region import drops it.</summary>
public static class RegionCacheTag
{
    public const string Regions = "regions";
}
