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

    /// <summary>
    /// The community-level part of the scope: the prefix itself, or the community of a grid scope. Records that carry a
    /// community code (and, when known, a grid code) filter with this plus <see cref="Grid"/>.
    /// </summary>
    string? CommunityPrefix => RegionPrefix is { Length: > 12 } grid ? grid[..12] : RegionPrefix;

    /// <summary>The one grid a grid-level scope (a 15-digit code) is limited to; null for wider scopes.</summary>
    string? Grid => RegionPrefix is { Length: > 12 } grid ? grid : null;
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
