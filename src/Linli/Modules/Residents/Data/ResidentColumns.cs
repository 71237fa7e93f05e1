using Linli.Modules.Residents.Domain;

namespace Linli.Modules.Residents.Data;

/// <summary>Column lists of the bulk path, in the order of the row arrays the importer and the seeder build.</summary>
internal static class ResidentColumns
{
    public static readonly IReadOnlyList<string> Households =
    [
        nameof(Household.Id), nameof(Household.CommunityCode), nameof(Household.GridCode), nameof(Household.Address),
        nameof(Household.Building), nameof(Household.Unit), nameof(Household.Room), nameof(Household.Longitude),
        nameof(Household.Latitude), nameof(Household.IsSynthetic),
    ];

    public static readonly IReadOnlyList<string> Residents =
    [
        nameof(Resident.Id), nameof(Resident.HouseholdId), nameof(Resident.CommunityCode), nameof(Resident.GridCode),
        nameof(Resident.Name), nameof(Resident.IdNumberCipher), nameof(Resident.IdNumberHash), nameof(Resident.IdNumberMasked),
        nameof(Resident.PhoneCipher), nameof(Resident.PhoneHash), nameof(Resident.PhoneMasked), nameof(Resident.Gender),
        nameof(Resident.BirthYear), nameof(Resident.RelationToHead), nameof(Resident.RegisteredAddress),
        nameof(Resident.ActualAddress), nameof(Resident.IsSynthetic),
    ];

    public static readonly IReadOnlyList<string> Tags =
    [
        nameof(PopulationTag.Id), nameof(PopulationTag.ResidentId), nameof(PopulationTag.CommunityCode), nameof(PopulationTag.Tag),
        nameof(PopulationTag.Grade), nameof(PopulationTag.StartDate), nameof(PopulationTag.EndDate),
    ];

    public static object?[] TagRow(long id, long residentId, PopulationTag t) =>
        [id, residentId, t.CommunityCode, (int)t.Tag, t.Grade, t.StartDate, t.EndDate];
}
