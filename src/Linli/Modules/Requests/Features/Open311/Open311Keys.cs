using System.Security.Cryptography;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>API keys: random, shown once, stored as a hash; a missing, unknown or revoked key is a 403.</summary>
internal static class Open311Keys
{
    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    /// <summary>
    /// SHA-256 of the key. A key is 192 random bits, so its hash cannot be reversed by trying keys and needs no secret;
    /// unlike a keyed hash it survives a rotation of the personal-data key (rotate-keys cannot re-hash what it never saw).
    /// </summary>
    public static byte[] Hash(string key) => SHA256.HashData(System.Text.Encoding.UTF8.GetBytes("open311:" + key.Trim()));

    public static string Hint(string key) => key.Trim()[..Math.Min(6, key.Trim().Length)];

    /// <summary>The client as the owner of idempotency keys: each client's keys are its own.</summary>
    public static string Caller(int clientId) => "open311:" + clientId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
