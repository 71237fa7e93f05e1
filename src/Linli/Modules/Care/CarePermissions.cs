using Linli.Platform.Auth;

namespace Linli.Modules.Care;

/// <summary>Who may do what with the care roster and its visits; the endpoints, the page and the navigation ask by these names.</summary>
internal static class CarePermissions
{
    /// <summary>The roster, its tiers and the due visits of the caller's area.</summary>
    public const string ReadCare = "care.read";
    /// <summary>Recording a visit, raising a tier, reporting a resident's major change (hospital stay, carer died).</summary>
    public const string VisitResidents = "care.visit";
    /// <summary>Declaring a cold spell for a district (street or district staff over it).</summary>
    public const string DeclareColdSpell = "care.cold-spell";
    /// <summary>Bringing the roster of an area up to date with the resident pool's tags (the job does it for the city).</summary>
    public const string SyncRoster = "care.sync";

    public static readonly Permission[] Declared =
    [
        new(ReadCare, [Roles.GridWorker, Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff, Roles.Supervisor]),
        new(VisitResidents, [Roles.GridWorker, Roles.CommunityWorker]),
        new(DeclareColdSpell, [Roles.StreetStaff, Roles.DistrictStaff]),
        new(SyncRoster, [Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff, Roles.Supervisor]),
    ];
}
