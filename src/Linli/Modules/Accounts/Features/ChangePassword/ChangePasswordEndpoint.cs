using System.ComponentModel.DataAnnotations;
using Linli.Modules.Accounts.Domain;
using Linli.Modules.Accounts.Features.Audit;
using Linli.Modules.Accounts.Features.Sessions;
using Linli.Modules.Accounts.Features.SignIn;
using Linli.Platform.Audit;
using Linli.Platform.Errors;
using Linli.Platform.Localization;
using Linli.Platform.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Accounts.Features.ChangePassword;

internal sealed record ChangePasswordRequest(
    [property: Required, MaxLength(256)] string UserName,
    [property: Required, MaxLength(256)] string CurrentPassword,
    [property: Required, MaxLength(128)] string NewPassword);

/// <summary>
/// The API's way to replace a password, for a client that has no browser: after an administrator's reset the token
/// endpoint refuses until this (or the change-password page) has been done. The current password is checked like a
/// sign-in (the same counts and locks).
/// </summary>
internal static class ChangePasswordEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/password", async Task<Results<NoContent, ProblemHttpResult>> (
                ChangePasswordRequest request, PasswordSignIn signIn, UserManager<LinliUser> users, AccountSessions sessions, AccountAudit audit,
                IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                var attempt = await signIn.CheckAsync(request.UserName, request.CurrentPassword, "api", ct);
                if (attempt.Outcome is not (SignInOutcome.Succeeded or SignInOutcome.PasswordChangeRequired))
                    return TypedResults.Problem(statusCode: 401, title: text["登录失败。"],
                        detail: text["用户名或密码不正确，或登录暂时被锁定。"]);
                var user = attempt.User!;
                if (await PasswordChange.ApplyAsync(users, sessions, audit, user, request.CurrentPassword, request.NewPassword, "api", ct) is { Succeeded: false } refused)
                    throw new ValidationFailedException(new Dictionary<string, string[]>
                    {
                        ["newPassword"] = refused.Errors.Select(e => e.Description).ToArray(),
                    });
                return TypedResults.NoContent();
            })
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.SignIn)
            .WithName("ChangePassword")
            .WithSummary("Replaces the account's password (required after an administrator's reset before a token is issued); ends the account's other sessions.");
}

/// <summary>The change itself, for the API and the change-password page alike.</summary>
internal static class PasswordChange
{
    public static async Task<IdentityResult> ApplyAsync(UserManager<LinliUser> users, AccountSessions sessions, AccountAudit audit,
        LinliUser user, string currentPassword, string newPassword, string channel, CancellationToken ct)
    {
        // Identity checks the new password's rules, renews the security stamp (which ends the account's other sessions)
        // and saves the account, the cleared flag with it.
        var mustChange = user.MustChangePassword;
        user.MustChangePassword = false;
        var result = await users.ChangePasswordAsync(user, currentPassword, newPassword);
        if (!result.Succeeded)
        {
            user.MustChangePassword = mustChange;
            return result;
        }
        sessions.Changed(user);
        await audit.RecordAsync(AuditActions.PasswordChanged, user, channel, "本人修改密码", ct);
        return result;
    }
}
