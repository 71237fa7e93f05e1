using Linli.Modules.Accounts.Data;
using Linli.Modules.Accounts.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Accounts.Features.SignIn;

/// <summary>
/// Counts wrong passwords per (user name, client) and per user name, in the database so that every app instance sees
/// the same counts (<see cref="SignInFailure"/>). Five from one client stop that client for that name; a much higher
/// number from everywhere together stops the name. Counting is set-based SQL (an UPDATE of the counter), so concurrent
/// failures are not lost.
/// </summary>
internal sealed class SignInThrottle(AccountsDbContext db, IOptions<SignInLimits> options, TimeProvider clock)
{
    private SignInLimits Options => options.Value;
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    /// <summary>Whether this client may not try this name now, or nobody may.</summary>
    public Task<bool> IsLockedAsync(string userName, string client, CancellationToken ct)
    {
        var now = Now;
        return db.SignInFailures.AnyAsync(f => f.UserName == userName && (f.Client == client || f.Client == SignInFailure.AnyClient)
                                               && f.LockedUntil != null && f.LockedUntil > now, ct);
    }

    /// <summary>Counts one wrong password; answers which locks it set (this client's, and the whole name's).</summary>
    public async Task<(bool ClientLocked, bool NameLocked)> RecordFailureAsync(string userName, string client, CancellationToken ct)
    {
        var clientLocked = await CountAsync(userName, client, ct);
        var nameLocked = Options.FailuresPerAccount > 0 && await CountAsync(userName, SignInFailure.AnyClient, ct);
        return (clientLocked, nameLocked);
    }

    /// <summary>A right password from this client wipes its count; the name's own count runs out with its window.</summary>
    public Task ClearClientAsync(string userName, string client, CancellationToken ct) =>
        db.SignInFailures.Where(f => f.UserName == userName && f.Client == client).ExecuteDeleteAsync(ct);

    /// <summary>An administrator unlocked the account or reset its password: every count and lock of the name goes.</summary>
    public Task ClearAllAsync(string userName, CancellationToken ct) =>
        db.SignInFailures.Where(f => f.UserName == userName).ExecuteDeleteAsync(ct);

    /// <summary>Wrong passwords for the name within the current window, from every client (for the administrator).</summary>
    public async Task<int> RecentFailuresAsync(string userName, CancellationToken ct)
    {
        var since = Now - Options.FailureWindow;
        return await db.SignInFailures.Where(f => f.UserName == userName && f.Client == SignInFailure.AnyClient && f.WindowStartedAt >= since)
            .Select(f => (int?)f.Count).FirstOrDefaultAsync(ct) ?? 0;
    }

    /// <summary>Rows whose window and lock are both over: they no longer change any answer.</summary>
    public Task<int> DeleteExpiredAsync(CancellationToken ct)
    {
        var now = Now;
        var before = now - Options.FailureWindow;
        return db.SignInFailures.Where(f => f.WindowStartedAt < before && (f.LockedUntil == null || f.LockedUntil < now)).ExecuteDeleteAsync(ct);
    }

    /// <returns>Whether this failure locked the row.</returns>
    private async Task<bool> CountAsync(string userName, string client, CancellationToken ct)
    {
        var now = Now;
        var windowStart = now - Options.FailureWindow;
        var row = db.SignInFailures.Where(f => f.UserName == userName && f.Client == client);
        // A failure after the window has run out starts a new window.
        Task<int> IncrementAsync() => row.ExecuteUpdateAsync(s => s
            .SetProperty(f => f.Count, f => f.WindowStartedAt < windowStart ? 1 : f.Count + 1)
            .SetProperty(f => f.WindowStartedAt, f => f.WindowStartedAt < windowStart ? now : f.WindowStartedAt), ct);
        if (await IncrementAsync() == 0)
        {
            var first = new SignInFailure { UserName = userName, Client = client, Count = 1, WindowStartedAt = now };
            db.SignInFailures.Add(first);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another request inserted the row first: count on it.
                db.Entry(first).State = EntityState.Detached;
                await IncrementAsync();
            }
            db.Entry(first).State = EntityState.Detached;
        }
        // Reaching the threshold locks the row. While it is locked nothing more is counted; a failure after the lock,
        // once the window has run out, starts a new count.
        var threshold = Options.ThresholdFor(client);
        var lockedUntil = now + Options.LockoutDuration;
        return await row.Where(f => f.Count >= threshold && (f.LockedUntil == null || f.LockedUntil <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.LockedUntil, lockedUntil), ct) > 0;
    }
}
