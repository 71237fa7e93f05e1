using Linli.Modules.Facilities.Network;
using Linli.Platform.Geography;

namespace Linli.Tests.Facilities.Network;

public sealed class SyntheticStreetsTests
{
    private const double Side = 16_000;

    private static RawNetwork Sample(int seed, IReadOnlyList<(double, double, double)>? compounds = null)
    {
        var network = new RawNetwork();
        SyntheticStreets.Generate(new Random(seed), new SyntheticStreets.Area(Side, Side, (_, _) => true,
            (x, y) => Geo.Offset(123.2, 41.7, x, y), compounds ?? []), new StreetParameters(), network);
        return network;
    }

    private static WalkGraph StreetsOnly(RawNetwork network)
    {
        var keep = Enumerable.Range(0, network.EdgeCount).Where(e => network.Highways[e] != "lane").ToArray();
        return WalkGraph.Build(network.Longitudes.Select(x => (float)x).ToArray(), network.Latitudes.Select(x => (float)x).ToArray(),
            keep.Select(e => network.From[e]).ToArray(), keep.Select(e => network.To[e]).ToArray(), keep.Select(e => network.Lengths[e]).ToArray());
    }

    [Fact]
    public void Synthetic_streets_match_shenyangs_published_statistics_within_ten_percent()
    {
        var stats = NetworkStatistics.Of(StreetsOnly(Sample(42)), Side * Side / 1e6);
        Assert.InRange(stats.IntersectionsPerKm2, 9.2 * 0.9, 9.2 * 1.1);
        Assert.InRange(stats.MeanEdgeMeters, 287 * 0.9, 287 * 1.1);
        Assert.InRange(stats.MedianEdgeMeters, 181 * 0.9, 181 * 1.1);
        Assert.InRange(stats.ThreeWayShare, 0.56 * 0.9, 0.56 * 1.1);
        Assert.InRange(stats.FourWayShare, 0.33 * 0.9, 0.33 * 1.1);
        Assert.InRange(stats.DeadEndShare, 0.09 * 0.9, 0.09 * 1.1);
        Assert.InRange(stats.Circuity, 1.03 * 0.99, 1.03 * 1.01);
    }

    [Fact]
    public void Compound_lanes_are_120_to_150_metres_apart_and_join_the_streets()
    {
        var network = Sample(7, [(8000, 8000, 500)]);
        var lanes = Enumerable.Range(0, network.EdgeCount).Where(e => network.Highways[e] == "lane").ToList();
        Assert.NotEmpty(lanes);
        var onStreets = Enumerable.Range(0, network.EdgeCount).Where(e => network.Highways[e] != "lane").SelectMany(e => new[] { network.From[e], network.To[e] }).ToHashSet();
        // Lanes between two lane nodes (the gates that tie a lane to a street are as long as the street is far).
        var inner = lanes.Where(e => !onStreets.Contains(network.From[e]) && !onStreets.Contains(network.To[e])).Select(e => network.Lengths[e]).ToList();
        Assert.NotEmpty(inner);
        Assert.All(inner, l => Assert.InRange(l, 119f, 151f));
        // The compound is reachable from the street grid: one component holds the lanes and the streets.
        var graph = network.ToGraph();
        var distances = new float[graph.NodeCount];
        new MultiSourceDijkstra(graph).Run([network.From[lanes[0]]], float.MaxValue, distances);
        Assert.True(float.IsFinite(distances[0]) || network.Highways.Take(5).All(h => h == "street"));
        Assert.Contains(lanes, e => network.Highways[e] == "lane" && float.IsFinite(distances[network.To[e]]));
        Assert.True(Enumerable.Range(0, network.EdgeCount).Count(e => network.Highways[e] == "street" && float.IsFinite(distances[network.From[e]])) > 100);
    }
}
