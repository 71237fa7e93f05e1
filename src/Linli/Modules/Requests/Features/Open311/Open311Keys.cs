using System.Security.Cryptography;
using Linli.Platform.Protection;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>API keys: random, shown once, stored as a keyed hash; a missing, unknown or revoked key is a 403.</summary>
internal static class Open311Keys
{
    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static byte[] Hash(IPersonalDataProtector protector, string key) => protector.LookupHash("open311:" + key.Trim());

    public static string Hint(string key) => key.Trim()[..Math.Min(6, key.Trim().Length)];

    /// <summary>The client as the owner of idempotency keys: each client's keys are its own.</summary>
    public static string Caller(int clientId) => "open311:" + clientId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
