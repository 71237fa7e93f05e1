namespace Linli.Modules.Indicators.Contracts;

/// <summary>
/// A measure (基础数据) a module publishes: a number per region unit and date, computed by the module from its own tables.
/// Indicators are expressions over measures (data/indicators-2021-2025.json); Indicators never reads a module's tables.
/// </summary>
/// <param name="Code">Stable code the indicator file names, e.g. <c>workforce.community_workers</c> (see <see cref="MeasureCodes"/>).</param>
/// <param name="Name">What it counts, in Chinese, as the explanation of a number shows it (e.g. 社区工作者人数).</param>
/// <param name="Unit">Unit of the value (人, 户, 个, 平方米).</param>
public sealed record MeasureInfo(string Code, string Name, string Unit);

/// <summary>The value of one measure at one region unit: usually a community (12 digits), a street (9) for street-level records.</summary>
public sealed record MeasureValue(string RegionCode, double Value);

/// <summary>
/// A module's measures. Values are as they stood at the end of <c>asOf</c> (records carry effective dates: opened, hired,
/// certified, registered, closed), set-based (one grouped query a measure), and only the units with a non-zero value are
/// returned. A value names nobody, so a source reads past the caller's scope; Indicators limits the regions it shows.
/// </summary>
public interface IMeasureSource
{
    IReadOnlyList<MeasureInfo> Measures { get; }

    Task<IReadOnlyList<MeasureValue>> MeasureAsync(string code, DateOnly asOf, CancellationToken cancellationToken = default);
}

/// <summary>
/// The codes of the measures the plan's indicators use. A code the file names and no source publishes is "no data"
/// (暂无数据) until a module publishes it; nothing is invented.
/// </summary>
public static class MeasureCodes
{
    // Regions: the units themselves (1 per unit of the kind, at its own code).
    public const string UrbanCommunities = "regions.urban_communities";
    public const string Villages = "regions.villages";
    public const string Subdistricts = "regions.subdistricts";
    public const string Towns = "regions.towns";

    // Residents (常住人口信息池).
    public const string Households = "residents.households";
    public const string Residents = "residents.residents";
    /// <summary>城镇常住人口: residents of urban communities.</summary>
    public const string UrbanResidents = "residents.urban_residents";

    // Facilities.
    /// <summary>Floor area (m²) of the community comprehensive service facility (党群服务中心).</summary>
    public const string CentreArea = "facilities.centre_area";
    /// <summary>Comprehensive service facilities (count).</summary>
    public const string Centres = "facilities.centres";
    /// <summary>Of the centres' area, the part that serves residents (服务居民区域面积), m².</summary>
    public const string CentreServiceArea = "facilities.centre_service_area";
    /// <summary>Centres open at least 8 hours a day.</summary>
    public const string CentresOpenEightHours = "facilities.centres_open_8h";
    /// <summary>City self-service government terminals (政务通用自助服务终端).</summary>
    public const string SelfServiceTerminals = "facilities.self_service_terminals";
    /// <summary>Home elderly-care facility area (居家养老服务设施面积), m².</summary>
    public const string ElderlyCareArea = "facilities.elderly_care_area";
    /// <summary>Emergency shelter area, m².</summary>
    public const string ShelterArea = "facilities.shelter_area";
    public const string MinorsProtectionStations = "facilities.minors_protection_stations";
    public const string Libraries = "facilities.libraries";
    public const string HappinessClassrooms = "facilities.happiness_classrooms";
    /// <summary>City-level party-mass service centres (市级党群服务中心示范点).</summary>
    public const string CityLevelCentres = "facilities.city_level_centres";

    // Organizations.
    public const string SocialOrganizations = "organizations.social_organizations";
    /// <summary>Social-work service stations (社会工作服务站), at the street's or town's code.</summary>
    public const string SocialWorkStations = "organizations.social_work_stations";

    // Workforce.
    public const string CommunityWorkers = "workforce.community_workers";
    public const string CertifiedCommunityWorkers = "workforce.certified_community_workers";
    /// <summary>Members of residents' committees (居民委员会成员).</summary>
    public const string ResidentsCommitteeMembers = "workforce.residents_committee_members";
    public const string ResidentsCommitteeMembersTrained = "workforce.residents_committee_members_trained";
    /// <summary>Members of villagers' committees (村民委员会成员).</summary>
    public const string VillageCommitteeMembers = "workforce.village_committee_members";
    public const string VillageCommitteeMembersTrained = "workforce.village_committee_members_trained";
    /// <summary>Community workers trained at least 3 days in the year.</summary>
    public const string CommunityWorkersTrainedThreeDays = "workforce.community_workers_trained_3_days";

    // Requests (12345 诉求).
    public const string RatedTickets = "requests.rated_tickets";
    public const string SatisfiedTickets = "requests.satisfied_tickets";

    // ServiceDesk (全市通办 cases).
    /// <summary>Service cases received in the calendar year up to the date, at the accepting community.</summary>
    public const string ServiceCasesReceived = "servicedesk.cases_received";

    // Entered by hand where no module can produce the value (填报, Indicators' data entry).
    public const string CommunityBuildingArea = "entry.community_building_area";
    public const string CommercialServiceArea = "entry.commercial_service_area";

    // Modules that do not exist yet: "no data" until they publish.
    public const string Volunteers = "volunteering.volunteers";
    public const string ElderlyHomesRenovated = "care.elderly_homes_renovated";
    public const string BaijiaqingAware = "care.baijiaqing_aware";
    public const string BaijiaqingSurveyed = "care.baijiaqing_surveyed";
}
