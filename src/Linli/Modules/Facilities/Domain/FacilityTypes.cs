using Linli.Modules.Facilities.Contracts;

namespace Linli.Modules.Facilities.Domain;

/// <summary>What a facility's capacity counts: places (beds, seats, children) or, for a shelter, m² of refuge space.</summary>
internal enum CapacityUnit
{
    None = 0,
    Places = 1,
    SquareMetres = 2,
}

/// <summary>One facility type of the plan: its names in both languages, the group it belongs to and what its capacity counts.</summary>
internal sealed record FacilityTypeInfo(FacilityType Type, string Code, string Name, string NameEn, string Group, CapacityUnit Capacity);

/// <summary>
/// The facility types of the plan (规划 十一, 专栏4–5) as data: the list, the pages, the import (by Chinese name, English
/// name or code) and the exports all read these names, so a type is named in one place.
/// </summary>
internal static class FacilityTypes
{
    public static readonly IReadOnlyList<FacilityTypeInfo> All =
    [
        new(FacilityType.PartyMassServiceCentre, "party-mass-centre", "党群服务中心", "Party-mass service centre", "综合服务", CapacityUnit.None),
        new(FacilityType.ElderlyCareStation, "elderly-care-station", "社区居家养老服务站", "Home elderly-care station", "养老", CapacityUnit.Places),
        new(FacilityType.HomeCareCentre, "home-care-centre", "居家养老服务中心", "Home elderly-care centre", "养老", CapacityUnit.Places),
        new(FacilityType.DayCareCentre, "day-care-centre", "日间照料中心", "Day-care centre", "养老", CapacityUnit.Places),
        new(FacilityType.ElderlyCanteen, "elderly-canteen", "老年助餐点", "Canteen for the elderly", "养老", CapacityUnit.Places),
        new(FacilityType.HealthStation, "health-station", "社区卫生服务站", "Community health station", "医疗", CapacityUnit.None),
        new(FacilityType.Childcare, "childcare", "托育服务机构", "Childcare", "托育", CapacityUnit.Places),
        new(FacilityType.CultureCentre, "culture-centre", "综合文化活动中心", "Culture centre", "文化", CapacityUnit.None),
        new(FacilityType.Library, "reading-room", "社区书屋", "Community reading room", "文化", CapacityUnit.Places),
        new(FacilityType.LibraryBranch, "library-branch", "社区图书分馆", "Library branch", "文化", CapacityUnit.Places),
        new(FacilityType.CultureSquare, "culture-square", "文化广场", "Culture square", "文化", CapacityUnit.None),
        new(FacilityType.HappinessClassroom, "happiness-classroom", "幸福课堂", "Happiness classroom", "文化", CapacityUnit.Places),
        new(FacilityType.FitnessSite, "fitness-site", "健身场地", "Fitness site", "体育", CapacityUnit.None),
        new(FacilityType.FitnessPark, "fitness-park", "健身公园", "Fitness park", "体育", CapacityUnit.None),
        new(FacilityType.Park, "park", "社区公园", "Community park", "体育", CapacityUnit.None),
        new(FacilityType.Shelter, "shelter", "应急避难场所", "Emergency shelter", "安全", CapacityUnit.SquareMetres),
        new(FacilityType.ExpressStation, "express-station", "快递服务站", "Express station", "便民", CapacityUnit.None),
        new(FacilityType.ConvenienceStation, "convenience-station", "便民服务站", "Convenience station", "便民", CapacityUnit.None),
        new(FacilityType.SelfServiceTerminal, "self-service-terminal", "政务自助服务终端", "Self-service government terminal", "便民", CapacityUnit.None),
        new(FacilityType.SocialWorkStation, "social-work-station", "社会工作站", "Social-work station", "社会服务", CapacityUnit.None),
        new(FacilityType.MinorsProtectionStation, "minors-protection-station", "未成年人保护工作站", "Minors' protection station", "社会服务", CapacityUnit.None),
    ];

    private static readonly Dictionary<FacilityType, FacilityTypeInfo> ByType = All.ToDictionary(t => t.Type);

    public static FacilityTypeInfo Of(FacilityType type) => ByType[type];

    public static string NameOf(FacilityType type) => ByType.TryGetValue(type, out var t) ? t.Name : type.ToString();

    /// <summary>A type named by its Chinese or English name, its code, its enum name or its number (an import cell).</summary>
    public static FacilityTypeInfo? Parse(string? text)
    {
        var s = text?.Trim();
        if (string.IsNullOrEmpty(s)) return null;
        return All.FirstOrDefault(t => t.Name == s || string.Equals(t.NameEn, s, StringComparison.OrdinalIgnoreCase)
                                       || string.Equals(t.Code, s, StringComparison.OrdinalIgnoreCase)
                                       || string.Equals(t.Type.ToString(), s, StringComparison.OrdinalIgnoreCase)
                                       || (int.TryParse(s, out var n) && (int)t.Type == n));
    }
}
