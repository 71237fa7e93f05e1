using System.ComponentModel.DataAnnotations;
using Linli.Modules.Accounts.Features.SignIn;
using Linli.Platform.Auth;
using Linli.Platform.Localization;
using Linli.Platform.RateLimiting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Accounts.Features.IssueToken;

internal sealed record TokenRequest([property: Required, MaxLength(256)] string UserName, [property: Required, MaxLength(256)] string Password);

internal sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

internal static class IssueTokenEndpoint
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/token", async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> (
                TokenRequest request, PasswordSignIn signIn, IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock,
                IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                var attempt = await signIn.CheckAsync(request.UserName, request.Password, "token", ct);
                switch (attempt.Outcome)
                {
                    case SignInOutcome.PasswordChangeRequired:
                        return TypedResults.Problem(PasswordChangeGate.PasswordChangeRequired(text));
                    case not SignInOutcome.Succeeded:
                        // One answer for an unknown name, a wrong password and a lock: no hint which accounts exist.
                        return TypedResults.Problem(statusCode: 401, title: text["登录失败。"],
                            detail: text["用户名或密码不正确，或登录暂时被锁定。"]);
                }
                var expiresAt = clock.GetUtcNow() + Lifetime;
                var ticket = new AuthenticationTicket(attempt.Principal!, new AuthenticationProperties { ExpiresUtc = expiresAt }, IdentityConstants.BearerScheme);
                var token = bearer.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket);
                return TypedResults.Ok(new TokenResponse(token, expiresAt));
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithName("IssueToken")
            .WithSummary("Exchanges a user name and password for a bearer token (one hour; it ends within a minute when the account is locked, changed or signed out, see POST /api/auth/revoke).");
}
