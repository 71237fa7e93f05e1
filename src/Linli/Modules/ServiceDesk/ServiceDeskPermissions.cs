using Linli.Platform.Auth;

namespace Linli.Modules.ServiceDesk;

/// <summary>Who may do what at the service desk; the endpoints, the pages and the navigation all ask by these names.</summary>
internal static class ServiceDeskPermissions
{
    /// <summary>Editing and publishing the catalog of service items and the districts' 代办 lists.</summary>
    public const string ConfigureCatalog = "servicedesk.catalog";
    /// <summary>Applying online, booking and following one's own cases.</summary>
    public const string Apply = "servicedesk.apply";
    /// <summary>Working on cases at a window, as a proxy, at home, or in the deciding department.</summary>
    public const string HandleCases = "servicedesk.handle";
    /// <summary>The statistics of an area's cases (pages, API, exports).</summary>
    public const string ReadStatistics = "servicedesk.statistics";

    public static readonly Permission[] Declared =
    [
        new(ConfigureCatalog, [Roles.Administrator]),
        new(Apply, [Roles.Resident]),
        new(HandleCases, [Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff, Roles.DepartmentStaff, Roles.Supervisor, Roles.Administrator]),
        new(ReadStatistics, [Roles.StreetStaff, Roles.DistrictStaff, Roles.Supervisor, Roles.Administrator]),
    ];
}
