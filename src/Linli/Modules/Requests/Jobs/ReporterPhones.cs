using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Notifications.Sms;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Jobs;

/// <summary>
/// The phone number behind "reporter:{ticket number}": a resident who filed by phone, without an account, is told by SMS.
/// Decrypted only on the way to the gateway; the sender logs message ids, never numbers. The gateway always gets E.164
/// (+8613912345678), the form numbers are stored in, also for a number stored as typed before that form.
/// </summary>
internal sealed class ReporterPhones(IServiceScopeFactory scopes, IPersonalDataProtector protector) : ISmsRecipients
{
    public string Scheme => Recipients.ReporterScheme;

    public async Task<IReadOnlyDictionary<string, string>> PhoneNumbersAsync(IReadOnlyCollection<string> addresses, CancellationToken cancellationToken)
    {
        var prefix = Scheme + ":";
        var numbers = addresses.Where(a => a.StartsWith(prefix, StringComparison.Ordinal)).Select(a => a[prefix.Length..]).Distinct().ToList();
        if (numbers.Count == 0) return new Dictionary<string, string>();
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        // The sender runs outside any request, and a notice goes to whoever filed the ticket: the scope filter does not apply.
        var phones = await db.Tickets.IgnoreQueryFilters().AsNoTracking()
            .Where(t => numbers.Contains(t.Number) && t.PhoneCipher != null)
            .Select(t => new { t.Number, t.PhoneCipher })
            .ToListAsync(cancellationToken);
        return phones.ToDictionary(p => prefix + p.Number, p => Dialled(protector.Decrypt(p.PhoneCipher!)));
    }

    private static string Dialled(string stored) => PhoneNumber.TryParse(stored, out var phone) ? phone.E164 : stored;
}
