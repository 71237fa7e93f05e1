using Linli.Modules.Regions.Contracts;

namespace Linli.Modules.Regions.Pages.Regions;

/// <summary>Chinese labels (keys of the shared localizer) for count keys, levels and kinds of unit.</summary>
internal static class RegionLabels
{
    /// <summary>The counts other modules are known to register, in display order; any other key is shown as it is.</summary>
    private static readonly (string Key, string Label)[] KnownCounts =
    [
        ("households", "户数"),
        ("residents", "人口"),
        ("grids", "网格"),
        ("facilities", "设施"),
        ("socialOrganizations", "社会组织"),
        ("workers", "社区工作者"),
    ];

    /// <summary>The localizer key for a count: its Chinese label when known, else the raw key.</summary>
    public static string CountLabel(string key) => KnownCounts.FirstOrDefault(k => k.Key == key).Label ?? key;

    /// <summary>Count keys in display order: the known ones first, then the rest by name.</summary>
    public static IReadOnlyList<string> Order(IEnumerable<string> keys)
    {
        var set = keys.ToHashSet();
        return [.. KnownCounts.Select(k => k.Key).Where(set.Contains), .. set.Except(KnownCounts.Select(k => k.Key)).Order(StringComparer.Ordinal)];
    }

    public static string Level(RegionLevel level) => level switch
    {
        RegionLevel.City => "市",
        RegionLevel.District => "区县",
        RegionLevel.Street => "街道",
        RegionLevel.Community => "社区",
        RegionLevel.Grid => "网格",
        _ => level.ToString(),
    };

    /// <summary>What the children of a unit of this level are called.</summary>
    public static string ChildrenOf(RegionLevel level) => level switch
    {
        RegionLevel.City => "下辖区县（市）",
        RegionLevel.District => "下辖街道（乡镇）",
        RegionLevel.Street => "下辖社区（村）",
        RegionLevel.Community => "下辖网格",
        _ => "下级单位",
    };

    public static string Kind(RegionKind kind) => kind switch
    {
        RegionKind.City => "地级市",
        RegionKind.UrbanDistrict => "市辖区",
        RegionKind.County => "县",
        RegionKind.CountyCity => "县级市",
        RegionKind.Subdistrict => "街道",
        RegionKind.Town => "镇",
        RegionKind.Township => "乡",
        RegionKind.OtherStreet => "其他乡级单位",
        RegionKind.UrbanCommunity => "社区（居委会）",
        RegionKind.Village => "村（村委会）",
        RegionKind.VirtualUnit => "虚拟社区",
        RegionKind.Grid => "网格",
        _ => kind.ToString(),
    };
}
