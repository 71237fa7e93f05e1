using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Notifications.Sms;
using Linli.Platform.Protection;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Jobs;

/// <summary>
/// The phone number behind "reporter:{ticket number}": a resident who filed by phone, without an account, is told by SMS.
/// Decrypted only on the way to the gateway; the sender logs message ids, never numbers.
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
        return phones.ToDictionary(p => prefix + p.Number, p => protector.Decrypt(p.PhoneCipher!));
    }
}
