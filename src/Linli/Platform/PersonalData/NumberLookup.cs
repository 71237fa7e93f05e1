using System.Globalization;
using System.Security.Cryptography;
using Linli.Platform.Audit;

namespace Linli.Platform.PersonalData;

/// <summary>
/// Following something without an account by its reference number (a request's ticket number, a service case's number)
/// and a second proof only its owner holds (the phone given at intake, the applicant's ID number). The reference alone
/// is printed on receipts and guessable, so it never suffices; the proof is compared by its keyed hash in fixed time, and
/// a record that does not exist is compared against zeros, so an unknown reference and a wrong proof cost the same and
/// answer alike (the caller learns neither which was wrong nor that the reference exists). Every lookup confirms or denies
/// a personal number, so each is written to the audit log as a search by number, matched or not, never with the number.
/// Used by the Requests module's and the service desk's tracking; both rate-limit it per client
/// (<see cref="Linli.Platform.RateLimiting.RateLimitPolicies.Track"/>).
/// </summary>
internal static class NumberLookup
{
    /// <summary>The reference as typed, trimmed; null when empty or longer than <paramref name="maxLength"/> (then nothing is looked up).</summary>
    public static string? Reference(string? number, int maxLength)
    {
        var wanted = number?.Trim() ?? "";
        return wanted.Length is 0 || wanted.Length > maxLength ? null : wanted;
    }

    /// <summary>
    /// Whether <paramref name="offered"/> (the keyed hash of the proof given) is <paramref name="stored"/>, in fixed time. A
    /// missing record or one without the proof stored (<paramref name="stored"/> null) is compared all the same, against zeros.
    /// </summary>
    public static bool ProofMatches(byte[]? stored, byte[] offered)
    {
        var against = stored is { } s && s.Length == offered.Length ? s : new byte[offered.Length];
        return CryptographicOperations.FixedTimeEquals(against, offered) && stored is not null && stored.Length == offered.Length;
    }

    /// <summary>
    /// The lookup as a search by number: the matched record (or none) and its area, which proof was asked
    /// (<paramref name="proofField"/>: "phone", "idNumber"), and what was asked in words (<paramref name="asked"/>), with the count matched.
    /// </summary>
    public static Task RecordAsync(IAuditLog audit, string subjectType, long? matchedId, string? area, string proofField, string asked, CancellationToken ct) =>
        audit.RecordAsync(AuditActions.SearchByNumber, subjectType, matchedId?.ToString(CultureInfo.InvariantCulture) ?? "", area ?? "", proofField,
            string.Format(CultureInfo.InvariantCulture, "{0}：匹配 {1} 件", asked, matchedId is null ? 0 : 1), ct);
}
