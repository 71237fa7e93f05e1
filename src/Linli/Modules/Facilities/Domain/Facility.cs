using Linli.Modules.Facilities.Contracts;

namespace Linli.Modules.Facilities.Domain;

/// <summary>A service facility at a point in one community.</summary>
internal sealed class Facility
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public FacilityType Type { get; set; }
    /// <summary>12-digit code of the community it serves.</summary>
    public required string CommunityCode { get; set; }
    /// <summary>Floor (building) area in m².</summary>
    public double FloorArea { get; set; }
    public double Longitude { get; set; }
    public double Latitude { get; set; }
    /// <summary>Opening hours a day; the standard is at least 8.</summary>
    public double OpeningHoursPerDay { get; set; }
    /// <summary>Made by the synthetic city generator, not by a survey or an import.</summary>
    public bool IsSynthetic { get; set; }
}
