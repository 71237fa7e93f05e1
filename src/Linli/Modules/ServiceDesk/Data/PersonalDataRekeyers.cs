using Linli.Modules.ServiceDesk.Domain;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Data;

/// <summary>
/// The applicants' ID numbers of cases, re-encrypted and re-hashed under the new key, sealed the way intake seals them
/// (<see cref="PersonalNumbers.SealIdNumber"/>), and the phones of people new to the pool, so a case is found by its applicant's number after the rotation as before.
/// </summary>
internal sealed class ServiceCaseApplicantsRekeyer(ServiceDeskDbContext db) : IPersonalDataRekeyer
{
    private static readonly string[] Columns = [nameof(ServiceCase.ApplicantIdCipher), nameof(ServiceCase.ApplicantIdHash), nameof(ServiceCase.ApplicantIdMasked),
        nameof(ServiceCase.ApplicantPhoneCipher), nameof(ServiceCase.ApplicantPhoneMasked)];

    public string Name => "servicedesk.service_cases";

    public Task BeginAsync(CancellationToken cancellationToken) => RekeyIndexes.DropAsync<ServiceCase>(db, cancellationToken, nameof(ServiceCase.ApplicantIdHash));

    public Task EndAsync(CancellationToken cancellationToken) => RekeyIndexes.CreateAsync<ServiceCase>(db, cancellationToken, nameof(ServiceCase.ApplicantIdHash));

    public Task<long> CountAsync(CancellationToken cancellationToken) => db.ServiceCases.IgnoreQueryFilters().LongCountAsync(cancellationToken);

    public async Task<RekeyedBatch?> RekeyAsync(long afterId, int batchSize, PersonalDataRekey rekey, CancellationToken cancellationToken)
    {
        var rows = await db.ServiceCases.IgnoreQueryFilters().AsNoTracking().Where(c => c.Id > afterId).OrderBy(c => c.Id).Take(batchSize)
            .Select(c => new { c.Id, c.ApplicantIdCipher, c.ApplicantPhoneCipher }).ToListAsync(cancellationToken);
        if (rows.Count == 0) return null;
        // Straight columns, not the tracked entity: the case itself does not change, so its version must not either.
        var updates = rows.Select(c =>
        {
            var id = rekey.New.SealIdNumber(rekey.Open(c.ApplicantIdCipher));
            // A window's phone was stored in E.164 (PhoneNumber), so it reads back as one.
            var phone = c.ApplicantPhoneCipher is null ? null : rekey.Open(c.ApplicantPhoneCipher);
            var sealedPhone = phone is null ? (SealedNumber?)null
                : PhoneNumber.TryParse(phone, out var parsed) ? rekey.New.SealPhone(parsed) : new SealedNumber(rekey.New.Encrypt(phone), [], Masking.Phone(phone));
            return (c.Id, new object?[] { id.Cipher, id.Hash, id.Masked, sealedPhone?.Cipher, sealedPhone?.Masked });
        }).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BatchUpdate.ExecuteAsync<ServiceCase>(db, Columns, updates, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RekeyedBatch(rows[^1].Id, rows.Count);
    }
}
