using Linli.Modules.Regions.Contracts;

namespace Linli.Modules.Regions.Domain;

internal sealed class Region
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public RegionLevel Level { get; set; }
    public RegionKind Kind { get; set; }
    public string? ParentCode { get; set; }
    public double? Longitude { get; set; }
    public double? Latitude { get; set; }
    /// <summary>Made by the synthetic city generator, not by an official import.</summary>
    public bool IsSynthetic { get; set; }

    /// <summary>Code lengths per level: a grid extends its community's 12 digits by 3.</summary>
    public static int CodeLength(RegionLevel level) => level switch
    {
        RegionLevel.City => 4,
        RegionLevel.District => 6,
        RegionLevel.Street => 9,
        RegionLevel.Community => 12,
        RegionLevel.Grid => 15,
        _ => throw new ArgumentOutOfRangeException(nameof(level)),
    };

    public static RegionLevel? LevelOfCode(string code) => code.Length switch
    {
        4 => RegionLevel.City,
        6 => RegionLevel.District,
        9 => RegionLevel.Street,
        12 => RegionLevel.Community,
        15 => RegionLevel.Grid,
        _ => null,
    };

    public RegionInfo ToInfo() => new(Code, Name, Level, Kind, ParentCode, Longitude, Latitude);
}
