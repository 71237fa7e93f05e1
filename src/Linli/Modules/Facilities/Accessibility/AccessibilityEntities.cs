using Linli.Modules.Facilities.Contracts;

namespace Linli.Modules.Facilities.Accessibility;

/// <summary>
/// A residential compound (小区): the households of one community that live in the same 250 m cell, with their people,
/// standing at the households' mean point and snapped to the nearest network node. The origins of every accessibility
/// figure. Rebuilt from the residents pool on each full recomputation.
/// </summary>
internal sealed class Compound
{
    public int Id { get; set; }
    public required string CommunityCode { get; set; }
    public double Longitude { get; set; }
    public double Latitude { get; set; }
    public int Households { get; set; }
    public int Residents { get; set; }
    /// <summary>Residents aged 60 and over.</summary>
    public int Elderly { get; set; }
    /// <summary>Residents under 14.</summary>
    public int Children { get; set; }
    public int NodeId { get; set; }
    /// <summary>Straight-line metres from the compound's point to its node, walked on top of the network distance.</summary>
    public float SnapMeters { get; set; }
}

/// <summary>Walking minutes from a compound to the nearest open facility of a type; null beyond the circle's cutoff.</summary>
internal sealed class CompoundAccess
{
    public FacilityType Type { get; set; }
    public int CompoundId { get; set; }
    public float? Minutes { get; set; }
}
