using System.Security.Cryptography;
using Linli.Modules.Requests.Data;
using Linli.Platform.Protection;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Open311;

/// <summary>API keys: random, shown once, stored as a keyed hash; a missing, unknown or revoked key is a 403.</summary>
internal static class Open311Keys
{
    public static string NewKey() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));

    public static byte[] Hash(IPersonalDataProtector protector, string key) => protector.LookupHash("open311:" + key.Trim());

    public static string Hint(string key) => key.Trim()[..Math.Min(6, key.Trim().Length)];

    public static async Task<Open311Client> ClientAsync(RequestsDbContext db, IPersonalDataProtector protector, string? key, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(key)) throw Open311Exception.Forbidden("api_key is required.");
        var hash = Hash(protector, key);
        return await db.Open311Clients.AsNoTracking().FirstOrDefaultAsync(c => c.KeyHash == hash && c.RevokedAt == null, ct)
               ?? throw Open311Exception.Forbidden("api_key is not valid.");
    }
}
