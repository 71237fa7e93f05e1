namespace Linli.Modules.Facilities.Network;

/// <summary>
/// Parameters of the synthetic street layer, calibrated (bench/facilities-accessibility.sh prints the result for the whole
/// city, tests/Linli.Tests/Facilities/Network/SyntheticStreetsTests.cs checks a sample area) to Shenyang's published
/// drivable-network statistics (gboeing/street-network-models): 9.2 intersections per km², mean edge 287 m, median 181 m,
/// 56 % three-way, 33 % four-way, 9 % dead ends, circuity 1.03.
/// </summary>
internal sealed record StreetParameters(
    double MedianGapMeters = 185, double GapSigma = 0.95, double CutStart = 0.16, double CutContinue = 0.45,
    double VoidShare = 0.22, double StubShare = 0.045, double ShapeSpacingMeters = 28, double LaneSpacingMeters = 135)
{
    /// <summary>Counties: the same kind of streets, further apart and with more open land.</summary>
    public StreetParameters Rural => this with { MedianGapMeters = MedianGapMeters * 1.8, VoidShare = 0.5 };
}

/// <summary>
/// Builds a walking network in a local frame (metres east and north of a corner), then places it on the map.
/// <para>
/// Streets: a grid whose row and column gaps are drawn from a log-normal (stratified, so an area's mean is stable);
/// 1 km cells left empty at the void share (parks, water, rail, fields); runs of block sides cut along a line (a
/// cut never leaves a bare corner, so a through street stays straight and the network's circuity comes from its bends);
/// a few cul-de-sac stubs off the middle of a block. Each street is drawn with bends every <see cref="StreetParameters.ShapeSpacingMeters"/>
/// on a gentle sine (2.5 % longer than straight), which is where most nodes of a real extract are too.
/// </para>
/// <para>
/// Lanes (highway "lane"): the walk-only paths of residential compounds that a drive network omits, a grid at 120–150 m
/// inside a disc around each compound centre given, tied to the nearest street node.
/// </para>
/// </summary>
internal static class SyntheticStreets
{
    private const double VoidCell = 1000;
    /// <summary>Half-amplitude of the sine a street is drawn on, as a share of its length: ∫√(1+(πa/L·cos)²) ≈ 1.025 L.</summary>
    private static readonly double Bow = Math.Sqrt(0.1) / Math.PI;

    public sealed record Area(double WidthMeters, double HeightMeters, Func<double, double, bool> Inside,
        Func<double, double, (double Longitude, double Latitude)> ToMap, IReadOnlyList<(double X, double Y, double Radius)> Compounds);

