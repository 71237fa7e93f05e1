using Linli.Platform.Auth;

namespace Linli.Modules.Residents.Contracts;

/// <summary>Who may read, reveal and register people; in Contracts because other modules' people lists (workers) use the same.</summary>
internal static class ResidentsPermissions
{
    public const string ReadPeople = "people.read";
    public const string RevealPersonalData = "people.reveal";
    public const string ImportPeople = "people.import";

    public static readonly Permission[] Declared =
    [
        new(ReadPeople, [Roles.GridWorker, Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff, Roles.Supervisor, Roles.Administrator]),
        // The administrator runs the system and reads lists, but never sees a full ID or phone number.
        new(RevealPersonalData, [Roles.GridWorker, Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff, Roles.Supervisor]),
        new(ImportPeople, [Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff, Roles.Administrator]),
    ];
}
