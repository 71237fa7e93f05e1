using Linli.Modules.Residents.Domain;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.Data;

/// <summary>
/// The residents' share of a key rotation: ID and phone numbers re-encrypted and re-hashed under the new key. Phones are
/// read back through <see cref="PhoneNumber"/>, so numbers stored before it (national digits) come out in E.164 with the
/// hash every module uses; a stored phone it cannot read is kept as it was, under the new key.
/// </summary>
internal sealed class ResidentsRekeyer(ResidentsDbContext db) : IPersonalDataRekeyer
{
    private static readonly string[] Columns =
    [
        nameof(Resident.IdNumberCipher), nameof(Resident.IdNumberHash), nameof(Resident.IdNumberMasked),
        nameof(Resident.PhoneCipher), nameof(Resident.PhoneHash), nameof(Resident.PhoneMasked),
    ];

    public string Name => "residents.residents";

    public Task BeginAsync(CancellationToken cancellationToken) =>
        RekeyIndexes.DropAsync<Resident>(db, cancellationToken, nameof(Resident.IdNumberHash), nameof(Resident.PhoneHash));

    public Task EndAsync(CancellationToken cancellationToken) =>
        RekeyIndexes.CreateAsync<Resident>(db, cancellationToken, nameof(Resident.IdNumberHash), nameof(Resident.PhoneHash));

    public Task<long> CountAsync(CancellationToken cancellationToken) => db.Residents.IgnoreQueryFilters().LongCountAsync(cancellationToken);

    public async Task<RekeyedBatch?> RekeyAsync(long afterId, int batchSize, PersonalDataRekey rekey, CancellationToken cancellationToken)
    {
        var rows = await db.Residents.IgnoreQueryFilters().AsNoTracking().Where(r => r.Id > afterId).OrderBy(r => r.Id).Take(batchSize)
            .Select(r => new { r.Id, r.IdNumberCipher, r.PhoneCipher }).ToListAsync(cancellationToken);
        if (rows.Count == 0) return null;
        var updates = rows.Select(r =>
        {
            var id = rekey.New.SealIdNumber(rekey.Open(r.IdNumberCipher));
            var phone = r.PhoneCipher is null ? (SealedNumber?)null : Reseal(rekey, rekey.Open(r.PhoneCipher));
            return (r.Id, new object?[] { id.Cipher, id.Hash, id.Masked, phone?.Cipher, phone?.Hash, phone?.Masked });
        }).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BatchUpdate.ExecuteAsync<Resident>(db, Columns, updates, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RekeyedBatch(rows[^1].Id, rows.Count);
    }

    public static SealedNumber Reseal(PersonalDataRekey rekey, string phone) =>
        PhoneNumber.TryParse(phone, out var parsed)
            ? rekey.New.SealPhone(parsed)
            : new SealedNumber(rekey.New.Encrypt(phone), rekey.New.LookupHash(phone), Masking.Phone(phone));
}

/// <summary>The ID numbers of registrations waiting to be verified, re-sealed like the residents'.</summary>
internal sealed class VerificationsRekeyer(ResidentsDbContext db) : IPersonalDataRekeyer
{
    private static readonly string[] Columns = [nameof(PendingVerification.IdNumberCipher), nameof(PendingVerification.IdNumberHash), nameof(PendingVerification.IdNumberMasked)];

    public string Name => "residents.pending_verifications";

    public Task BeginAsync(CancellationToken cancellationToken) =>
        RekeyIndexes.DropAsync<PendingVerification>(db, cancellationToken, nameof(PendingVerification.IdNumberHash), nameof(PendingVerification.CommunityCode));

    public Task EndAsync(CancellationToken cancellationToken) =>
        RekeyIndexes.CreateAsync<PendingVerification>(db, cancellationToken, nameof(PendingVerification.IdNumberHash), nameof(PendingVerification.CommunityCode));

    public Task<long> CountAsync(CancellationToken cancellationToken) => db.PendingVerifications.IgnoreQueryFilters().LongCountAsync(cancellationToken);

    public async Task<RekeyedBatch?> RekeyAsync(long afterId, int batchSize, PersonalDataRekey rekey, CancellationToken cancellationToken)
    {
        var rows = await db.PendingVerifications.IgnoreQueryFilters().AsNoTracking().Where(v => v.Id > afterId).OrderBy(v => v.Id).Take(batchSize)
            .Select(v => new { v.Id, v.IdNumberCipher }).ToListAsync(cancellationToken);
        if (rows.Count == 0) return null;
        var updates = rows.Select(v =>
        {
            var id = rekey.New.SealIdNumber(rekey.Open(v.IdNumberCipher));
            return (v.Id, new object?[] { id.Cipher, id.Hash, id.Masked });
        }).ToList();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await BatchUpdate.ExecuteAsync<PendingVerification>(db, Columns, updates, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new RekeyedBatch(rows[^1].Id, rows.Count);
    }
}
