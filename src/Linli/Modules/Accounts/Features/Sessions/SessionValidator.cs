using System.Collections.Concurrent;
using System.Security.Claims;
using Linli.Modules.Accounts.Domain;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Accounts.Features.Sessions;

/// <summary>
/// Whether a bearer token's account still stands behind it: the same security stamp and not locked
/// (<see cref="LinliSignInManager.ValidateSecurityStampAsync(LinliUser?, string?)"/>). The answer is kept per account for
/// <see cref="SignInLimits.RevalidationInterval"/> (at most a minute), so an active client costs one lookup a minute;
/// any change that updates the stamp — lock, role or scope, password reset, sign-out — ends its tokens on every instance
/// within that time, and at once on the instance that made it (<see cref="Forget"/>).
/// </summary>
internal sealed class SessionValidator(IOptions<SignInLimits> options, TimeProvider clock)
{
    private sealed record Check(string? Stamp, bool Current, DateTimeOffset At);

    private const int PruneEvery = 1024;
    private readonly ConcurrentDictionary<string, Check> _checks = new(StringComparer.Ordinal);
    private int _sincePrune;

    public async Task<bool> IsCurrentAsync(ClaimsPrincipal principal, IServiceProvider services)
    {
        var userId = principal.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return false;
        var signIn = services.GetRequiredService<SignInManager<LinliUser>>();
        var stamp = principal.FindFirstValue(signIn.Options.ClaimsIdentity.SecurityStampClaimType);
        var now = clock.GetUtcNow();
        var interval = options.Value.RevalidationInterval;
        if (_checks.TryGetValue(userId, out var check) && check.Stamp == stamp && now - check.At < interval) return check.Current;

        var current = await signIn.ValidateSecurityStampAsync(principal) is not null;
        _checks[userId] = new Check(stamp, current, now);
        if (Interlocked.Increment(ref _sincePrune) >= PruneEvery) Prune(now - interval);
        return current;
    }

    /// <summary>The account changed here: look again at its next request.</summary>
    public void Forget(string userId) => _checks.TryRemove(userId, out _);

    private void Prune(DateTimeOffset before)
    {
        Interlocked.Exchange(ref _sincePrune, 0);
        foreach (var (userId, check) in _checks)
            if (check.At < before) _checks.TryRemove(new KeyValuePair<string, Check>(userId, check));
    }
}
