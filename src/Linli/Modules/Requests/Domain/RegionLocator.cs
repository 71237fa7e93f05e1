using System.ComponentModel;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Caching;
using Linli.Platform.Geography;
using Microsoft.Extensions.Caching.Hybrid;

namespace Linli.Modules.Requests.Domain;

/// <summary>
/// Places a point: the district whose boundary holds it, then the community of that district whose centre is nearest
/// (as the map picker chooses), then the nearest grid centre of that community. Grids of neighbouring communities may
/// interleave, so the community is chosen by its own centre, never by whichever grid happens to be closest. Each district's
/// centres are kept in the platform's cache with the region lists (dropped by their tag on an import, kept for
/// <see cref="Bound"/>), never queried per ticket.
/// </summary>
internal sealed class RegionLocator(IDistrictGeometry geometry, IServiceScopeFactory scopes, HybridCache cache)
{
    public static readonly TimeSpan Bound = TimeSpan.FromMinutes(10);

    private sealed record Centre(string Code, double Longitude, double Latitude);

    [ImmutableObject(true)]
    private sealed record DistrictCentres(PointIndex<string> Communities, ILookup<string, Centre> GridsByCommunity);

    public sealed record Placement(string CommunityCode, string? GridCode);

    /// <summary>The community and grid of a point, or null outside the city (or in a district with no located units).</summary>
    public async Task<Placement?> LocateAsync(double longitude, double latitude, CancellationToken cancellationToken = default)
    {
        if (geometry.DistrictAt(longitude, latitude) is not { } district) return null;
        var key = "requests:district-centres:" + district;
        var centres = await cache.GetOrCreateAsync(key, (scopes, district), static (state, ct) => LoadAsync(state.scopes, state.district, ct),
            CacheBound.Of(Bound), [RegionCacheTag.Regions], cancellationToken);
        if (centres.Communities.Nearest(longitude, latitude) is not { Item: var community })
        {
            await cache.RemoveAsync(key, cancellationToken); // not seeded yet: look again next time
            return null;
        }
        var grid = centres.GridsByCommunity[community].MinBy(g => Geo.DistanceMeters(longitude, latitude, g.Longitude, g.Latitude));
        return new Placement(community, grid?.Code);
    }

    private static async ValueTask<DistrictCentres> LoadAsync(IServiceScopeFactory scopes, string district, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var regions = scope.ServiceProvider.GetRequiredService<IRegionDirectory>();
        static IEnumerable<Centre> Located(IEnumerable<RegionInfo> units) =>
            units.Where(r => r.Longitude is not null && r.Latitude is not null).Select(r => new Centre(r.Code, r.Longitude!.Value, r.Latitude!.Value));
        var communities = Located(await regions.ListAsync(RegionLevel.Community, district, cancellationToken)).Select(c => (c.Longitude, c.Latitude, c.Code)).ToList();
        var grids = Located(await regions.ListAsync(RegionLevel.Grid, district, cancellationToken)).ToLookup(g => g.Code[..12]);
        return new DistrictCentres(PointIndex<string>.Of(communities), grids);
    }
}
