using Linli.Modules.Facilities.Accessibility;
using Linli.Modules.Facilities.Network;
using Linli.Modules.Facilities.Planner;

namespace Linli.Tests.Facilities.Planner;

public sealed class SitePlannerTests
{
    private static (WalkGraph Graph, List<Origin> Origins) Case(int seed)
    {
        var random = new Random(seed);
        const int n = 150;
        var from = new List<int>();
        var to = new List<int>();
        var lengths = new List<float>();
        for (var i = 1; i < n; i++)
        {
            from.Add(i);
            to.Add(random.Next(i));
            lengths.Add(100 + random.Next(500));
            if (random.Next(3) == 0) { from.Add(i); to.Add(random.Next(n)); lengths.Add(100 + random.Next(500)); }
        }
        var graph = WalkGraph.Build(new float[n], new float[n], from.ToArray(), to.ToArray(), lengths.ToArray());
        var origins = Enumerable.Range(0, 60).Select(i => new Origin(i + 1, i % 3 == 0 ? "210103001001" : "210102001001", 0, 0, random.Next(n),
            random.Next(60), 50 + random.Next(400), random.Next(80), random.Next(40))).ToList();
        return (graph, origins);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void First_pick_is_the_best_single_site_by_brute_force(int seed)
    {
        var (graph, origins) = Case(seed);
        var walking = new WalkingOptions();
        var minutes = Enumerable.Repeat(float.NaN, origins.Count).ToArray();
        minutes[0] = 3; // one compound is already served
        var plan = SitePlanner.Plan(graph, walking, origins, minutes, "210102", 3, o => o.Residents);

        // Brute force: a full search from every node, summing the uncovered residents of the area each one reaches.
        long bestGain = -1;
        var bestNode = -1;
        var distances = new float[graph.NodeCount];
        for (var v = 0; v < graph.NodeCount; v++)
        {
            new MultiSourceDijkstra(graph).Run([v], float.MaxValue, distances);
            long gain = 0;
            for (var i = 0; i < origins.Count; i++)
                if (origins[i].CommunityCode.StartsWith("210102", StringComparison.Ordinal) && float.IsNaN(minutes[i]) && distances[origins[i].Node] + origins[i].SnapMeters <= walking.CutoffMeters)
                    gain += origins[i].Residents;
            if (gain > bestGain) (bestGain, bestNode) = (gain, v);
        }
        Assert.Equal(bestGain, plan.Sites[0].Gain);
        Assert.Equal(bestNode, plan.Sites[0].Node);
        Assert.True(plan.Sites.Zip(plan.Sites.Skip(1)).All(p => p.First.Gain >= p.Second.Gain), "greedy gains never grow");
        Assert.True(plan.Sites[^1].CoverageAfter > plan.CoverageBefore);
    }
}
