using System.Security.Claims;
using Linli.Platform.Auth;

namespace Linli.Modules.ServiceDesk.Domain.Cases;

/// <summary>Who acts on a case: read from the sign-in (roles) and the caller's scope; <see cref="System"/> for the platform's jobs.</summary>
internal sealed record CaseActor(string UserId, string Name, IReadOnlySet<string> Roles, string? RegionPrefix, string? DepartmentCode)
{
    public static CaseActor System { get; } = new("system", "系统", new HashSet<string>(), "", null);

    public static CaseActor From(ClaimsPrincipal? user, IAreaScope scope) => user?.Identity?.IsAuthenticated == true && scope.UserId is { } id
        ? new CaseActor(id, user.FindFirst(LinliClaims.DisplayName)?.Value ?? scope.UserName ?? id,
            user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal), scope.RegionPrefix, scope.DepartmentCode)
        : System;

    public bool Is(string role) => Roles.Contains(role);

    public bool IsResident => Is(Platform.Auth.Roles.Resident);

    /// <summary>Region staff (community, street, district) whose area holds <paramref name="communityCode"/>.</summary>
    public bool WorksFor(string communityCode) =>
        (Is(Platform.Auth.Roles.CommunityWorker) || Is(Platform.Auth.Roles.GridWorker) || Is(Platform.Auth.Roles.StreetStaff) || Is(Platform.Auth.Roles.DistrictStaff))
        && Covers(communityCode);

    /// <summary>Street or district staff over the place, or a supervisor with the city or that area: may approve an extension.</summary>
    public bool Supervises(string communityCode) =>
        (Is(Platform.Auth.Roles.StreetStaff) || Is(Platform.Auth.Roles.DistrictStaff) || Is(Platform.Auth.Roles.Supervisor)) && Covers(communityCode);

    public bool ActsForDepartment(string departmentCode) => Is(Platform.Auth.Roles.DepartmentStaff) && DepartmentCode == departmentCode;

    // A grid worker's scope is a 15-digit grid: it covers the community the grid belongs to.
    private bool Covers(string communityCode) => RegionPrefix is { } prefix &&
        (prefix.Length <= communityCode.Length ? communityCode.StartsWith(prefix, StringComparison.Ordinal) : prefix.StartsWith(communityCode, StringComparison.Ordinal));
}
