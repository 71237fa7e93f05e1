using System.Security.Claims;
using Linli.Modules.Organizations.Contracts;
using Linli.Platform.Auth;
using Linli.Platform.Ui;

namespace Linli.Modules.Organizations.Features.Home;

/// <summary>The department's name for the greeting of department staff, never its code.</summary>
internal sealed class DepartmentScopeName(IDepartmentDirectory departments) : IScopeName
{
    public async Task<string?> NameAsync(ClaimsPrincipal user, CancellationToken ct) =>
        user.FindFirstValue(LinliClaims.ScopeDepartment) is { Length: > 0 } code ? (await departments.FindAsync(code, ct))?.Name : null;
}
