using Linli.Platform.Auth;

namespace Linli.Modules.Facilities;

/// <summary>Who may change the registry and read the standards; the endpoints, the pages and the navigation ask by these names.</summary>
internal static class FacilitiesPermissions
{
    /// <summary>Registering, editing, closing and importing facilities, each within the caller's own area.</summary>
    public const string Edit = "facilities.edit";
    /// <summary>The communities held against the facility standards (pages, API, exports).</summary>
    public const string ReadStandards = "facilities.standards";

    public static readonly Permission[] Declared =
    [
        new(Edit, [Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff, Roles.Administrator]),
        new(ReadStandards, [Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff, Roles.Supervisor, Roles.Administrator]),
    ];
}
