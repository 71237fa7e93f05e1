namespace Linli.Modules.Residents.Contracts;

/// <summary>One population tag active on the roster's day, with the disability grade (1 most severe to 4) where it has one.</summary>
public sealed record CareRosterTag(PopulationTagKind Tag, int? Grade);

/// <summary>
/// A resident of a special group as the care roster reads them from the pool: where they live (community, grid) and the
/// tags active on the day. The tags are the pool's; the roster never keeps a copy anyone types.
/// </summary>
public sealed record CareRosterEntry(long ResidentId, string CommunityCode, string? GridCode, int BirthYear, IReadOnlyList<CareRosterTag> Tags);

/// <summary>What a visitor needs to find a resident on the roster: the name and the address they live at (inside the caller's area only).</summary>
public sealed record CareRosterCard(long ResidentId, string Name, string? Address, string CommunityCode, string? GridCode);

/// <summary>The tags that put a resident on the care roster: every tag but 60+ alone (80+, living alone, disabled, dibao, tekun, left-behind child, orphan, veteran).</summary>
public static class CareRosterTags
{
    public static IReadOnlySet<PopulationTagKind> All { get; } = new HashSet<PopulationTagKind>
    {
        PopulationTagKind.Elderly80, PopulationTagKind.LivingAlone, PopulationTagKind.Disabled, PopulationTagKind.Dibao,
        PopulationTagKind.Tekun, PopulationTagKind.LeftBehindChild, PopulationTagKind.Orphan, PopulationTagKind.Veteran,
    };
}

/// <summary>The special groups of the resident pool (关爱对象), for the Care module.</summary>
public interface ICareRoster
{
    /// <summary>
    /// Up to <paramref name="count"/> residents under the region-code prefix with a roster tag active on <paramref name="day"/>,
    /// ordered by id after <paramref name="afterResidentId"/> (a keyset batch: the next batch starts after the last id), each
    /// with every tag active that day. Within the caller's area (jobs run with the system's).
    /// </summary>
    Task<IReadOnlyList<CareRosterEntry>> BatchAsync(string regionPrefix, DateOnly day, long afterResidentId, int count, CancellationToken cancellationToken = default);

    /// <summary>The roster entries of these residents on the day (those without a roster tag, or outside the caller's area, are left out).</summary>
    Task<IReadOnlyList<CareRosterEntry>> FindAsync(IReadOnlyCollection<long> residentIds, DateOnly day, CancellationToken cancellationToken = default);

    /// <summary>Names and addresses of these residents, of those the caller may read (a grid worker: their grid's).</summary>
    Task<IReadOnlyDictionary<long, CareRosterCard>> CardsAsync(IReadOnlyCollection<long> residentIds, CancellationToken cancellationToken = default);
}
