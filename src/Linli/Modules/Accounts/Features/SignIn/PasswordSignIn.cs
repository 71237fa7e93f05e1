using System.Security.Claims;
using System.Security.Cryptography;
using Linli.Modules.Accounts.Domain;
using Linli.Modules.Accounts.Features.Audit;
using Linli.Platform.Audit;
using Linli.Platform.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Accounts.Features.SignIn;

internal enum SignInOutcome
{
    Succeeded,
    /// <summary>Wrong password or unknown name: one answer for both.</summary>
    Failed,
    /// <summary>This client may not try this name for now, or the account is locked.</summary>
    LockedOut,
    /// <summary>The password is right, but an administrator reset it: only the change-password page is open.</summary>
    PasswordChangeRequired,
}

/// <param name="Principal">The account's sign-in for <see cref="SignInOutcome.Succeeded"/> and <see cref="SignInOutcome.PasswordChangeRequired"/>.</param>
internal sealed record SignInAttempt(SignInOutcome Outcome, LinliUser? User, ClaimsPrincipal? Principal);

/// <summary>
/// The one password check of the sign-in form, the token endpoint and the API's password change. A name without an
/// account takes the same path as a wrong password, in the same time (the password hasher runs for it too, against a
/// stand-in hash) and with the same answer, failures counted alike; so neither the answer nor its timing tells which
/// names exist. Every attempt is audited, never with the password and, for a name without an account, without the name.
/// </summary>
internal sealed class PasswordSignIn(
    UserManager<LinliUser> users, SignInManager<LinliUser> signIn, SignInThrottle throttle, IPasswordHasher<LinliUser> hasher,
    AccountAudit audit, IHttpContextAccessor accessor, IOptions<SignInLimits> options, TimeProvider clock)
{
    private static readonly LinliUser StandIn = new();
    // Made once per process by the same hasher (and so the same work) as real passwords, for names without an account.
    private static string? _standInHash;

    /// <param name="channel">Where the attempt came from, for the audit log: "page", "token" or "api".</param>
    public async Task<SignInAttempt> CheckAsync(string userName, string password, string channel, CancellationToken ct)
    {
        var http = accessor.HttpContext ?? throw new InvalidOperationException("Signing in needs an HTTP request.");
        var client = ClientAddress.Key(http);
        var address = ClientAddress.Display(http);
        var name = users.NormalizeName(userName.Trim()) ?? "";

        var user = await users.FindByNameAsync(userName.Trim());
        // The hasher runs exactly once whatever follows, for a known name or not, locked or not.
        bool verified;
        if (user is not null) verified = await users.CheckPasswordAsync(user, password);
        else
        {
            _standInHash ??= hasher.HashPassword(StandIn, Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));
            hasher.VerifyHashedPassword(StandIn, _standInHash, password);
            verified = false;
        }

        if (await throttle.IsLockedAsync(name, client, ct) || (user is not null && AccountLock.IsLocked(user, clock.GetUtcNow())))
            return await FailAsync(SignInOutcome.LockedOut, user, channel, "账号已锁定", address, ct);

        if (!verified)
        {
            var (clientLocked, nameLocked) = await throttle.RecordFailureAsync(name, client, ct);
            if (nameLocked && user is not null) await LockAccountAsync(user, ct);
            return await FailAsync(clientLocked || nameLocked ? SignInOutcome.LockedOut : SignInOutcome.Failed, user,
                channel, user is null ? "用户名不存在" : "密码错误", address, ct);
        }

        await throttle.ClearClientAsync(name, client, ct);
        var known = user!;
        known.LastSignInAt = clock.GetUtcNow().UtcDateTime;
        known.LastSignInClient = address.Length > 64 ? address[..64] : address;
        await users.UpdateAsync(known);
        var principal = await signIn.CreateUserPrincipalAsync(known);
        // The audit entry names the account that signed in: from here on the request acts as it.
        http.User = principal;
        await audit.RecordAsync(AuditActions.SignIn, known, channel,
            known.MustChangePassword ? $"须先修改密码；客户端 {address}" : $"客户端 {address}", ct);
        return new SignInAttempt(known.MustChangePassword ? SignInOutcome.PasswordChangeRequired : SignInOutcome.Succeeded, known, principal);
    }

    private async Task<SignInAttempt> FailAsync(SignInOutcome outcome, LinliUser? user, string channel, string why, string address, CancellationToken ct)
    {
        // For a name without an account nothing names it: the typed name may be a password typed into the wrong field.
        await audit.RecordAsync(AuditActions.SignInFailed, user, channel,
            $"{why}；客户端 {address}", ct);
        return new SignInAttempt(outcome, user, null);
    }

    /// <summary>Too many failures for the name from everywhere: the account is locked for the lockout time, and its sessions end.</summary>
    private async Task LockAccountAsync(LinliUser user, CancellationToken ct)
    {
        var lockout = options.Value.LockoutDuration;
        await users.SetLockoutEnabledAsync(user, true);
        await users.SetLockoutEndDateAsync(user, clock.GetUtcNow() + lockout);
        await audit.RecordAsync(AuditActions.AccountLocked, user, "sign-in",
            $"登录失败次数过多，锁定 {lockout.TotalMinutes:0} 分钟", ct);
    }
}

