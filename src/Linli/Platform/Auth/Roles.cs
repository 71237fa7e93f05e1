namespace Linli.Platform.Auth;

/// <summary>The roles of the platform (docs/architecture.md). The names are stored in the database; do not rename.</summary>
internal static class Roles
{
    public const string Resident = "resident";
    public const string GridWorker = "grid_worker";
    public const string CommunityWorker = "community_worker";
    public const string StreetStaff = "street_staff";
    public const string DistrictStaff = "district_staff";
    public const string DepartmentStaff = "department_staff";
    public const string HotlineOperator = "hotline_operator";
    public const string Volunteer = "volunteer";
    public const string Supervisor = "supervisor";
    public const string Administrator = "administrator";

    public static readonly IReadOnlyList<string> All =
    [
        Resident, GridWorker, CommunityWorker, StreetStaff, DistrictStaff, DepartmentStaff,
        HotlineOperator, Volunteer, Supervisor, Administrator,
    ];

    /// <summary>Staff roles carry an area or department scope.</summary>
    public static bool IsStaff(string role) => role is not (Resident or Volunteer);
}

/// <summary>Named permissions, granted to roles here and checked by policy.</summary>
internal static class Permissions
{
    public const string ReadPeople = "people.read";
    public const string RevealPersonalData = "people.reveal";
    public const string ImportPeople = "people.import";
    public const string ReadAudit = "audit.read";
    public const string ManageAccounts = "accounts.manage";
    /// <summary>Request categories, routing rules and deadlines.</summary>
    public const string ConfigureRequests = "requests.configure";
    /// <summary>The holiday calendar (official notices of holidays and weekend days worked instead) all deadlines count by.</summary>
    public const string ManageCalendar = "calendar.manage";
    /// <summary>Filing a request or a patrol finding.</summary>
    public const string FileRequests = "requests.file";
    /// <summary>Working on requests: the centre, the units they are sent to, and their supervisors.</summary>
    public const string HandleRequests = "requests.handle";

    public static readonly IReadOnlyDictionary<string, string[]> RolesFor = new Dictionary<string, string[]>
    {
        [ReadPeople] = [Roles.GridWorker, Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff, Roles.Supervisor, Roles.Administrator],
        [RevealPersonalData] = [Roles.GridWorker, Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff, Roles.Supervisor],
        [ImportPeople] = [Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff, Roles.Administrator],
        [ReadAudit] = [Roles.Supervisor, Roles.Administrator],
        [ManageAccounts] = [Roles.Administrator],
        [ConfigureRequests] = [Roles.Administrator],
        [ManageCalendar] = [Roles.Administrator],
        [FileRequests] = [Roles.Resident, Roles.GridWorker, Roles.CommunityWorker, Roles.HotlineOperator],
        [HandleRequests] = [Roles.GridWorker, Roles.CommunityWorker, Roles.StreetStaff, Roles.DistrictStaff, Roles.DepartmentStaff,
            Roles.HotlineOperator, Roles.Supervisor, Roles.Administrator],
    };
}

internal static class LinliClaims
{
    public const string ScopeRegion = "linli:scope_region";
    public const string ScopeDepartment = "linli:scope_department";
    public const string DisplayName = "linli:display_name";
    /// <summary>"true" while the account must change a password an administrator reset (<see cref="PasswordChangeGate"/>).</summary>
    public const string MustChangePassword = "linli:must_change_password";
}
