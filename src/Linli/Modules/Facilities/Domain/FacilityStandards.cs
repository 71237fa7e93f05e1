namespace Linli.Modules.Facilities.Domain;

/// <summary>What the standards need to know of one unit (a community, or a street for the shelters): its people and its facilities in service.</summary>
internal sealed record UnitFacts(
    string Code, bool Urban, long Households, long Residents, double CentreArea, double CentreServiceArea, double? CentreHours, double ElderlyCareArea,
    double ShelterArea, bool NewArea = false);

/// <summary>One standard held against one unit: the threshold, the unit's value, and the gap (what is missing, in <see cref="GapUnit"/>).</summary>
internal sealed record StandardCheck(string Rule, string UnitCode, double Threshold, double? Value, double Gap, string GapUnit)
{
    public bool Meets => Gap <= 0;
}

/// <summary>
/// The plan's facility standards (规划 十一 and 专栏4–5) as rules: comprehensive service facilities of at least 600 m² in urban
/// communities and 350 m² in villages and at least 40 / 30 m² per 100 households; home elderly-care facilities of at least
/// 35 m² (new areas) / 25 m² (built areas) per 100 households; at least 80 % of the centre's area serving residents; the centre
/// open at least 8 hours a day; at least 1.5 m² of shelter per resident (held per street: a shelter serves a wider area than
/// one community). A gap is in m² (or hours) so that units can be sorted by what they lack; a unit without households is
/// not held against a per-household rule.
/// </summary>
internal static class FacilityStandards
{
    public const string CentreArea = "centre-area", CentrePer100 = "centre-per-100", ElderlyCarePer100 = "elderly-care-per-100",
        ServiceShare = "service-share", OpenHours = "open-hours", ShelterPerResident = "shelter-per-resident";

    public const double UrbanCentreArea = 600, RuralCentreArea = 350, UrbanPer100 = 40, RuralPer100 = 30, ElderlyNewPer100 = 35, ElderlyBuiltPer100 = 25,
        ServiceSharePercent = 80, DailyHours = Facility.StandardDailyHours, ShelterPerPerson = 1.5;

    /// <summary>The rules' names (Chinese first), for the pages and the exports.</summary>
    public static readonly IReadOnlyList<(string Code, string Name, string Unit)> Rules =
    [
        (CentreArea, "综合服务设施面积", "平方米"),
        (CentrePer100, "每百户综合服务设施面积", "平方米/百户"),
        (ElderlyCarePer100, "每百户居家养老服务设施面积", "平方米/百户"),
        (ServiceShare, "服务居民区域面积占比", "%"),
        (OpenHours, "每日开放时长", "小时"),
        (ShelterPerResident, "人均应急避难场所面积", "平方米/人"),
    ];

    public static string NameOf(string rule) => Rules.FirstOrDefault(r => r.Code == rule).Name ?? rule;

    /// <summary>The community rules (every rule but the shelters').</summary>
    public static IEnumerable<StandardCheck> ForCommunity(UnitFacts c)
    {
        var areaThreshold = c.Urban ? UrbanCentreArea : RuralCentreArea;
        yield return new(CentreArea, c.Code, areaThreshold, Round(c.CentreArea), Gap(areaThreshold - c.CentreArea), "平方米");
        if (c.Households > 0)
        {
            var per100 = c.Urban ? UrbanPer100 : RuralPer100;
            yield return new(CentrePer100, c.Code, per100, Round(c.CentreArea * 100 / c.Households), Gap(per100 * c.Households / 100 - c.CentreArea), "平方米");
            var care = c.NewArea ? ElderlyNewPer100 : ElderlyBuiltPer100;
            yield return new(ElderlyCarePer100, c.Code, care, Round(c.ElderlyCareArea * 100 / c.Households), Gap(care * c.Households / 100 - c.ElderlyCareArea), "平方米");
        }
        // Without a centre there is no share to hold: the area rule says what is missing.
        if (c.CentreArea > 0)
            yield return new(ServiceShare, c.Code, ServiceSharePercent, Round(c.CentreServiceArea * 100 / c.CentreArea),
                Gap(ServiceSharePercent / 100 * c.CentreArea - c.CentreServiceArea), "平方米");
        yield return new(OpenHours, c.Code, DailyHours, c.CentreHours, Gap(DailyHours - (c.CentreHours ?? 0)), "小时");
    }

    /// <summary>The shelter rule of a street (its communities' residents and shelters summed).</summary>
    public static StandardCheck ForStreet(string streetCode, long residents, double shelterArea) =>
        new(ShelterPerResident, streetCode, ShelterPerPerson, residents > 0 ? Math.Round(shelterArea / residents, 2) : null,
            residents > 0 ? Gap(ShelterPerPerson * residents - shelterArea) : 0, "平方米");

    private static double Round(double v) => Math.Round(v, 1);

    private static double Gap(double missing) => missing > 0 ? Math.Round(missing, 1) : 0;
}
