using Linli.Platform.Auth;

namespace Linli.Modules.Indicators.Domain.DataEntry;

/// <summary>
/// The entry's state machine as one table: (state, action) → next state and the role level that may take it. Pure, so
/// the endpoints and the tests ask the same table; what is not in it is refused.
/// </summary>
internal static class EntryTransitions
{
    /// <summary>Who acts: the caller's level in the region tree, from the role.</summary>
    internal enum Level
    {
        Community,
        Street,
        District,
    }

    private static readonly Dictionary<(EntryStatus From, EntryAction Action), (EntryStatus To, Level By)> Table = new()
    {
        [(EntryStatus.Draft, EntryAction.Save)] = (EntryStatus.Draft, Level.Community),
        [(EntryStatus.Draft, EntryAction.Submit)] = (EntryStatus.Submitted, Level.Community),
        [(EntryStatus.Submitted, EntryAction.Approve)] = (EntryStatus.StreetApproved, Level.Street),
        [(EntryStatus.Submitted, EntryAction.Return)] = (EntryStatus.Draft, Level.Street),
        [(EntryStatus.StreetApproved, EntryAction.Approve)] = (EntryStatus.DistrictApproved, Level.District),
        [(EntryStatus.StreetApproved, EntryAction.Return)] = (EntryStatus.Draft, Level.District),
        [(EntryStatus.DistrictApproved, EntryAction.Reopen)] = (EntryStatus.Draft, Level.District),
    };

    /// <summary>Where <paramref name="action"/> leads from <paramref name="from"/>, and who may take it; null when it is not allowed there.</summary>
    public static (EntryStatus To, Level By)? Next(EntryStatus from, EntryAction action) => Table.TryGetValue((from, action), out var t) ? t : null;

    public static IReadOnlyList<EntryAction> Allowed(EntryStatus state) => Enum.GetValues<EntryAction>().Where(a => Table.ContainsKey((state, a))).ToList();

    /// <summary>A district-approved value is locked: no save, submit or return until a district reopens it.</summary>
    public static bool IsLocked(EntryStatus state) => state == EntryStatus.DistrictApproved;

    /// <summary>The level a role acts at; null for roles that take no step in data entry.</summary>
    public static Level? LevelOf(string role) => role switch
    {
        Roles.CommunityWorker => Level.Community,
        Roles.StreetStaff => Level.Street,
        Roles.DistrictStaff => Level.District,
        _ => null,
    };
}
