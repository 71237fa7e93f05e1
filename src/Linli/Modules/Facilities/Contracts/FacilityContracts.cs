namespace Linli.Modules.Facilities.Contracts;

/// <summary>Community service facilities (服务设施) of the plan (docs/architecture.md, glossary); the synthetic city seeds the first.</summary>
public enum FacilityType
{
    /// <summary>党群服务中心: the community's comprehensive service facility (综合服务设施).</summary>
    PartyMassServiceCentre = 1,
    /// <summary>社区养老服务站</summary>
    ElderlyCareStation = 2,
    /// <summary>居家养老服务中心 (regional home-care centre)</summary>
    HomeCareCentre = 3,
    /// <summary>社区卫生服务站</summary>
    HealthStation = 4,
    /// <summary>托育服务机构</summary>
    Childcare = 5,
    /// <summary>综合文化活动中心</summary>
    CultureCentre = 6,
    /// <summary>社区书屋 (library branch)</summary>
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
}
