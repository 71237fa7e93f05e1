namespace Linli.Modules.Residents.Domain;

/// <summary>A household (户): where it lives and the region unit it belongs to.</summary>
internal sealed class Household
{
    public long Id { get; set; }
    /// <summary>12-digit statistical code of the community (社区/村); the scope filter matches it by prefix.</summary>
    public required string CommunityCode { get; set; }
    /// <summary>15-digit grid code (community code + 3 digits), when the household is assigned to a grid.</summary>
    public string? GridCode { get; set; }
    public required string Address { get; set; }
    public string? Building { get; set; }
    public string? Unit { get; set; }
    public string? Room { get; set; }
    public double? Longitude { get; set; }
    public double? Latitude { get; set; }
    /// <summary>Made by the synthetic city generator, not a real record.</summary>
    public bool IsSynthetic { get; set; }

    /// <summary>The address with building, unit and room, as written on a letter: 样例3路12号 2号楼1单元302室.</summary>
    public static string Describe(string address, string? building, string? unit, string? room) =>
        address
        + (string.IsNullOrEmpty(building) ? "" : $" {building}号楼")
        + (string.IsNullOrEmpty(unit) ? "" : $"{unit}单元")
        + (string.IsNullOrEmpty(room) ? "" : $"{room}室");
}
