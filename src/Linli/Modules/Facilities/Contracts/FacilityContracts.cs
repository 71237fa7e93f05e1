namespace Linli.Modules.Facilities.Contracts;

/// <summary>Community service facilities (服务设施) of the plan (docs/architecture.md, glossary); the synthetic city seeds the first.</summary>
public enum FacilityType
{
    /// <summary>党群服务中心: the community's comprehensive service facility (综合服务设施).</summary>
    PartyMassServiceCentre = 1,
    /// <summary>社区居家养老服务站: with <see cref="HomeCareCentre"/>, the home elderly-care facilities (居家养老服务设施) of the standard.</summary>
    ElderlyCareStation = 2,
    /// <summary>居家养老服务中心 (regional home-care centre)</summary>
    HomeCareCentre = 3,
    /// <summary>社区卫生服务站</summary>
    HealthStation = 4,
    /// <summary>托育服务机构</summary>
    Childcare = 5,
    /// <summary>综合文化活动中心</summary>
    CultureCentre = 6,
    /// <summary>社区书屋 (a reading room; not a branch of the city library, see <see cref="LibraryBranch"/>)</summary>
    Library = 7,
    /// <summary>健身场地</summary>
    FitnessSite = 8,
    /// <summary>应急避难场所</summary>
    Shelter = 9,
    /// <summary>快递服务站</summary>
    ExpressStation = 10,
    /// <summary>社会工作站 (one per street or town)</summary>
    SocialWorkStation = 11,
    /// <summary>未成年人保护工作站</summary>
    MinorsProtectionStation = 12,
    /// <summary>健身公园</summary>
    FitnessPark = 13,
    /// <summary>文化广场</summary>
    CultureSquare = 14,
    /// <summary>政务通用自助服务终端: the city's self-service government terminal, placed in a community.</summary>
    SelfServiceTerminal = 15,
    /// <summary>社区图书分馆: a branch of the city and district libraries' 总分馆 system.</summary>
    LibraryBranch = 16,
    /// <summary>幸福课堂: a community classroom for older residents.</summary>
    HappinessClassroom = 17,
    /// <summary>日间照料中心: day care for older residents.</summary>
    DayCareCentre = 18,
    /// <summary>老年助餐点: a canteen or meal point for older residents.</summary>
    ElderlyCanteen = 19,
    /// <summary>便民服务站: a convenience station (repairs, groceries, housekeeping).</summary>
    ConvenienceStation = 20,
    /// <summary>社区公园 (口袋公园): a park that is not a fitness park.</summary>
    Park = 21,
}
