using Linli.Modules.Residents.Contracts;

namespace Linli.Modules.Residents.Domain;

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
