using Linli.Modules.Facilities.Contracts;
using Linli.Modules.Facilities.Network;
using Linli.Platform.Geography;

namespace Linli.Modules.Facilities.Accessibility;

/// <summary>A compound as the computations need it: its node, the walk to it, its people.</summary>
internal readonly record struct Origin(int Id, string CommunityCode, double Longitude, double Latitude, int Node, float SnapMeters,
    int Residents, int Elderly, int Children);

/// <summary>A facility as a source of the search: its node and the walk from the facility to it.</summary>
internal readonly record struct Source(int Node, float SnapMeters);

/// <summary>The facility types whose every one must lie within the circle for a compound to count as inside the 15-minute circle.</summary>
internal static class LivingCircle
{
    /// <summary>The daily services of 完整社区 that a walk should reach (the others serve a street or a district).</summary>
    public static readonly IReadOnlyList<FacilityType> DailyTypes =
    [
        FacilityType.PartyMassServiceCentre, FacilityType.ElderlyCareStation, FacilityType.HealthStation, FacilityType.Childcare,
        FacilityType.CultureCentre, FacilityType.Library, FacilityType.FitnessSite, FacilityType.ExpressStation,
    ];

    public static readonly IReadOnlyList<int> Thresholds = [5, 10, 15];
}

/// <summary>Minutes from every compound to the nearest source: one multi-source search over the graph.</summary>
internal static class AccessCalculator
{
    /// <summary>Minutes per origin; NaN where nothing lies within the circle (snap walks included).</summary>
    public static float[] Minutes(WalkGraph graph, WalkingOptions walking, IReadOnlyList<Origin> origins, IReadOnlyList<Source> sources,
        float[]? scratch = null)
    {
        var distances = scratch ?? new float[graph.NodeCount];
        var nodes = sources.Select(s => s.Node).ToArray();
        var offsets = sources.Select(s => s.SnapMeters).ToArray();
        new MultiSourceDijkstra(graph).Run(nodes, walking.CutoffMeters, distances, offsets);
        var minutes = new float[origins.Count];
        for (var i = 0; i < origins.Count; i++)
        {
            var meters = distances[origins[i].Node] + origins[i].SnapMeters;
            minutes[i] = meters <= walking.CutoffMeters ? (float)walking.Minutes(meters) : float.NaN;
        }
        return minutes;
    }

    public static Source Snap(NodeGrid grid, double longitude, double latitude) =>
        grid.Nearest(longitude, latitude) is { } near ? new Source(near.Node, (float)near.Meters) : new Source(0, float.PositiveInfinity);
}

/// <summary>Residents, elderly and children of a region, and the shares of each within 5, 10 and 15 minutes.</summary>
internal sealed record Coverage(string Region, long Residents, long Elderly, long Children,
    IReadOnlyList<double> ResidentShares, IReadOnlyList<double> ElderlyShares, IReadOnlyList<double> ChildShares)
{
    /// <summary>
    /// Groups origins by the first <paramref name="codeLength"/> digits of their community code (12 community, 9 street,
    /// 6 district) under <paramref name="prefix"/>. <paramref name="minutes"/> is per origin (NaN: not reached).
    /// </summary>
    public static IReadOnlyList<Coverage> Of(IReadOnlyList<Origin> origins, ReadOnlySpan<float> minutes, string prefix, int codeLength)
    {
        var groups = new SortedDictionary<string, long[]>(StringComparer.Ordinal);
        var t = LivingCircle.Thresholds;
        for (var i = 0; i < origins.Count; i++)
        {
            var o = origins[i];
            if (!o.CommunityCode.StartsWith(prefix, StringComparison.Ordinal) || o.CommunityCode.Length < codeLength) continue;
            var key = o.CommunityCode[..codeLength];
            if (!groups.TryGetValue(key, out var sums)) groups[key] = sums = new long[3 + 3 * t.Count];
            sums[0] += o.Residents;
            sums[1] += o.Elderly;
            sums[2] += o.Children;
            for (var k = 0; k < t.Count; k++)
            {
                if (!(minutes[i] <= t[k])) continue;
                sums[3 + k] += o.Residents;
                sums[3 + t.Count + k] += o.Elderly;
                sums[3 + 2 * t.Count + k] += o.Children;
            }
        }
        static double Share(long part, long whole) => whole == 0 ? 0 : Math.Round((double)part / whole, 4);
        return groups.Select(g => new Coverage(g.Key, g.Value[0], g.Value[1], g.Value[2],
            t.Select((_, k) => Share(g.Value[3 + k], g.Value[0])).ToList(),
            t.Select((_, k) => Share(g.Value[3 + t.Count + k], g.Value[1])).ToList(),
            t.Select((_, k) => Share(g.Value[3 + 2 * t.Count + k], g.Value[2])).ToList())).ToList();
    }

    /// <summary>Per origin, the walk to the farthest of the daily types (NaN if any is beyond the circle): "all of the circle".</summary>
    public static float[] AllOf(IReadOnlyList<float[]> perType, int origins)
    {
        var result = new float[origins];
        for (var i = 0; i < origins; i++)
        {
            var worst = 0f;
            foreach (var minutes in perType) worst = float.IsNaN(minutes[i]) || float.IsNaN(worst) ? float.NaN : Math.Max(worst, minutes[i]);
            result[i] = perType.Count == 0 ? float.NaN : worst;
        }
        return result;
    }
}

/// <summary>Builds compounds from household points: one per community and 250 m cell, at the households' mean point.</summary>
internal static class CompoundBuilder
{
    public const double CellMeters = 250;

    public sealed class Draft
    {
        public required string CommunityCode { get; init; }
        public double LonSum, LatSum;
        public int Households, Residents, Elderly, Children;
    }

    public static void Add(Dictionary<(string, int, int), Draft> drafts, string community, double lon, double lat, int residents, int elderly, int children)
    {
        var (dLon, dLat) = Geo.Box(41.8, CellMeters);
        var key = (community, (int)Math.Floor(lon / dLon), (int)Math.Floor(lat / dLat));
        if (!drafts.TryGetValue(key, out var d)) drafts[key] = d = new Draft { CommunityCode = community };
        d.LonSum += lon;
        d.LatSum += lat;
        d.Households++;
        d.Residents += residents;
        d.Elderly += elderly;
        d.Children += children;
    }
}
