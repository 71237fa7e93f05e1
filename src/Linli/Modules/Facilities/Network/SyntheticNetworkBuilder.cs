using Linli.Platform.Geography;

namespace Linli.Modules.Facilities.Network;

/// <summary>An area the synthetic network covers: a district (or a part of it), with the centres of its residential compounds.</summary>
internal sealed record NetworkArea(string Key, bool Rural, double MinLon, double MinLat, double MaxLon, double MaxLat,
    Func<double, double, bool> Contains, IReadOnlyList<(double Longitude, double Latitude)> CompoundCentres);

/// <summary>Places <see cref="SyntheticStreets"/> on the map, area by area, each from a random stream of its own.</summary>
internal static class SyntheticNetworkBuilder
{
    /// <summary>Radius of the lane grid around a compound centre.</summary>
    public const double CompoundRadiusMeters = 450;

    public static RawNetwork Build(IEnumerable<NetworkArea> areas, int seed, StreetParameters parameters)
    {
        var network = new RawNetwork();
        foreach (var area in areas)
        {
            var width = Geo.DistanceMeters(area.MinLon, area.MinLat, area.MaxLon, area.MinLat);
            var height = Geo.DistanceMeters(area.MinLon, area.MinLat, area.MinLon, area.MaxLat);
            var (dLon, dLat) = Geo.Box(area.MinLat, 1);
            (double, double) ToMap(double x, double y) => Geo.Offset(area.MinLon, area.MinLat, x, y);
            var compounds = area.CompoundCentres
                .Select(c => ((c.Longitude - area.MinLon) / dLon, (c.Latitude - area.MinLat) / dLat, CompoundRadiusMeters)).ToList();
            var local = new SyntheticStreets.Area(width, height, (x, y) =>
            {
                var (lon, lat) = ToMap(x, y);
                return area.Contains(lon, lat);
            }, ToMap, compounds);
            SyntheticStreets.Generate(Platform.Seeding.SeedRandom.For(seed, "facilities-network", area.Key), local,
                area.Rural ? parameters.Rural : parameters, network);
        }
        return network;
    }
}
