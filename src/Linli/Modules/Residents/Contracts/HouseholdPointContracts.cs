namespace Linli.Modules.Residents.Contracts;

/// <summary>Where a household lives and how many of its members are elderly (60+) or children (under 14): counts, no person.</summary>
public sealed record HouseholdPoint(string CommunityCode, double Longitude, double Latitude, int Residents, int Elderly, int Children);

/// <summary>
/// The households with a point, for the origins of the facilities' accessibility (the compounds): one set-based query
/// grouped by household, streamed, over the whole pool. It answers counts only, never a resident, so it is not scoped.
/// </summary>
public interface IHouseholdPoints
{
    IAsyncEnumerable<HouseholdPoint> StreamAsync(CancellationToken cancellationToken = default);
}
