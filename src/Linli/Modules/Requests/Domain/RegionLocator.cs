using System.Collections.Concurrent;
using Linli.Modules.Regions.Contracts;

namespace Linli.Modules.Requests.Domain;

/// <summary>
/// Places a point: the district whose boundary holds it, then the nearest grid centre (or community centre, where no grid
/// has one) inside that district. Each district's centres are read once and kept in memory, never queried per ticket.
/// </summary>
internal sealed class RegionLocator(IDistrictGeometry geometry, IServiceScopeFactory scopes)
{
    private sealed record Centre(string Code, bool IsGrid, double Longitude, double Latitude);

    private readonly ConcurrentDictionary<string, Lazy<Task<Centre[]>>> _centres = new();

    public sealed record Placement(string CommunityCode, string? GridCode);

    /// <summary>The community and grid of a point, or null outside the city (or in a district with no located units).</summary>
    public async Task<Placement?> LocateAsync(double longitude, double latitude, CancellationToken cancellationToken = default)
    {
        if (geometry.DistrictAt(longitude, latitude) is not { } district) return null;
        var centres = await _centres.GetOrAdd(district, d => new Lazy<Task<Centre[]>>(() => LoadAsync(d))).Value.WaitAsync(cancellationToken);
        if (centres.Length == 0)
        {
            _centres.TryRemove(district, out _); // not seeded yet: look again next time
            return null;
        }
        var candidates = centres.Any(c => c.IsGrid) ? centres.Where(c => c.IsGrid) : centres;
        var nearest = candidates.MinBy(c => Geo.DistanceMeters(longitude, latitude, c.Longitude, c.Latitude))!;
        return nearest.IsGrid ? new Placement(nearest.Code[..12], nearest.Code) : new Placement(nearest.Code, null);
    }

    private async Task<Centre[]> LoadAsync(string district)
    {
        using var scope = scopes.CreateScope();
        var regions = scope.ServiceProvider.GetRequiredService<IRegionDirectory>();
        var grids = await regions.ListAsync(RegionLevel.Grid, district);
        var communities = await regions.ListAsync(RegionLevel.Community, district);
        return grids.Concat(communities)
            .Where(r => r.Longitude is not null && r.Latitude is not null)
            .Select(r => new Centre(r.Code, r.Level == RegionLevel.Grid, r.Longitude!.Value, r.Latitude!.Value))
            .ToArray();
    }
}

internal static class Geo
{
    private const double EarthRadius = 6_371_000;

    public static double DistanceMeters(double lon1, double lat1, double lon2, double lat2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadius * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    /// <summary>Degrees of latitude and longitude spanning <paramref name="meters"/> at a latitude: a box an index can serve.</summary>
    public static (double DLon, double DLat) Box(double latitude, double meters)
    {
        var dLat = meters / 111_320.0;
        var dLon = meters / (111_320.0 * Math.Max(0.01, Math.Cos(latitude * Math.PI / 180)));
        return (dLon, dLat);
    }
}
