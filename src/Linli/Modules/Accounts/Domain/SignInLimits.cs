namespace Linli.Modules.Accounts.Domain;

/// <summary>Failed sign-ins and sessions (configuration section Accounts:SignIn).</summary>
internal sealed class SignInLimits
{
    public const string Section = "Accounts:SignIn";

    /// <summary>Wrong passwords from one client, within <see cref="FailureWindow"/>, before that client may not try that name for <see cref="LockoutDuration"/>.</summary>
    public int FailuresPerClient { get; set; } = 5;

    /// <summary>
    /// Wrong passwords for one name from all clients together before the account itself is locked for
    /// <see cref="LockoutDuration"/> (its sessions end too); far above <see cref="FailuresPerClient"/>, so that one
    /// stranger cannot lock someone else out, while guessing spread over many addresses still stops. 0: never.
    /// </summary>
    public int FailuresPerAccount { get; set; } = 100;

    public TimeSpan FailureWindow { get; set; } = TimeSpan.FromMinutes(15);
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// How long a browser session or a bearer token is trusted before the account is looked at again (security stamp,
    /// lock): a lock, a role or scope change, a password reset or a sign-out takes effect everywhere within this time.
    /// At most a minute.
    /// </summary>
    public TimeSpan SessionRevalidation { get; set; } = TimeSpan.FromMinutes(1);

    public TimeSpan RevalidationInterval => SessionRevalidation > TimeSpan.FromMinutes(1) ? TimeSpan.FromMinutes(1)
        : SessionRevalidation < TimeSpan.Zero ? TimeSpan.Zero : SessionRevalidation;

    /// <summary>How many failures lock a (name, client) row: <see cref="SignInFailure.AnyClient"/> counts for the whole name.</summary>
    public int ThresholdFor(string client) => client == SignInFailure.AnyClient ? FailuresPerAccount : FailuresPerClient;
}