    public static void Generate(Random random, Area area, StreetParameters p, RawNetwork into)
    {
        var xs = Gaps(random, area.WidthMeters, p);
        var ys = Gaps(random, area.HeightMeters, p);
        var cells = new List<(int, int)>();
        for (var a = 0; a <= (int)(area.WidthMeters / VoidCell); a++)
        for (var b = 0; b <= (int)(area.HeightMeters / VoidCell); b++) cells.Add((a, b));
        random.Shuffle(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(cells));
        var voids = cells.Take((int)Math.Round(p.VoidShare * cells.Count)).ToHashSet();

        // Lattice nodes: index row * columns + column, -1 where absent.
        var columns = xs.Count;
        var lattice = new int[ys.Count * columns];
        var points = new List<(double X, double Y)>();
        for (var i = 0; i < ys.Count; i++)
        for (var j = 0; j < columns; j++)
        {
            var (x, y) = (xs[j], ys[i]);
            var keep = !voids.Contains(((int)(x / VoidCell), (int)(y / VoidCell))) && area.Inside(x, y);
            lattice[i * columns + j] = keep ? points.Count : -1;
            if (keep) points.Add((x, y));
        }
        var adjacency = points.Select(_ => new HashSet<int>()).ToList();
        for (var i = 0; i < ys.Count; i++)
        for (var j = 0; j < columns; j++)
        {
            var a = lattice[i * columns + j];
            if (a < 0) continue;
            if (j + 1 < columns && lattice[i * columns + j + 1] is var r and >= 0) { adjacency[a].Add(r); adjacency[r].Add(a); }
            if (i + 1 < ys.Count && lattice[(i + 1) * columns + j] is var u and >= 0) { adjacency[a].Add(u); adjacency[u].Add(a); }
        }
        bool Corner(int node, int dropped)
        {
            if (adjacency[node].Count != 3) return false;
            var left = adjacency[node].Where(n => n != dropped).ToArray();
            var (a, b) = (points[left[0]], points[left[1]]);
            return !(Math.Abs(a.X - b.X) < 1e-6 || Math.Abs(a.Y - b.Y) < 1e-6);
        }
        void Cuts(int lines, int along, Func<int, int, (int A, int B)> pair)
        {
            for (var line = 0; line < lines; line++)
            {
                var cutting = false;
                for (var t = 0; t + 1 < along; t++)
                {
                    var (a, b) = pair(line, t);
                    if (a < 0 || b < 0) { cutting = false; continue; }
                    cutting = random.NextDouble() < (cutting ? p.CutContinue : p.CutStart);
                    if (cutting && !Corner(a, b) && !Corner(b, a)) { adjacency[a].Remove(b); adjacency[b].Remove(a); }
                }
            }
        }
        Cuts(ys.Count, columns, (i, t) => (lattice[i * columns + t], lattice[i * columns + t + 1]));
        Cuts(columns, ys.Count, (j, t) => (lattice[t * columns + j], lattice[(t + 1) * columns + j]));

        var streets = new List<(int A, int B)>();
        for (var a = 0; a < points.Count; a++) foreach (var b in adjacency[a]) if (a < b) streets.Add((a, b));
        // Cul-de-sacs: a block side split in the middle, a stub of 60–150 m off it.
        var withStubs = new List<(int A, int B)>(streets.Count);
        foreach (var (a, b) in streets)
        {
            if (random.NextDouble() >= p.StubShare) { withStubs.Add((a, b)); continue; }
            var t = 0.3 + 0.4 * random.NextDouble();
            var (pa, pb) = (points[a], points[b]);
            var m = points.Count;
            points.Add((pa.X + t * (pb.X - pa.X), pa.Y + t * (pb.Y - pa.Y)));
            var (dx, dy) = (pb.X - pa.X, pb.Y - pa.Y);
            var d = Math.Sqrt(dx * dx + dy * dy);
            var length = 60 + 90 * random.NextDouble();
            var side = random.Next(2) == 0 ? 1 : -1;
            var e = points.Count;
            points.Add((points[m].X - side * dy / d * length, points[m].Y + side * dx / d * length));
            withStubs.Add((a, m));
            withStubs.Add((m, b));
            withStubs.Add((m, e));
        }

        // On the map: every point used becomes a node, every street a chain of bends.
        var nodeOf = new int[points.Count];
        Array.Fill(nodeOf, -1);
        int Node(int point)
        {
            if (nodeOf[point] < 0)
            {
                var (lon, lat) = area.ToMap(points[point].X, points[point].Y);
                nodeOf[point] = into.AddNode(lon, lat);
            }
            return nodeOf[point];
        }
        var local = new List<(double X, double Y, int Node)>();
        foreach (var (a, b) in withStubs)
        {
            var (pa, pb) = (points[a], points[b]);
            var (dx, dy) = (pb.X - pa.X, pb.Y - pa.Y);
            var length = Math.Sqrt(dx * dx + dy * dy);
            var pieces = Math.Max(1, (int)Math.Round(length / p.ShapeSpacingMeters));
            var previous = Node(a);
            local.Add((pa.X, pa.Y, previous));
            var amplitude = Bow * length * (random.Next(2) == 0 ? 1 : -1);
            for (var k = 1; k < pieces; k++)
            {
                var s = (double)k / pieces;
                var off = amplitude * Math.Sin(Math.PI * s);
                var (x, y) = (pa.X + s * dx - off * dy / length, pa.Y + s * dy + off * dx / length);
                var (lon, lat) = area.ToMap(x, y);
                var bend = into.AddNode(lon, lat);
                local.Add((x, y, bend));
                into.AddEdge(previous, bend, "street");
                previous = bend;
            }
            var end = Node(b);
            into.AddEdge(previous, end, "street");
        }
        for (var a = 0; a < points.Count; a++) if (nodeOf[a] >= 0) local.Add((points[a].X, points[a].Y, nodeOf[a]));
        Lanes(random, area, p, into, local);
    }

