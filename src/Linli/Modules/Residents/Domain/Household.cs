using Linli.Modules.Residents.Contracts;

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

/// <summary>
/// A resident (居民). ID and phone numbers are stored encrypted, with a keyed hash for exact lookup and a masked copy
/// for display. Nothing stored in clear lets the ID number be worked out: of the birth date only the year is kept (the
/// full date is in the encrypted ID number and shown with it on reveal), and no tag date is derived from the birthday.
/// </summary>
internal sealed class Resident
{
    public long Id { get; set; }
    public long HouseholdId { get; set; }
    /// <summary>The household's community code, repeated here so the scope filter needs no join.</summary>
    public required string CommunityCode { get; set; }
    public string? GridCode { get; set; }
    public required string Name { get; set; }
    public required byte[] IdNumberCipher { get; set; }
    public required byte[] IdNumberHash { get; set; }
    public required string IdNumberMasked { get; set; }
    public byte[]? PhoneCipher { get; set; }
    public byte[]? PhoneHash { get; set; }
    public string? PhoneMasked { get; set; }
    public Gender Gender { get; set; }
    /// <summary>The year of birth: enough for ages, the 60+/80+ tags and statistics, and it leaves the birth day unknown.</summary>
    public int BirthYear { get; set; }
    public RelationToHead RelationToHead { get; set; }
    /// <summary>户籍地址: where the resident is registered (hukou).</summary>
    public string? RegisteredAddress { get; set; }
    /// <summary>实际居住地址.</summary>
    public string? ActualAddress { get; set; }
    public bool IsSynthetic { get; set; }

    public List<PopulationTag> Tags { get; set; } = [];
}

/// <summary>One population tag of a resident, valid from <see cref="StartDate"/> until <see cref="EndDate"/> (open when null).</summary>
internal sealed class PopulationTag
{
    public long Id { get; set; }
    public long ResidentId { get; set; }
    /// <summary>The resident's community code, so tags are scope-filtered in the same one place as residents.</summary>
    public required string CommunityCode { get; set; }
    public PopulationTagKind Tag { get; set; }
    /// <summary>Disability grade 1 (most severe) to 4; only for <see cref="PopulationTagKind.Disabled"/>.</summary>
    public int? Grade { get; set; }
    public DateOnly StartDate { get; set; }
    public DateOnly? EndDate { get; set; }

    public bool IsActiveOn(DateOnly day) => StartDate <= day && (EndDate is null || EndDate >= day);
}

/// <summary>
/// Households and residents per grid (or per community when a household has no grid): region pages read these few
/// rows instead of counting millions. Seeding and imports recompute them set-based; single creates increment them.
/// </summary>
internal sealed class UnitCount
{
    /// <summary>Grid code (15 digits) or community code (12 digits).</summary>
    public required string UnitCode { get; set; }
    public long Households { get; set; }
    public long Residents { get; set; }
}
