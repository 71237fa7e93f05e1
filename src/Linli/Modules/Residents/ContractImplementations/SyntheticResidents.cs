using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Data;
using Linli.Modules.Residents.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.ContractImplementations;

/// <summary>
/// Applicants for the other modules' synthetic histories: every n-th synthetic resident by id (the pool is written
/// community by community, so a stride keeps each community's share), read past the scope filter because seeding has no
/// caller. Only residents the synthetic city made are ever answered.
/// </summary>
internal sealed class SyntheticResidents(ResidentsDbContext db, TimeProvider clock) : ISyntheticResidents
{
    public async Task<IReadOnlyList<SyntheticApplicant>> SampleAsync(int count, CancellationToken cancellationToken = default)
    {
        if (count <= 0) return [];
        var pool = db.Residents.IgnoreQueryFilters().AsNoTracking().Where(r => r.IsSynthetic);
        var total = await pool.CountAsync(cancellationToken);
        if (total == 0) return [];
        var stride = Math.Max(1, total / count);
        var residents = await pool.Where(r => r.Id % stride == 0)
            .Select(r => new { r.Id, r.CommunityCode, r.Name, r.IdNumberCipher, r.IdNumberHash, r.IdNumberMasked, r.BirthYear })
            .ToListAsync(cancellationToken);
        var today = Views.Today(clock);
        var tags = (await db.Tags.IgnoreQueryFilters().AsNoTracking().Where(t => t.ResidentId % stride == 0).ToListAsync(cancellationToken))
            .Where(t => t.IsActiveOn(today))
            .ToLookup(t => t.ResidentId, t => t.Tag);
        return residents.Select(r => new SyntheticApplicant(r.Id, r.CommunityCode, r.Name, r.IdNumberCipher, r.IdNumberHash, r.IdNumberMasked, r.BirthYear,
            tags[r.Id].Distinct().Order().ToList())).ToList();
    }
}