    private static void Lanes(Random random, Area area, StreetParameters p, RawNetwork into, List<(double X, double Y, int Node)> streetNodes)
    {
        if (area.Compounds.Count == 0 || streetNodes.Count == 0) return;
        const double bucket = 100;
        var buckets = new Dictionary<(int, int), List<int>>();
        for (var k = 0; k < streetNodes.Count; k++)
        {
            var key = ((int)Math.Floor(streetNodes[k].X / bucket), (int)Math.Floor(streetNodes[k].Y / bucket));
            if (!buckets.TryGetValue(key, out var list)) buckets[key] = list = [];
            list.Add(k);
        }
        int? NearestStreet(double x, double y, double within)
        {
            var (bx, by) = ((int)Math.Floor(x / bucket), (int)Math.Floor(y / bucket));
            var reach = (int)Math.Ceiling(within / bucket);
            int? best = null;
            var bestD = within * within;
            for (var i = bx - reach; i <= bx + reach; i++)
            for (var j = by - reach; j <= by + reach; j++)
            {
                if (!buckets.TryGetValue((i, j), out var list)) continue;
                foreach (var k in list)
                {
                    var (dx, dy) = (streetNodes[k].X - x, streetNodes[k].Y - y);
                    if (dx * dx + dy * dy < bestD) (best, bestD) = (streetNodes[k].Node, dx * dx + dy * dy);
                }
            }
            return best;
        }
        foreach (var (cx, cy, radius) in area.Compounds)
        {
            var spacing = p.LaneSpacingMeters + (random.NextDouble() - 0.5) * 30;
            var n = (int)(radius / spacing);
            var ids = new Dictionary<(int, int), int>();
            for (var i = -n; i <= n; i++)
            for (var j = -n; j <= n; j++)
            {
                if (i * i + j * j > n * n) continue;
                var (x, y) = (cx + i * spacing, cy + j * spacing);
                if (!area.Inside(x, y)) continue;
                var (lon, lat) = area.ToMap(x, y);
                ids[(i, j)] = into.AddNode(lon, lat);
            }
            foreach (var ((i, j), node) in ids)
            {
                if (ids.TryGetValue((i + 1, j), out var east)) into.AddEdge(node, east, "lane");
                if (ids.TryGetValue((i, j + 1), out var north)) into.AddEdge(node, north, "lane");
                // The compound's gates: its outer lanes meet the street nearby.
                var outer = !ids.ContainsKey((i + 1, j)) || !ids.ContainsKey((i - 1, j)) || !ids.ContainsKey((i, j + 1)) || !ids.ContainsKey((i, j - 1));
                if (outer && NearestStreet(cx + i * spacing, cy + j * spacing, 150) is { } street) into.AddEdge(node, street, "lane");
            }
        }
    }

    private static List<double> Gaps(Random random, double length, StreetParameters p)
    {
        // Stratified draws (one from each of 16 equal-probability slices, shuffled): the same distribution, a steadier mean.
        const int block = 16;
        var positions = new List<double> { 0 };
        var order = Enumerable.Range(0, block).ToArray();
        while (positions[^1] < length)
        {
            random.Shuffle(order);
            foreach (var o in order)
            {
                var z = InverseNormal((o + random.NextDouble()) / block);
                positions.Add(positions[^1] + Math.Clamp(Math.Exp(Math.Log(p.MedianGapMeters) + p.GapSigma * z), 30, 2000));
                if (positions[^1] >= length) break;
            }
        }
        return positions;
    }

    /// <summary>Acklam's rational approximation of the standard normal quantile (error below 1.2e-9).</summary>
    internal static double InverseNormal(double q)
    {
        double[] a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        double[] b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        double[] c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        double[] d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        q = Math.Clamp(q, 1e-12, 1 - 1e-12);
        if (q < 0.02425)
        {
            var t = Math.Sqrt(-2 * Math.Log(q));
            return (((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5]) / ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1);
        }
        if (q > 1 - 0.02425)
        {
            var t = Math.Sqrt(-2 * Math.Log(1 - q));
            return -(((((c[0] * t + c[1]) * t + c[2]) * t + c[3]) * t + c[4]) * t + c[5]) / ((((d[0] * t + d[1]) * t + d[2]) * t + d[3]) * t + 1);
        }
        var r = q - 0.5;
        var s = r * r;
        return (((((a[0] * s + a[1]) * s + a[2]) * s + a[3]) * s + a[4]) * s + a[5]) * r / (((((b[0] * s + b[1]) * s + b[2]) * s + b[3]) * s + b[4]) * s + 1);
    }
}
