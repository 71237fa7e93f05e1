using System.Security.Claims;

namespace Linli.Platform.Auth;

/// <summary>
/// What the caller may read: a region-code prefix (its whole subtree) or a department. Every module's query of
/// people and cases filters by this, in its DbContext, so no page or endpoint can forget it.
/// </summary>
internal interface IAreaScope
{
    /// <summary>Region-code prefix the caller may read; "" for everything; null for no region at all.</summary>
    string? RegionPrefix { get; }

    /// <summary>The department the caller acts for, if any.</summary>
    string? DepartmentCode { get; }

    string? UserId { get; }
    string? UserName { get; }

    bool Covers(string regionCode) => RegionPrefix is not null && regionCode.StartsWith(RegionPrefix, StringComparison.Ordinal);
}

/// <summary>Scope of the current HTTP caller; outside a request (jobs, command-line verbs) the system sees everything.</summary>
internal sealed class HttpAreaScope(IHttpContextAccessor accessor) : IAreaScope
{
    private ClaimsPrincipal? User => accessor.HttpContext?.User;
    private bool IsSystem => accessor.HttpContext is null;

    public string? RegionPrefix => IsSystem ? "" : User?.FindFirstValue(LinliClaims.ScopeRegion);
    public string? DepartmentCode => IsSystem ? null : User?.FindFirstValue(LinliClaims.ScopeDepartment);
    public string? UserId => User?.FindFirstValue(ClaimTypes.NameIdentifier);
    public string? UserName => IsSystem ? "system" : User?.Identity?.Name;
}
