using Linli.Modules.Accounts.Domain;
using Linli.Modules.Accounts.Features.Sessions;
using Linli.Modules.Accounts.Features.Audit;
using Linli.Platform.Audit;
using Linli.Platform.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;

namespace Linli.Modules.Accounts.Features.RevokeToken;

internal static class RevokeEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/revoke", async Task<Results<NoContent, UnauthorizedHttpResult>> (
                HttpContext http, UserManager<LinliUser> users, AccountSessions sessions, AccountAudit audit, CancellationToken ct) =>
            {
                if (await users.GetUserAsync(http.User) is not { } user) return TypedResults.Unauthorized();
                await audit.RecordAsync(AuditActions.SignOut, user, "token",
                    $"客户端 {ClientAddress.Display(http)}", ct);
                await sessions.EndAllAsync(user);
                return TypedResults.NoContent();
            })
            .RequireAuthorization()
            .WithName("RevokeTokens")
            .WithSummary("Signs the account out everywhere: this token, its other tokens and its browser sessions stop working (at once here, within a minute on every instance).");
}
