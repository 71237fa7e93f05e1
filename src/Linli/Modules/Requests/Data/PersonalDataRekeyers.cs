using Linli.Modules.Requests.Domain;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Data;

/// <summary>
/// The reporters' phone numbers of tickets, re-encrypted and re-hashed under the new key. Read back through
/// <see cref="PhoneNumber"/>, a number stored before it (digits as typed) comes out in E.164 with the hash the hotline
/// and the resident pool use; one it cannot read is kept as it was, under the new key.
/// </summary>
internal sealed class TicketPhonesRekeyer(RequestsDbContext db) : IPersonalDataRekeyer
{
    private static readonly string[] Columns = [nameof(Ticket.PhoneCipher), nameof(Ticket.PhoneHash), nameof(Ticket.PhoneMasked)];

    public string Name => "requests.tickets";

    public Task BeginAsync(CancellationToken cancellationToken) => RekeyIndexes.DropAsync<Ticket>(db, cancellationToken, nameof(Ticket.PhoneHash));

    public Task EndAsync(CancellationToken cancellationToken) => RekeyIndexes.CreateAsync<Ticket>(db, cancellationToken, nameof(Ticket.PhoneHash));

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        db.Tickets.IgnoreQueryFilters().LongCountAsync(t => t.PhoneCipher != null, cancellationToken);

    public async Task<RekeyedBatch?> RekeyAsync(long afterId, int batchSize, PersonalDataRekey rekey, CancellationToken cancellationToken)
    {
        var rows = await db.Tickets.IgnoreQueryFilters().AsNoTracking().Where(t => t.Id > afterId && t.PhoneCipher != null).OrderBy(t => t.Id).Take(batchSize)
            .Select(t => new { t.Id, t.PhoneCipher }).ToListAsync(cancellationToken);
        if (rows.Count == 0) return null;
        var updates = rows.Select(t =>
        {
            var text = rekey.Open(t.PhoneCipher!);
            // Straight columns, not the tracked entity: the ticket itself does not change, so its version must not either.
            return PhoneNumber.TryParse(text, out var phone)
                ? (t.Id, new object?[] { rekey.New.Encrypt(phone.E164), rekey.New.Hash(phone), phone.Masked })
                : (t.Id, [rekey.New.Encrypt(text), rekey.New.LookupHash(text), Masking.Phone(text)]);
        }).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BatchUpdate.ExecuteAsync<Ticket>(db, Columns, updates, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RekeyedBatch(rows[^1].Id, rows.Count);
    }
}

/// <summary>The contacts (e-mail, names) of Open311 submissions, re-encrypted under the new key.</summary>
internal sealed class Open311ContactsRekeyer(RequestsDbContext db) : IPersonalDataRekeyer
{
    private static readonly string[] Columns = [nameof(Open311Submission.ContactCipher)];

    public string Name => "requests.open311_submissions";

    public Task<long> CountAsync(CancellationToken cancellationToken) =>
        db.Open311Submissions.IgnoreQueryFilters().LongCountAsync(s => s.ContactCipher != null, cancellationToken);

    public async Task<RekeyedBatch?> RekeyAsync(long afterId, int batchSize, PersonalDataRekey rekey, CancellationToken cancellationToken)
    {
        var rows = await db.Open311Submissions.IgnoreQueryFilters().AsNoTracking().Where(s => s.Id > afterId && s.ContactCipher != null).OrderBy(s => s.Id)
            .Take(batchSize).Select(s => new { s.Id, s.ContactCipher }).ToListAsync(cancellationToken);
        if (rows.Count == 0) return null;
        var updates = rows.Select(s => (s.Id, new object?[] { rekey.New.Encrypt(rekey.Open(s.ContactCipher!)) })).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BatchUpdate.ExecuteAsync<Open311Submission>(db, Columns, updates, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RekeyedBatch(rows[^1].Id, rows.Count);
    }
}
