using Linli.Modules.Facilities.Network;

namespace Linli.Tests.Facilities.Network;

public sealed class MultiSourceDijkstraTests
{
    private static (WalkGraph Graph, float[,] AllPairs) RandomGraph(int seed, int nodes, int edges)
    {
        var random = new Random(seed);
        var from = new int[edges];
        var to = new int[edges];
        var lengths = new float[edges];
        for (var e = 0; e < edges; e++)
        {
            from[e] = random.Next(nodes);
            to[e] = random.Next(nodes);
            lengths[e] = 10 + random.Next(400);
        }
        var graph = WalkGraph.Build(new float[nodes], new float[nodes], from, to, lengths);
        // Floyd–Warshall over the same edges (parallel edges keep their shortest).
        var d = new float[nodes, nodes];
        for (var i = 0; i < nodes; i++)
        for (var j = 0; j < nodes; j++) d[i, j] = i == j ? 0 : float.PositiveInfinity;
        for (var e = 0; e < edges; e++)
        {
            if (from[e] == to[e]) continue;
            d[from[e], to[e]] = Math.Min(d[from[e], to[e]], lengths[e]);
            d[to[e], from[e]] = d[from[e], to[e]];
        }
        for (var k = 0; k < nodes; k++)
        for (var i = 0; i < nodes; i++)
        for (var j = 0; j < nodes; j++)
            if (d[i, k] + d[k, j] < d[i, j]) d[i, j] = d[i, k] + d[k, j];
        return (graph, d);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    [InlineData(5)]
    public void Multi_source_search_with_cutoff_equals_the_nearest_source_by_floyd_warshall(int seed)
    {
        var (graph, allPairs) = RandomGraph(seed, nodes: 60, edges: 110);
        var random = new Random(seed * 31);
        var sources = Enumerable.Range(0, 4).Select(_ => random.Next(graph.NodeCount)).ToArray();
        const float cutoff = 700;
        var distances = new float[graph.NodeCount];
        new MultiSourceDijkstra(graph).Run(sources, cutoff, distances);
        for (var v = 0; v < graph.NodeCount; v++)
        {
            var expected = sources.Min(s => allPairs[s, v]);
            if (expected > cutoff) Assert.True(float.IsPositiveInfinity(distances[v]), $"node {v} lies beyond the cutoff");
            else Assert.Equal(expected, distances[v], 2f);
        }
    }

    [Fact]
    public void Reach_of_one_source_lists_exactly_the_nodes_within_the_cutoff()
    {
        var (graph, allPairs) = RandomGraph(9, nodes: 50, edges: 90);
        var reached = new Dictionary<int, float>();
        new MultiSourceDijkstra(graph).Reach(7, 600, reached);
        for (var v = 0; v < graph.NodeCount; v++)
        {
            if (allPairs[7, v] <= 600) Assert.Equal(allPairs[7, v], reached[v], 2f);
            else Assert.False(reached.ContainsKey(v));
        }
    }

    [Fact]
    public void Source_offsets_count_the_walk_from_the_facility_to_its_node()
    {
        // 0 —100— 1 —100— 2; the facility at node 0 stands 50 m off the network.
        var graph = WalkGraph.Build(new float[3], new float[3], [0, 1], [1, 2], [100f, 100f]);
        var distances = new float[3];
        new MultiSourceDijkstra(graph).Run([0], 220, distances, [50f]);
        Assert.Equal([50f, 150f, float.PositiveInfinity], distances);
    }

    [Fact]
    public void Walking_cutoff_is_fifteen_minutes_at_four_and_a_half_km_per_hour()
    {
        var options = new WalkingOptions();
        Assert.Equal(1125f, options.CutoffMeters, 0.01f);
        Assert.Equal(10, options.Minutes(750), 6);
    }
}
