using Linli.Platform.Geography;
using Linli.Platform.Seeding;

namespace Linli.Tests.Platform;

/// <summary>The nearest-point index answers what comparing every point would, by great-circle distance.</summary>
public sealed class PointIndexTests
{
    private static List<(double Lon, double Lat, int Item)> Points(int count, int seed)
    {
        var random = new Random(seed);
        var points = new List<(double, double, int)>();
        // A dense core (a city centre) and a sparse spread over two degrees of latitude, where a flat projection distorts most.
        for (var i = 0; i < count; i++)
        {
            var core = i % 3 == 0;
            var lon = core ? 123.43 + random.NextGaussian() * 0.02 : 122.4 + random.NextDouble() * 1.9;
            var lat = core ? 41.80 + random.NextGaussian() * 0.02 : 41.2 + random.NextDouble() * 2.0;
            points.Add((lon, lat, i));
        }
        return points;
    }

    private static (int Item, double Meters) BruteForce(IEnumerable<(double Lon, double Lat, int Item)> points, double lon, double lat, int? skip = null) =>
        points.Where(p => p.Item != skip).Select(p => (p.Item, Meters: Geo.DistanceMeters(lon, lat, p.Lon, p.Lat))).MinBy(p => p.Meters);

    [Fact]
    public void Nearest_matches_comparing_every_point_inside_and_outside_the_indexed_area()
    {
        var points = Points(3000, 11);
        var index = PointIndex<int>.Of(points);
        var random = new Random(12);
        for (var q = 0; q < 2000; q++)
        {
            // Queries reach beyond the points' box: a map tap can land anywhere.
            var lon = 122.0 + random.NextDouble() * 2.8;
            var lat = 40.8 + random.NextDouble() * 2.8;
            var expected = BruteForce(points, lon, lat);
            var found = index.Nearest(lon, lat);
            Assert.NotNull(found);
            Assert.Equal(expected.Meters, found.Value.Meters, 6);
        }
    }

    [Fact]
    public void Nearest_can_leave_an_item_out_to_find_its_neighbour()
    {
        var points = Points(500, 21);
        var index = PointIndex<int>.Of(points);
        foreach (var (lon, lat, item) in points)
        {
            var neighbour = index.Nearest(lon, lat, other => other == item)!.Value;
            Assert.NotEqual(item, neighbour.Item);
            Assert.Equal(BruteForce(points, lon, lat, item).Meters, neighbour.Meters, 6);
        }
    }

    [Fact]
    public void Items_at_the_same_spot_are_all_kept()
    {
        var index = new PointIndex<string>(41.8);
        index.Add(123.4, 41.8, "a");
        index.Add(123.4, 41.8, "b");
        index.Add(123.5, 41.8, "c");
        Assert.Equal(3, index.Count);
        Assert.Equal("b", index.Nearest(123.4, 41.8, item => item == "a")!.Value.Item);
        Assert.Equal(0, index.Nearest(123.4, 41.8, item => item == "a")!.Value.Meters, 6);
        Assert.Equal("c", index.Nearest(123.4, 41.8, item => item != "c")!.Value.Item);
        Assert.Null(index.Nearest(123.4, 41.8, _ => true));
        Assert.Null(new PointIndex<string>(41.8).Nearest(123.4, 41.8));
    }

    [Fact]
    public void A_community_reaches_just_under_half_way_to_its_nearest_neighbour_and_scattered_points_stay_within_it()
    {
        var centres = Points(400, 31).Select(p => ($"c{p.Item}", p.Lon, p.Lat)).ToList();
        var spacing = CommunitySpacing.Of(centres);
        var random = new Random(32);
        foreach (var (code, lon, lat) in centres)
        {
            var neighbour = centres.Where(c => c.Item1 != code).Min(c => Geo.DistanceMeters(lon, lat, c.Lon, c.Lat));
            var reach = spacing.ReachOf(code);
            Assert.Equal(neighbour * CommunitySpacing.ShareOfGap, reach, 6);
            for (var i = 0; i < 20; i++)
            {
                // A spread far wider than the reach: the cap, not luck, keeps the points in.
                var (x, y) = CommunitySpacing.Scatter(random, lon, lat, sigmaMeters: reach * 3, maxMeters: reach);
                Assert.True(Geo.DistanceMeters(lon, lat, x, y) <= reach * 1.001, $"{code}: a point {Geo.DistanceMeters(lon, lat, x, y):F1} m out, reach {reach:F1} m");
            }
        }
        Assert.Equal(0, spacing.ReachOf("unknown"));
    }
}
