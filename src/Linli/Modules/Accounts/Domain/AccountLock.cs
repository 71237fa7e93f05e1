namespace Linli.Modules.Accounts.Domain;

/// <summary>
/// Whether an account is locked now — by an administrator (<see cref="ByAdministrator"/>, until unlocked) or for a while
/// after too many failed sign-ins — read by the injected clock, which Identity's own lockout check does not use.
/// </summary>
internal static class AccountLock
{
    public static readonly DateTimeOffset ByAdministrator = DateTimeOffset.MaxValue;

    public static bool IsLocked(LinliUser user, DateTimeOffset now) => user.LockoutEnabled && user.LockoutEnd is { } end && end > now;
}
