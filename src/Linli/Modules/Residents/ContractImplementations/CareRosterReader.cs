using Linli.Modules.Residents.Contracts;
using Linli.Modules.Residents.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Residents.ContractImplementations;

/// <summary>
/// The care roster from the population tags: one keyset query over the tag index per batch (residents with a roster tag
/// active on the day), then every active tag of those residents in one more query. Scope-filtered like every read.
/// </summary>
internal sealed class CareRosterReader(ResidentsDbContext db) : ICareRoster
{
    private static readonly PopulationTagKind[] RosterTags = [.. CareRosterTags.All];

    public async Task<IReadOnlyList<CareRosterEntry>> BatchAsync(string regionPrefix, DateOnly day, long afterResidentId, int count, CancellationToken cancellationToken = default)
    {
        var ids = await db.Tags.AsNoTracking()
            .Where(t => RosterTags.Contains(t.Tag) && t.CommunityCode.StartsWith(regionPrefix) && t.ResidentId > afterResidentId
                        && t.StartDate <= day && (t.EndDate == null || t.EndDate >= day))
            .Select(t => t.ResidentId).Distinct().OrderBy(id => id).Take(count).ToListAsync(cancellationToken);
        return await EntriesAsync(ids, day, cancellationToken);
    }

    public async Task<IReadOnlyList<CareRosterEntry>> FindAsync(IReadOnlyCollection<long> residentIds, DateOnly day, CancellationToken cancellationToken = default) =>
        await EntriesAsync([.. residentIds], day, cancellationToken);

    public async Task<IReadOnlyDictionary<long, CareRosterCard>> CardsAsync(IReadOnlyCollection<long> residentIds, CancellationToken cancellationToken = default)
    {
        if (residentIds.Count == 0) return new Dictionary<long, CareRosterCard>();
        var ids = residentIds.ToList();
        return await db.Residents.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new CareRosterCard(r.Id, r.Name, r.ActualAddress ?? r.RegisteredAddress, r.CommunityCode, r.GridCode))
            .ToDictionaryAsync(c => c.ResidentId, cancellationToken);
    }

    private async Task<IReadOnlyList<CareRosterEntry>> EntriesAsync(List<long> ids, DateOnly day, CancellationToken cancellationToken)
    {
        if (ids.Count == 0) return [];
        // Through the resident, so that a grid-level scope (which tags do not carry) reads only its grid's people.
        var residents = await db.Residents.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new { r.Id, r.CommunityCode, r.GridCode, r.BirthYear }).ToListAsync(cancellationToken);
        var tags = (await db.Tags.AsNoTracking()
                .Where(t => ids.Contains(t.ResidentId) && t.StartDate <= day && (t.EndDate == null || t.EndDate >= day))
                .Select(t => new { t.ResidentId, t.Tag, t.Grade }).ToListAsync(cancellationToken))
            .ToLookup(t => t.ResidentId);
        return residents
            .Select(r => new CareRosterEntry(r.Id, r.CommunityCode, r.GridCode, r.BirthYear,
                tags[r.Id].Select(t => new CareRosterTag(t.Tag, t.Grade)).Distinct().OrderBy(t => t.Tag).ToList()))
            .Where(e => e.Tags.Any(t => CareRosterTags.All.Contains(t.Tag)))
            .OrderBy(e => e.ResidentId)
            .ToList();
    }
}
