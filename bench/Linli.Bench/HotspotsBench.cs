using System.Diagnostics;
using System.Globalization;
using System.Text;
using Linli.Modules.Requests.Domain;

namespace Linli.Bench;

/// <summary>
/// The 未诉先办 rules at Shenyang's full size, DB-free, in one run: a synthetic week of tickets (default 20,000, a million
/// a year) scattered over the urban area in 300 leaf categories, with planted clusters (six tickets within 100 m and two
/// days) and planted repeat callers (four calls in three weeks). Reports the found share of what was planted, what else
/// was found, the time of the clustering against a baseline measured on the same week in the same run (the all-pairs
/// neighbour count a first version would write), and the time of a year's pass (clusters, repeat callers, rising categories).
/// </summary>
internal static class HotspotsBench
{
    private const double West = 123.20, East = 123.70, South = 41.65, North = 42.00;

    // For every ticket, the same-category neighbours counted by comparing it with every other ticket of its category.
    private static int AllPairsCores(List<HotspotTicket> tickets, HotspotSettings settings)
    {
        var halfWindow = TimeSpan.FromDays(settings.ClusterDays / 2.0);
        var cores = 0;
        foreach (var group in tickets.GroupBy(t => t.CategoryId))
        {
            var points = group.ToArray();
            for (var i = 0; i < points.Length; i++)
            {
                var n = 0;
                for (var j = 0; j < points.Length; j++)
                    if ((points[i].CreatedAt - points[j].CreatedAt).Duration() <= halfWindow
                        && Linli.Platform.Geography.Geo.DistanceMeters(points[i].Longitude!.Value, points[i].Latitude!.Value, points[j].Longitude!.Value, points[j].Latitude!.Value) <= settings.RadiusMeters)
                        n++;
                if (n >= settings.ClusterMinTickets) cores++;
            }
        }
        return cores;
    }

