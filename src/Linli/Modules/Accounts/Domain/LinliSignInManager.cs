using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Accounts.Domain;

/// <summary>
/// Identity's sign-in manager, except that a session of a locked account is no longer valid: the periodic check of a
/// browser session (security stamp validation) and of a bearer token (<see cref="Features.Sessions.SessionValidator"/>)
/// both come here, so a lock ends both.
/// </summary>
internal sealed class LinliSignInManager(
    UserManager<LinliUser> users, IHttpContextAccessor accessor, IUserClaimsPrincipalFactory<LinliUser> claims,
    IOptions<IdentityOptions> options, ILogger<SignInManager<LinliUser>> logger, IAuthenticationSchemeProvider schemes,
    IUserConfirmation<LinliUser> confirmation, TimeProvider clock)
    : SignInManager<LinliUser>(users, accessor, claims, options, logger, schemes, confirmation)
{
    public override async Task<bool> ValidateSecurityStampAsync(LinliUser? user, string? securityStamp) =>
        await base.ValidateSecurityStampAsync(user, securityStamp) && user is not null && !AccountLock.IsLocked(user, clock.GetUtcNow());
}
