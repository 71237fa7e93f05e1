using Linli.Modules.Facilities.Contracts;

namespace Linli.Modules.Facilities.Domain;

/// <summary>
/// A service facility at a point in one community, in service from <see cref="OpenedOn"/> until <see cref="ClosedOn"/>.
/// An enlargement or a move is a closed record and its successor opened the same day, so every past date keeps the
/// area it had (the indicators measure any year end).
/// </summary>
internal sealed class Facility
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public FacilityType Type { get; set; }
    /// <summary>
    /// 12-digit code of the community it stands in. A street-level facility (a minors' protection station) stands in one
    /// of its street's communities and is counted at the street, the code's first 9 digits.
    /// </summary>
    public required string CommunityCode { get; set; }
    /// <summary>Street address (门牌地址); the synthetic city leaves it empty.</summary>
    public string? Address { get; set; }
    /// <summary>Who runs it (运营单位): the community itself, a social organization, a company.</summary>
    public string? Operator { get; set; }
    /// <summary>Places (beds, seats, children) or, for a shelter, m² of refuge space; what it counts is the type's (<see cref="FacilityTypes"/>).</summary>
    public double? Capacity { get; set; }
    /// <summary>Opening hours per weekday in <see cref="Domain.WeeklyHours"/>' stored form; null for records without them (the mean in <see cref="OpeningHoursPerDay"/>).</summary>
    public string? WeeklyHours { get; set; }
    /// <summary>Floor (building) area in m²; for a shelter, the area of the site.</summary>
    public double FloorArea { get; set; }
    /// <summary>Of the floor area, the part that serves residents (服务居民区域面积), m²; known for centres only.</summary>
    public double? ServiceArea { get; set; }
    public double Longitude { get; set; }
    public double Latitude { get; set; }
    /// <summary>Opening hours a day (the mean of the days it opens when <see cref="WeeklyHours"/> are known); the standard is at least 8.</summary>
    public double OpeningHoursPerDay { get; set; }
    /// <summary>First day in service.</summary>
    public DateOnly OpenedOn { get; set; }
    /// <summary>First day no longer in service; null while it serves.</summary>
    public DateOnly? ClosedOn { get; set; }
    /// <summary>Day a centre was named a city-level demonstration centre (市级党群服务中心示范点); null if it is not one.</summary>
    public DateOnly? CityLevelSince { get; set; }
    /// <summary>Made by the synthetic city generator, not by a survey or an import.</summary>
    public bool IsSynthetic { get; set; }

    /// <summary>The standard's daily opening (规划 十一: facilities open at least 8 hours a day).</summary>
    public const double StandardDailyHours = 8;

    public const int NameLength = 200, AddressLength = 200, OperatorLength = 100;
}
