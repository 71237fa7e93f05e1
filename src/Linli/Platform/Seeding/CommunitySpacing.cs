using Linli.Platform.Geography;

namespace Linli.Platform.Seeding;

/// <summary>
/// How far from its centre the synthetic city may put a community's grids and households so that each lies nearer to its
/// own community's centre than to any other: a point closer to its centre than half the distance to the nearest other
/// centre cannot be nearer to that other one (triangle inequality), so the reach is <see cref="ShareOfGap"/> of that
/// distance. Grid centres take the inner half of the reach and households half of it around their grid, which keeps every
/// household within the reach. Computed once per city with a k-d tree: n log n for n communities.
/// </summary>
internal sealed class CommunitySpacing
{
    /// <summary>Share of the distance to the nearest other centre that a community's points may stray (under one half, for rounding).</summary>
    public const double ShareOfGap = 0.45;

    /// <summary>No two synthetic community centres are closer than this, so even the most crowded community has room for its homes.</summary>
    public const double MinimumGapMeters = 80;

    private readonly Dictionary<string, double> _reach;

    private CommunitySpacing(Dictionary<string, double> reach) => _reach = reach;

    public static CommunitySpacing Of(IReadOnlyCollection<(string Code, double Longitude, double Latitude)> centres)
    {
        var index = PointIndex<string>.Of(centres.Select(c => (c.Longitude, c.Latitude, c.Code)).ToList());
        var reach = new Dictionary<string, double>(centres.Count, StringComparer.Ordinal);
        foreach (var (code, lon, lat) in centres)
            reach[code] = index.Nearest(lon, lat, other => other == code) is { } nearest ? nearest.Meters * ShareOfGap : double.PositiveInfinity;
        return new CommunitySpacing(reach);
    }

    /// <summary>How far (metres) a community's points may lie from its centre; 0 for a community without a centre.</summary>
    public double ReachOf(string communityCode) => _reach.GetValueOrDefault(communityCode);

    /// <summary>A point around a centre: a normal spread of <paramref name="sigmaMeters"/>, never farther than <paramref name="maxMeters"/>.</summary>
    public static (double Longitude, double Latitude) Scatter(Random random, double longitude, double latitude, double sigmaMeters, double maxMeters)
    {
        var east = random.NextGaussian() * sigmaMeters;
        var north = random.NextGaussian() * sigmaMeters;
        var distance = Math.Sqrt(east * east + north * north);
        if (distance > maxMeters)
        {
            // Beyond the limit: somewhere in the disc instead, in the same direction (uniform over the disc's area).
            var shrink = maxMeters * Math.Sqrt(random.NextDouble()) / distance;
            (east, north) = (east * shrink, north * shrink);
        }
        return Geo.Offset(longitude, latitude, east, north);
    }
}
