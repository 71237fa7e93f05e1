using Linli.Modules.Facilities.Accessibility;
using Linli.Modules.Facilities.Network;

namespace Linli.Modules.Facilities.Planner;

/// <summary>A chosen site: its node and point, the people it brings within the circle, and the area's coverage after it.</summary>
internal sealed record PlannedSite(int Node, double Longitude, double Latitude, long Gain, double CoverageAfter);

internal sealed record PlanResult(long Population, long CoveredBefore, double CoverageBefore, IReadOnlyList<PlannedSite> Sites);

/// <summary>
/// Greedy maximal-coverage location: N times, the node that brings the most still-uncovered people within the circle.
/// Searched backwards: one bounded search from each uncovered compound lists the nodes that would cover it (the walk is
/// the same both ways), so every node within reach of the area is a candidate and no search runs per candidate. Greedy
/// keeps (1 − 1/e) of the optimum for this objective; the first pick is the exact best single site.
/// </summary>
internal static class SitePlanner
{
    public static PlanResult Plan(WalkGraph graph, WalkingOptions walking, IReadOnlyList<Origin> origins, ReadOnlySpan<float> minutes,
        string areaPrefix, int sites, Func<Origin, int> weight, IReadOnlySet<int>? candidates = null)
    {
        var dijkstra = new MultiSourceDijkstra(graph);
        var reached = new Dictionary<int, float>();
        var gain = new Dictionary<int, long>();
        var covers = new List<int[]>(); // per uncovered origin (index into `open`), the nodes that would cover it
        var open = new List<int>();
        long population = 0, coveredBefore = 0;
        for (var i = 0; i < origins.Count; i++)
        {
            var o = origins[i];
            if (!o.CommunityCode.StartsWith(areaPrefix, StringComparison.Ordinal)) continue;
            var w = weight(o);
            population += w;
            if (minutes[i] <= walking.CircleMinutes) { coveredBefore += w; continue; }
            if (w == 0 || o.SnapMeters > walking.CutoffMeters) continue;
            dijkstra.Reach(o.Node, walking.CutoffMeters - o.SnapMeters, reached);
            var nodes = reached.Keys.Where(n => candidates is null || candidates.Contains(n)).ToArray();
            open.Add(i);
            covers.Add(nodes);
            foreach (var n in nodes) gain[n] = gain.GetValueOrDefault(n) + w;
        }
        var byNode = new Dictionary<int, List<int>>();
        for (var k = 0; k < covers.Count; k++)
            foreach (var n in covers[k])
            {
                if (!byNode.TryGetValue(n, out var list)) byNode[n] = list = [];
                list.Add(k);
            }
        var covered = new bool[open.Count];
        var chosen = new List<PlannedSite>();
        var total = coveredBefore;
        for (var s = 0; s < sites && gain.Count > 0; s++)
        {
            // Ties go to the lower node id, so a plan repeats exactly.
            var best = gain.Where(g => g.Value > 0).OrderByDescending(g => g.Value).ThenBy(g => g.Key).Select(g => (int?)g.Key).FirstOrDefault();
            if (best is not { } node) break;
            var won = gain[node];
            foreach (var k in byNode[node])
            {
                if (covered[k]) continue;
                covered[k] = true;
                var w = weight(origins[open[k]]);
                foreach (var n in covers[k]) gain[n] -= w;
            }
            total += won;
            chosen.Add(new PlannedSite(node, graph.Longitudes[node], graph.Latitudes[node], won, Share(total, population)));
        }
        return new PlanResult(population, coveredBefore, Share(coveredBefore, population), chosen);
    }

    private static double Share(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
}
