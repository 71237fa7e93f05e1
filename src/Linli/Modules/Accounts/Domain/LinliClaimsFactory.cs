using System.Security.Claims;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Accounts.Domain;

/// <summary>Puts the account's scope into its sign-in, where <see cref="IAreaScope"/> reads it on every request.</summary>
internal sealed class LinliClaimsFactory(UserManager<LinliUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<LinliUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LinliUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.ScopeRegionCode is { } region) identity.AddClaim(new Claim(LinliClaims.ScopeRegion, region));
        if (user.ScopeDepartmentCode is { } department) identity.AddClaim(new Claim(LinliClaims.ScopeDepartment, department));
        identity.AddClaim(new Claim(LinliClaims.DisplayName, user.DisplayName));
        if (user.MustChangePassword) identity.AddClaim(new Claim(LinliClaims.MustChangePassword, "true"));
        return identity;
    }
}
