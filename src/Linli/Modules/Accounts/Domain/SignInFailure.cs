namespace Linli.Modules.Accounts.Domain;

/// <summary>
/// Failed sign-ins under one user name, counted per client (<see cref="Client"/> an address key) and for the name as a
/// whole (<see cref="Client"/> = <see cref="AnyClient"/>). Names are counted whether or not an account has them, so that
/// a name that exists and one that does not answer alike; nothing else is stored for a name without an account.
/// </summary>
internal sealed class SignInFailure
{
    public const string AnyClient = "*";

    /// <summary>The user name as Identity normalizes it (upper case).</summary>
    public string UserName { get; set; } = "";
    public string Client { get; set; } = "";
    /// <summary>Failures since <see cref="WindowStartedAt"/>.</summary>
    public int Count { get; set; }
    public DateTime WindowStartedAt { get; set; }
    /// <summary>Until when this name (from this client, or from every client) may not sign in.</summary>
    public DateTime? LockedUntil { get; set; }
}