    public static int Run(string[] args)
    {
        var inv = CultureInfo.InvariantCulture;
        var perWeek = args.Length > 0 ? int.Parse(args[0], inv) : 20_000;
        var weeks = args.Length > 1 ? int.Parse(args[1], inv) : 52;
        var report = new StringBuilder();
        void Say(string line)
        {
            Console.WriteLine(line);
            report.AppendLine(line);
        }
        var settings = new HotspotSettings();
        var random = new Random(11);
        var end = new DateTime(2026, 11, 30, 16, 0, 0, DateTimeKind.Utc);
        long id = 0;
        var plantedClusters = new List<long[]>();
        var plantedCallers = new List<long[]>();

        List<HotspotTicket> Week(int weeksBack, bool plant)
        {
            var from = end.AddDays(-7 * (weeksBack + 1));
            var list = new List<HotspotTicket>(perWeek + 600);
            for (var i = 0; i < perWeek; i++)
            {
                var category = 1 + (int)(300 * Math.Pow(random.NextDouble(), 2)); // a few categories common, most rare
                list.Add(new HotspotTicket(++id, category, 1 + category / 30, "210102001002", West + random.NextDouble() * (East - West),
                    South + random.NextDouble() * (North - South), from.AddSeconds(random.NextDouble() * 7 * 86_400), "c" + random.Next(0, 2_000_000)));
            }
            if (!plant) return list;
            for (var c = 0; c < 50; c++)
            {
                var lon = West + random.NextDouble() * (East - West);
                var lat = South + random.NextDouble() * (North - South);
                var at = from.AddHours(random.Next(0, 5 * 24));
                var category = 1 + random.Next(300);
                var members = new long[6];
                for (var k = 0; k < 6; k++)
                {
                    members[k] = ++id;
                    list.Add(new HotspotTicket(id, category, 1 + category / 30, "210102001002", lon + (random.NextDouble() - 0.5) * 0.0012,
                        lat + (random.NextDouble() - 0.5) * 0.0009, at.AddHours(random.NextDouble() * 48), "p" + id));
                }
                plantedClusters.Add(members);
            }
            for (var c = 0; c < 20; c++)
            {
                var caller = "r" + weeksBack + "-" + c;
                var category = 1 + random.Next(300);
                var members = new long[4];
                for (var k = 0; k < 4; k++)
                {
                    members[k] = ++id;
                    list.Add(new HotspotTicket(id, category, 1 + category / 30, "210102001002", West + random.NextDouble() * (East - West),
                        South + random.NextDouble() * (North - South), from.AddDays(7 - 5 * k).AddHours(random.Next(24)), caller));
                }
                plantedCallers.Add(members);
            }
            return list;
        }

        Say($"# 未诉先办 hotspot rules, {DateTime.UtcNow:yyyy-MM-ddTHH:mm}Z, {Environment.ProcessorCount} cores, {perWeek:N0} tickets a week, {weeks} weeks");
        var week = Week(0, plant: true);
        HotspotRules.Clusters(week.Take(2_000).ToList(), settings); // compiled before it is timed
        AllPairsCores(week.Take(2_000).ToList(), settings);
        var watch = Stopwatch.StartNew();
        var clusters = HotspotRules.Clusters(week, settings);
        var clusterTime = watch.Elapsed;
        var found = clusters.Select(c => c.Members.ToHashSet()).ToList();
        var whole = plantedClusters.Count(p => found.Any(f => p.All(f.Contains)));
        var stray = clusters.Count(c => !plantedClusters.Any(p => c.Members.Contains(p[0])));
        Say(string.Format(inv, "clusters, one week ({0:N0} tickets): {1} of {2} planted clusters found whole, {3} other clusters found among the scattered tickets, {4:N1} ms",
            week.Count, whole, plantedClusters.Count, stray, clusterTime.TotalMilliseconds));

        watch.Restart();
        var cores = AllPairsCores(week, settings);
        var baselineTime = watch.Elapsed;
        Say(string.Format(inv, "baseline, same week: all-pairs neighbour count per category ({0} core tickets), {1:N1} ms; the rules take {2:0.000}× the baseline's time",
            cores, baselineTime.TotalMilliseconds, clusterTime.TotalMilliseconds / baselineTime.TotalMilliseconds));
        var month = new List<HotspotTicket>(week);
        for (var w = 1; w < 4; w++) month.AddRange(Week(w + 100, plant: false));
        watch.Restart();
        HotspotRules.Clusters(month, settings);
        var monthRules = watch.Elapsed;
        watch.Restart();
        AllPairsCores(month, settings);
        var monthBaseline = watch.Elapsed;
        Say(string.Format(inv, "four weeks at once ({0:N0} tickets): the rules {1:N0} ms, the baseline {2:N0} ms: {3:0.000}× (the rules grow with the tickets, the baseline with their square)",
            month.Count, monthRules.TotalMilliseconds, monthBaseline.TotalMilliseconds, monthRules.TotalMilliseconds / monthBaseline.TotalMilliseconds));

        var year = new List<HotspotTicket>(week);
        for (var w = 1; w < weeks; w++) year.AddRange(Week(w, plant: true));
        watch.Restart();
        var yearClusters = HotspotRules.Clusters(year, settings);
        var yearClusterTime = watch.Elapsed;
        watch.Restart();
        var repeats = HotspotRules.RepeatCallers(year, settings);
        var repeatTime = watch.Elapsed;
        var repeatSets = repeats.Select(r => r.Members.ToHashSet()).ToList();
        var callersFound = plantedCallers.Count(p => repeatSets.Any(f => p.All(f.Contains)));
        watch.Restart();
        var lastDay = DateOnly.FromDateTime(end);
        var rising = HotspotRules.RisingCategories(year, lastDay.AddDays(-7 * (weeks - 9)), lastDay, settings);
        var risingTime = watch.Elapsed;
        Say(string.Format(inv, "a year's pass ({0:N0} tickets): clusters {1:N0} ms ({2} found for {3} planted), repeat callers {4:N0} ms ({5} of {6} planted found whole, {7} found in all), rising categories {8:N0} ms ({9} street-weeks; the scatter is even, so few)",
            year.Count, yearClusterTime.TotalMilliseconds, yearClusters.Count, plantedClusters.Count, repeatTime.TotalMilliseconds, callersFound, plantedCallers.Count,
            repeats.Count, risingTime.TotalMilliseconds, rising.Count));

        var results = Path.Combine("bench", "results");
        Directory.CreateDirectory(results);
        var file = Path.Combine(results, $"requests-hotspots-{DateTime.UtcNow:yyyyMMdd-HHmmss}.md");
        File.WriteAllText(file, report.ToString());
        Console.WriteLine($"report: {file}");
        return 0;
    }
}
