using Linli.Platform.Geography;

namespace Linli.Modules.Facilities.Network;

/// <summary>
/// The street-network measures of gboeing/street-network-models on a graph "simplified" as OSMnx does: nodes of degree 2
/// (bends) are not nodes, a street runs from one crossing or dead end to the next. Intersections are nodes of degree ≥ 3;
/// shares are of all simplified nodes; circuity is the length walked over the straight line, summed over streets.
/// </summary>
internal sealed record NetworkStatistics(
    int Nodes, int Edges, int Intersections, double AreaKm2, double IntersectionsPerKm2, double MeanEdgeMeters, double MedianEdgeMeters,
    double DeadEndShare, double ThreeWayShare, double FourWayShare, double Circuity, double TotalKm)
{
    public static NetworkStatistics Of(WalkGraph graph, double areaKm2)
    {
        var n = graph.NodeCount;
        var lengths = new List<double>();
        double walked = 0, straight = 0;
        int dead = 0, three = 0, four = 0, ends = 0;
        for (var v = 0; v < n; v++)
        {
            var degree = graph.Degree(v);
            if (degree is 0 or 2) continue;
            ends++;
            if (degree == 1) dead++;
            else if (degree == 3) three++;
            else if (degree == 4) four++;
            for (var k = graph.Offsets[v]; k < graph.Offsets[v + 1]; k++)
            {
                // Follow the street through its bends to the next crossing; count it from its lower end only.
                var (previous, current, length) = (v, graph.Targets[k], (double)graph.Lengths[k]);
                var steps = 0;
                while (graph.Degree(current) == 2 && steps++ < n)
                {
                    var o = graph.Offsets[current];
                    var next = graph.Targets[o] == previous ? o + 1 : o;
                    // Two parallel edges between the same pair: take the other slot, not the one walked in on.
                    if (graph.Targets[o] == previous && graph.Targets[o + 1] == previous) next = o + 1;
                    length += graph.Lengths[next];
                    (previous, current) = (current, graph.Targets[next]);
                }
                if (current < v || (current == v && k % 2 == 1)) continue;
                lengths.Add(length);
                walked += length;
                straight += Geo.DistanceMeters(graph.Longitudes[v], graph.Latitudes[v], graph.Longitudes[current], graph.Latitudes[current]);
            }
        }
        lengths.Sort();
        var median = lengths.Count == 0 ? 0 : lengths.Count % 2 == 1 ? lengths[lengths.Count / 2] : (lengths[lengths.Count / 2 - 1] + lengths[lengths.Count / 2]) / 2;
        var intersections = ends - dead;
        double Share(int count) => ends == 0 ? 0 : (double)count / ends;
        return new NetworkStatistics(n, graph.EdgeCount, intersections, areaKm2, areaKm2 > 0 ? intersections / areaKm2 : 0,
            lengths.Count == 0 ? 0 : walked / lengths.Count, median, Share(dead), Share(three), Share(four),
            straight > 0 ? walked / straight : 1, walked / 1000);
    }
}
