using Linli.Modules.ServiceDesk.Data;
using Linli.Platform.Notifications.Sms;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Jobs;

/// <summary>
/// The phone number behind "applicant:{case number}": an applicant who came to a window without an account and left a
/// phone number is told by SMS (the decision, the hand-over and the invitation to rate). Decrypted only on the way to the
/// gateway, as Requests' reporter phones are (Modules/Requests/Jobs/ReporterPhones.cs); the gateway gets E.164.
/// </summary>
internal sealed class ApplicantPhones(IServiceScopeFactory scopes, IPersonalDataProtector protector) : ISmsRecipients
{
    public const string ApplicantScheme = "applicant";

    public static string Address(string caseNumber) => ApplicantScheme + ":" + caseNumber;

    public string Scheme => ApplicantScheme;

    public async Task<IReadOnlyDictionary<string, string>> PhoneNumbersAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
    {
        var prefix = Scheme + ":";
        var numbers = addresses.Where(a => a.StartsWith(prefix, StringComparison.Ordinal)).Select(a => a[prefix.Length..]).Distinct().ToList();
        if (numbers.Count == 0) return new Dictionary<string, string>();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        // The sender runs outside any request and the text goes to whoever applied: the scope filter does not apply.
        var phones = await db.ServiceCases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => numbers.Contains(c.Number) && c.ApplicantPhoneCipher != null)
            .Select(c => new { c.Number, c.ApplicantPhoneCipher })
            .ToListAsync(cancellationToken);
        var dialled = new Dictionary<string, string>();
        foreach (var p in phones)
        {
            // Intake stores only numbers that parse; one that does not is left out rather than texted as stored.
            if (PhoneNumber.TryParse(protector.Decrypt(p.ApplicantPhoneCipher!), out var phone)) dialled[prefix + p.Number] = phone.E164;
        }
        return dialled;
    }
}
