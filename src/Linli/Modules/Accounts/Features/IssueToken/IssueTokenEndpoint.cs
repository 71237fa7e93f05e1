using System.ComponentModel.DataAnnotations;
using Linli.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.BearerToken;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Accounts.Features.IssueToken;

internal sealed record TokenRequest([property: Required, MaxLength(256)] string UserName, [property: Required, MaxLength(256)] string Password);

internal sealed record TokenResponse(string AccessToken, DateTimeOffset ExpiresAt);

internal static class IssueTokenEndpoint
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/token", async Task<Results<Ok<TokenResponse>, ProblemHttpResult>> (
                TokenRequest request, UserManager<LinliUser> users, SignInManager<LinliUser> signIn,
                IOptionsMonitor<BearerTokenOptions> bearer, TimeProvider clock) =>
            {
                var user = await users.FindByNameAsync(request.UserName);
                // Same answer for an unknown name and a wrong password: no hint which accounts exist.
                var unauthorized = TypedResults.Problem(statusCode: 401, title: "Sign-in failed.", detail: "The user name or password is wrong, or the account is locked.");
                if (user is null) return unauthorized;
                var check = await signIn.CheckPasswordSignInAsync(user, request.Password, lockoutOnFailure: true);
                if (!check.Succeeded) return unauthorized;

                var principal = await signIn.CreateUserPrincipalAsync(user);
                var expiresAt = clock.GetUtcNow() + Lifetime;
                var ticket = new AuthenticationTicket(principal, new AuthenticationProperties { ExpiresUtc = expiresAt }, IdentityConstants.BearerScheme);
                var token = bearer.Get(IdentityConstants.BearerScheme).BearerTokenProtector.Protect(ticket);
                return TypedResults.Ok(new TokenResponse(token, expiresAt));
            })
            .AllowAnonymous()
            .WithName("IssueToken")
            .WithSummary("Exchanges a user name and password for a bearer token (one hour).");
}
