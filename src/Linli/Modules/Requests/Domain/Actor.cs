using System.Security.Claims;
using Linli.Platform.Auth;

namespace Linli.Modules.Requests.Domain;

/// <summary>Who is acting on a ticket, and for which unit: read from the sign-in (roles) and the caller's scope.</summary>
internal sealed record Actor(string? UserId, string? UserName, IReadOnlySet<string> Roles, string? RegionPrefix, string? DepartmentCode)
{
    public static Actor System { get; } = new(null, "system", new HashSet<string>(), "", null);

    /// <summary>
    /// The request classifier when it sets a category and dispatches on its own (above the class's threshold): it acts
    /// for the centre, and the action log names it.
    /// </summary>
    public static Actor Classifier { get; } = new(null, "分类模型", new HashSet<string> { Platform.Auth.Roles.HotlineOperator }, "", null);

    public static Actor From(ClaimsPrincipal? user, IAreaScope scope) => user?.Identity?.IsAuthenticated == true
        ? new Actor(scope.UserId, scope.UserName, user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal),
            scope.RegionPrefix, scope.DepartmentCode)
        : System;

    public bool Is(string role) => Roles.Contains(role);

    /// <summary>The platform itself (the deadline watcher, the synthetic history), not a signed-in person.</summary>
    public bool IsSystem => ReferenceEquals(this, System);

    /// <summary>The 12345 centre: takes in, dispatches, visits back and closes (中心接件、分类派件).</summary>
    public bool IsCentre => Is(Platform.Auth.Roles.HotlineOperator) || Is(Platform.Auth.Roles.Administrator);

    /// <summary>Acts for the unit a ticket is sent to: staff of that department, or community-level staff whose area holds that community.</summary>
    public bool ActsFor(string? unitCode)
    {
        if (unitCode is null) return false;
        if (DepartmentCode is not null && DepartmentCode == unitCode) return true;
        return Recipients.IsRegionCode(unitCode) && IsCommunityStaff && Covers(unitCode);
    }

    /// <summary>Grid or community worker of the ticket's place: may blow the whistle (吹哨).</summary>
    public bool WorksIn(string communityCode) =>
        (Is(Platform.Auth.Roles.GridWorker) || Is(Platform.Auth.Roles.CommunityWorker)) && Covers(communityCode);

    /// <summary>Street or district staff (or a supervisor) over the place: may decide extensions.</summary>
    public bool Supervises(string communityCode) =>
        (Is(Platform.Auth.Roles.StreetStaff) || Is(Platform.Auth.Roles.DistrictStaff) || Is(Platform.Auth.Roles.Supervisor)) && Covers(communityCode);

    /// <summary>District staff over the place: where an unanswered summons is escalated to (区级协调).</summary>
    public bool IsDistrictOver(string communityCode) => Is(Platform.Auth.Roles.DistrictStaff) && Covers(communityCode);

    private bool IsCommunityStaff =>
        Is(Platform.Auth.Roles.GridWorker) || Is(Platform.Auth.Roles.CommunityWorker) || Is(Platform.Auth.Roles.StreetStaff) || Is(Platform.Auth.Roles.DistrictStaff);

    // A grid worker's scope is a 15-digit grid: it covers the community the grid belongs to.
    private bool Covers(string communityCode) => RegionPrefix is { } prefix &&
        (prefix.Length <= communityCode.Length ? communityCode.StartsWith(prefix, StringComparison.Ordinal) : prefix.StartsWith(communityCode, StringComparison.Ordinal));

    /// <summary>The unit written in the action log.</summary>
    public string? Unit => DepartmentCode ?? (IsCentre ? "centre" : RegionPrefix is { Length: > 0 } p ? p : null);
}
