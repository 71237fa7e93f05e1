using System.Diagnostics;
using System.Globalization;
using System.Text;
using Linli.Modules.Facilities.Accessibility;
using Linli.Modules.Facilities.Network;
using Linli.Modules.Facilities.Planner;
using Linli.Platform.Seeding;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO.Converters;

namespace Linli.Bench;

/// <summary>
/// Whole-city accessibility (bench/facilities-accessibility.sh): the synthetic walking network inside the real district
/// polygons (data/shenyang-districts.geojson) at scale 1, ≥ 20,000 compounds, 10 facility types; times every type's
/// multi-source search on all cores, a naive per-origin search on a sample (extrapolated), one "what if" and the
/// planner's 10 sites in one district, and writes the graph and one type's sources for networkx (bench/facilities-networkx.py).
/// DB-free: the same classes the module runs, without the tables.
/// </summary>
internal static class FacilitiesAccessibilityBench
{
    private static readonly System.Text.Json.JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != "--" + name).Skip(1).FirstOrDefault() ?? fallback;
        var geojson = Arg("districts", "data/shenyang-districts.geojson");
        var compoundCount = int.Parse(Arg("compounds", "24000"), CultureInfo.InvariantCulture);
        var export = Arg("export", "");
        var report = new StringBuilder();
        void Say(string line) { Console.WriteLine(line); report.AppendLine(line); }

        await using var file = File.OpenRead(geojson);
        var features = System.Text.Json.JsonSerializer.Deserialize<NetTopologySuite.Features.FeatureCollection>(file, GeoJson)!;
        var random = new Random(42);
        var areas = new List<NetworkArea>();
        var compoundCentres = new List<(int District, double Lon, double Lat)>();
        var district = 0;
        foreach (var f in features)
        {
            var name = f.Attributes["name"]?.ToString() ?? "";
            var shape = PreparedGeometryFactory.Prepare(f.Geometry);
            var env = f.Geometry.EnvelopeInternal;
            var rural = name.EndsWith('县') || name.EndsWith('市');
            var centre = f.Geometry.InteriorPoint;
            // Compound centres: urban districts hold the compounds, clustered around their centre (about 100 per district core).
            var lanes = new List<(double, double)>();
            var wanted = rural ? 20 : 110;
            for (var tries = 0; lanes.Count < wanted && tries < wanted * 50; tries++)
            {
                var lon = centre.X + random.NextGaussian() * (env.Width / 6);
                var lat = centre.Y + random.NextGaussian() * (env.Height / 6);
                if (shape.Contains(new Point(lon, lat))) lanes.Add((lon, lat));
            }
            foreach (var (lon, lat) in lanes) compoundCentres.Add((district, lon, lat));
            areas.Add(new NetworkArea(name, rural, env.MinX, env.MinY, env.MaxX, env.MaxY, (lon, lat) => shape.Contains(new Point(lon, lat)), lanes));
            district++;
        }
        var clock = Stopwatch.StartNew();
        var raw = SyntheticNetworkBuilder.Build(areas, 42, new StreetParameters());
        var graph = raw.ToGraph();
        var grid = new NodeGrid(graph);
        Say($"# Facilities accessibility benchmark, {DateTime.UtcNow:yyyy-MM-ddTHH:mm:ssZ}, {Environment.ProcessorCount} cores");
        Say("");
        Say($"- network: {graph.NodeCount:N0} nodes, {graph.EdgeCount:N0} edges, built in {clock.Elapsed.TotalSeconds:F1} s; graph (CSR + coordinates) {graph.MemoryBytes / 1048576.0:F1} MB");

        // Compounds: 24,000 points around the lane discs, each with its people.
        var origins = new List<Origin>(compoundCount);
        for (var i = 0; i < compoundCount; i++)
        {
            var c = compoundCentres[random.Next(compoundCentres.Count)];
            var (lon, lat) = Linli.Platform.Geography.Geo.Offset(c.Lon, c.Lat, random.NextGaussian() * 700, random.NextGaussian() * 700);
            var snap = AccessCalculator.Snap(grid, lon, lat);
            var residents = 200 + random.Next(2500);
            origins.Add(new Origin(i + 1, $"2101{c.District:D2}001{i % 50:D3}", lon, lat, snap.Node, Math.Min(snap.SnapMeters, 5000), residents,
                residents * 22 / 100, residents * 12 / 100));
        }
        // Ten types, from scarce (fitness parks) to everywhere (fitness sites), placed near compounds like the population.
        int[] counts = [1150, 1100, 280, 600, 900, 2000, 2190, 5705, 110, 3000];
        var types = counts.Select(n => Enumerable.Range(0, n).Select(_ =>
        {
            var o = origins[random.Next(origins.Count)];
            var (lon, lat) = Linli.Platform.Geography.Geo.Offset(o.Longitude, o.Latitude, random.NextGaussian() * 400, random.NextGaussian() * 400);
            return AccessCalculator.Snap(grid, lon, lat);
        }).ToList()).ToList();
        var walking = new WalkingOptions();
        Say($"- {origins.Count:N0} compounds, {types.Count} types with {counts.Sum():N0} facilities; cutoff {walking.CutoffMeters:F0} m (15 min at 4.5 km/h)");

        // All accessibility: the ten types' searches spread over the cores; best of three runs.
        var results = new float[types.Count][];
        var best = double.MaxValue;
        for (var run = 0; run < 3; run++)
        {
            clock.Restart();
            Parallel.For(0, types.Count, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
                t => results[t] = AccessCalculator.Minutes(graph, walking, origins, types[t]));
            best = Math.Min(best, clock.Elapsed.TotalSeconds);
        }
        Say($"- **all accessibility (10 types × {origins.Count:N0} compounds): {best:F2} s** (goal < 3 s)");
        clock.Restart();
        var single = AccessCalculator.Minutes(graph, walking, origins, types[0]);
        var oneType = clock.Elapsed.TotalSeconds;
        Say($"- one type ({counts[0]} sources), one thread: {oneType * 1000:F0} ms");
        var covered = results[0].Count(m => !float.IsNaN(m));
        Say($"- type 0 reaches {covered:N0} of {origins.Count:N0} compounds within 15 minutes");

        // Naive: a bounded search from each origin of a sample until the circle is exhausted, extrapolated to all origins and types.
        var sample = origins.Take(300).ToList();
        var sources0 = types[0].Select(s => s.Node).ToHashSet();
        var dijkstra = new MultiSourceDijkstra(graph);
        var reached = new Dictionary<int, float>();
        clock.Restart();
        foreach (var o in sample)
        {
            dijkstra.Reach(o.Node, walking.CutoffMeters, reached);
            _ = reached.Where(r => sources0.Contains(r.Key)).Select(r => r.Value).DefaultIfEmpty(float.NaN).Min();
        }
        var naivePerOrigin = clock.Elapsed.TotalSeconds / sample.Count;
        var naiveAll = naivePerOrigin * origins.Count * types.Count / Environment.ProcessorCount;
        Say($"- naive per-origin search: {naivePerOrigin * 1000:F2} ms per origin → {naiveAll:F1} s for all (extrapolated, same cores): **{naiveAll / best:F1}× slower**");

        // What if: add one facility (one bounded search, the nearer kept) and close one (the type rerun).
        clock.Restart();
        var added = AccessCalculator.Snap(grid, origins[5].Longitude, origins[5].Latitude);
        var alone = AccessCalculator.Minutes(graph, walking, origins, [added]);
        for (var i = 0; i < alone.Length; i++) alone[i] = float.IsNaN(alone[i]) ? results[2][i] : float.IsNaN(results[2][i]) ? alone[i] : Math.Min(alone[i], results[2][i]);
        var addMs = clock.Elapsed.TotalMilliseconds;
        clock.Restart();
        _ = AccessCalculator.Minutes(graph, walking, origins, types[2].Skip(1).ToList());
        var closeMs = clock.Elapsed.TotalMilliseconds;
        Say($"- what if: add a facility {addMs:F0} ms, close one {closeMs:F0} ms (goal < 1 s)");

        // Planner: 10 sites of the scarcest type in the district with most compounds.
        var busiest = origins.GroupBy(o => o.CommunityCode[..6]).OrderByDescending(g => g.Count()).First().Key;
        clock.Restart();
        var plan = SitePlanner.Plan(graph, walking, origins, results[8], busiest, 10, o => o.Residents);
        Say($"- planner: 10 sites in district {busiest} ({origins.Count(o => o.CommunityCode.StartsWith(busiest, StringComparison.Ordinal)):N0} compounds) in {clock.Elapsed.TotalSeconds:F2} s (goal < 5 s); coverage {plan.CoverageBefore:P1} → {plan.Sites[^1].CoverageAfter:P1}");

        if (export.Length > 0)
        {
            await using (var w = new StreamWriter(export + ".edges"))
                for (var v = 0; v < graph.NodeCount; v++)
                    for (var k = graph.Offsets[v]; k < graph.Offsets[v + 1]; k++)
                        if (graph.Targets[k] > v) w.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{v} {graph.Targets[k]} {graph.Lengths[k]}"));
            await File.WriteAllLinesAsync(export + ".sources", types[0].Select(s => s.Node.ToString(CultureInfo.InvariantCulture)).Distinct());
            await File.WriteAllTextAsync(export + ".ours", string.Create(CultureInfo.InvariantCulture, $"{oneType} {best} {single.Count(m => !float.IsNaN(m))}\n"));
        }
        var output = Arg("report", "");
        if (output.Length > 0) await File.AppendAllTextAsync(output, report.ToString());
        return 0;
    }
}
