using Linli.Modules.Residents.Data;
using Linli.Modules.Residents.Domain;
using Linli.Platform.Auth;
using Linli.Platform.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.Features.Verifications;

/// <summary>Where an ID number is registered already (anywhere in the city, whoever may see it).</summary>
internal sealed record ExistingRegistration(long ResidentId, string CommunityCode);

/// <summary>
/// An ID number is registered once in the whole city. A second registration is refused with the same answer wherever the
/// first one is — inside the caller's area or outside it — so the answer never tells that a person lives elsewhere: the
/// number "needs checking by the level above", and a case goes to the district of the community the caller tried.
/// </summary>
internal sealed class DuplicateRegistrations(ResidentsDbContext db, IAreaScope scope, TimeProvider clock)
{
    public const string Refusal = "此身份证号需上级核实：已转区级核实，请勿重复登记。";

    public async Task<ExistingRegistration?> FindAsync(byte[] idNumberHash, CancellationToken cancellationToken) =>
        await db.Residents.IgnoreQueryFilters().AsNoTracking().Where(r => r.IdNumberHash == idNumberHash)
            .Select(r => new ExistingRegistration(r.Id, r.CommunityCode)).FirstOrDefaultAsync(cancellationToken);

    /// <summary>Existing registrations of many numbers at once (an import), by hash.</summary>
    public async Task<Dictionary<string, ExistingRegistration>> FindManyAsync(IReadOnlyCollection<byte[]> hashes, CancellationToken cancellationToken)
    {
        var found = new Dictionary<string, ExistingRegistration>();
        foreach (var chunk in hashes.Chunk(500))
        {
            var list = chunk.ToList();
            foreach (var r in await db.Residents.IgnoreQueryFilters().AsNoTracking().Where(r => list.Contains(r.IdNumberHash))
                         .Select(r => new { r.IdNumberHash, r.Id, r.CommunityCode }).ToListAsync(cancellationToken))
                found[Convert.ToHexString(r.IdNumberHash)] = new ExistingRegistration(r.Id, r.CommunityCode);
        }
        return found;
    }

    /// <summary>Opens the district's case (once: a repeated attempt for the same community finds the open one) and returns its id.</summary>
    public async Task<long> RecordAsync(string communityCode, string name, SealedNumber idNumber, ExistingRegistration existing, string source,
        CancellationToken cancellationToken)
    {
        var open = await db.PendingVerifications.IgnoreQueryFilters()
            .Where(v => v.IdNumberHash == idNumber.Hash && v.CommunityCode == communityCode && v.ResolvedAt == null)
            .Select(v => (long?)v.Id).FirstOrDefaultAsync(cancellationToken);
        if (open is { } id) return id;
        var verification = new PendingVerification
        {
            CommunityCode = communityCode, Name = name, IdNumberCipher = idNumber.Cipher, IdNumberHash = idNumber.Hash, IdNumberMasked = idNumber.Masked,
            ExistingResidentId = existing.ResidentId, ExistingCommunityCode = existing.CommunityCode, Source = source,
            RequestedBy = scope.UserName, RequestedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.PendingVerifications.Add(verification);
        await db.SaveChangesAsync(cancellationToken);
        return verification.Id;
    }
}
