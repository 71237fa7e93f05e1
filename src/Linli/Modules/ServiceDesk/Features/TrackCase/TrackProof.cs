using System.Globalization;
using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace Linli.Modules.ServiceDesk.Features.TrackCase;

/// <summary>
/// What the tracking page hands back after a lookup that proved a case, so that the applicant can rate it without typing
/// their ID number again and without the page writing that number back into the form: the case id and an expiry,
/// encrypted and signed by the Data Protection key ring, good for <see cref="Lifetime"/> and for that one case only.
/// The expiry is checked against the injected clock (the key ring's own time-limited protector reads the system clock).
/// </summary>
internal sealed class TrackProof(IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(30);

    private IDataProtector Protector => protection.CreateProtector("Linli.ServiceDesk.Track.Proof");

    public string Issue(long caseId) =>
        Protector.Protect(string.Create(CultureInfo.InvariantCulture, $"{caseId}|{(clock.GetUtcNow() + Lifetime).UtcTicks}"));

    /// <summary>The case the token proves, or null for a token that is not one of ours, was altered, or has expired.</summary>
    public long? Read(string? token)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 1000) return null;
        string plain;
        try
        {
            plain = Protector.Unprotect(token);
        }
        catch (CryptographicException)
        {
            return null;
        }
        var parts = plain.Split('|');
        return parts.Length == 2 && long.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
               && long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var expires) && clock.GetUtcNow().UtcTicks < expires
            ? id : null;
    }
}
