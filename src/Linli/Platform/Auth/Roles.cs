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

internal static class LinliClaims
{
    public const string ScopeRegion = "linli:scope_region";
    public const string ScopeDepartment = "linli:scope_department";
    public const string DisplayName = "linli:display_name";
    /// <summary>"true" while the account must change a password an administrator reset (<see cref="PasswordChangeGate"/>).</summary>
    public const string MustChangePassword = "linli:must_change_password";
}
