using Linli.Platform.Auth;

namespace Linli.Modules.Requests;

/// <summary>Who may do what with requests; the endpoints, the pages and the navigation all ask by these names.</summary>
internal static class RequestsPermissions
{
    /// <summary>Request categories, routing rules, deadlines and Open311 clients.</summary>
    public const string ConfigureRequests = "requests.configure";
    /// <summary>Filing a request or a patrol finding through the API.</summary>
    public const string FileRequests = "requests.file";
    /// <summary>Working on requests: the centre, the units they are sent to, and their supervisors.</summary>
    public const string HandleRequests = "requests.handle";
    /// <summary>The handling metrics of an area (the API, the page and its exports).</summary>
    public const string ReadMetrics = "requests.metrics";
    /// <summary>Patrol findings (巡查上报) and the worker's own reports (我的上报).</summary>
    public const string ReportPatrolFindings = "requests.patrol";
    /// <summary>未诉先办: the hotspots of an area, their proactive tickets and dismissals.</summary>
    public const string ReadHotspots = "requests.hotspots";
    /// <summary>Running the city-wide hotspot detection at once (the centre).</summary>
    public const string DetectHotspots = "requests.hotspots.detect";

    public static readonly Permission[] Declared =
    [
        new(ConfigureRequests, [Roles.Administrator]),
        new(FileRequests, [Roles.Resident, Roles.GridWorker, Roles.CommunityWorker, Roles.HotlineOperator]),
        new(HandleRequests, [Roles.GridWorker, Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff, Roles.DepartmentStaff,
            Roles.HotlineOperator, Roles.Supervisor, Roles.Administrator]),
        new(ReadMetrics, [Roles.StreetStaff, Roles.DistrictStaff, Roles.Supervisor, Roles.Administrator]),
        new(ReportPatrolFindings, [Roles.GridWorker, Roles.CommunityWorker]),
        new(ReadHotspots, [Roles.StreetStaff, Roles.DistrictStaff, Roles.HotlineOperator, Roles.Supervisor, Roles.Administrator]),
        new(DetectHotspots, [Roles.HotlineOperator, Roles.Administrator]),
    ];
}
