using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Accounts.Features.Sessions;

/// <summary>
/// Identity's bearer tokens, checked against the account (<see cref="SessionValidator"/>): a token outlives no lock, role
/// or scope change, password reset or sign-out by more than a minute. Challenges and refusals are the bearer scheme's.
/// </summary>
internal sealed class RevocableBearerHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, SessionValidator sessions)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "linli.bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var token = await Context.AuthenticateAsync(IdentityConstants.BearerScheme);
        if (!token.Succeeded) return token;
        if (!await sessions.IsCurrentAsync(token.Principal, Context.RequestServices))
            return AuthenticateResult.Fail("The token was revoked: the account was locked, changed or signed out.");
        return AuthenticateResult.Success(new AuthenticationTicket(token.Principal, token.Properties, Scheme.Name));
    }
}
