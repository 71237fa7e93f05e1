using Linli.Platform.Geography;

namespace Linli.Modules.Requests.Domain;

/// <summary>What the detection reads of a ticket; the caller key is the keyed phone hash or the resident's account, never a number.</summary>
internal readonly record struct HotspotTicket(long Id, int CategoryId, int Level1Id, string CommunityCode, double? Longitude, double? Latitude, DateTime CreatedAt, string? CallerKey);

/// <summary>The thresholds of the detection (configurable under Requests:Hotspots).</summary>
internal sealed record HotspotSettings(
    int RadiusMeters = 300, int ClusterMinTickets = 5, int ClusterDays = 7,
    int RepeatMinTickets = 3, int RepeatDays = 30,
    int RisingMinTickets = 10, double RisingFactor = 2.0, int BaselineWeeks = 8);

/// <summary>A group the rules found, before it is matched with the hotspots already stored.</summary>
internal sealed record FoundHotspot(
    HotspotKind Kind, int CategoryId, string RegionCode, IReadOnlyList<long> Members, int TicketCount,
    double? Longitude, double? Latitude, int? RadiusMeters, DateTime FirstAt, DateTime LastAt, double? Baseline = null, DateOnly? WeekOf = null);

/// <summary>
/// The rules of 未诉先办, without a database: spatio-temporal clusters (a density clustering where two tickets are
/// neighbours when they share the leaf category, lie within the radius and were filed within half the window of each
/// other, so a core ticket has the minimum count inside one window), repeat callers, and categories rising in a street
/// against the mean of the weeks before.
/// </summary>
internal static class HotspotRules
{
    private const double MetresPerDegreeLatitude = 111_320.0;

    public static IReadOnlyList<FoundHotspot> Clusters(IReadOnlyList<HotspotTicket> tickets, HotspotSettings settings)
    {
        var found = new List<FoundHotspot>();
        var halfWindow = TimeSpan.FromDays(settings.ClusterDays / 2.0);
        foreach (var byCategory in tickets.Where(t => t.Longitude is not null && t.Latitude is not null).GroupBy(t => t.CategoryId))
        {
            var points = byCategory.OrderBy(t => t.CreatedAt).ToArray();
            if (points.Length < settings.ClusterMinTickets) continue;
            var grid = new CellGrid(points, settings.RadiusMeters);
            var label = new int[points.Length]; // 0 unvisited, -1 noise, >0 cluster number
            var cluster = 0;
            var queue = new Queue<int>();
            for (var i = 0; i < points.Length; i++)
            {
                if (label[i] != 0) continue;
                var neighbours = grid.Neighbours(i, halfWindow);
                if (neighbours.Count < settings.ClusterMinTickets) { label[i] = -1; continue; }
                cluster++;
                label[i] = cluster;
                foreach (var n in neighbours) queue.Enqueue(n);
                while (queue.TryDequeue(out var j))
                {
                    if (label[j] == -1) label[j] = cluster; // a border ticket: near a core one, not dense itself
                    if (label[j] != 0) continue;
                    label[j] = cluster;
                    var next = grid.Neighbours(j, halfWindow);
                    if (next.Count >= settings.ClusterMinTickets) foreach (var n in next) if (label[n] <= 0) queue.Enqueue(n);
                }
            }
            for (var c = 1; c <= cluster; c++)
            {
                var members = new List<HotspotTicket>();
                for (var i = 0; i < points.Length; i++) if (label[i] == c) members.Add(points[i]);
                found.Add(ClusterOf(byCategory.Key, members));
            }
        }
        return found;
    }

    private static FoundHotspot ClusterOf(int categoryId, List<HotspotTicket> members)
    {
        var lon = members.Average(m => m.Longitude!.Value);
        var lat = members.Average(m => m.Latitude!.Value);
        var radius = members.Max(m => Geo.DistanceMeters(lon, lat, m.Longitude!.Value, m.Latitude!.Value));
        return new FoundHotspot(HotspotKind.Cluster, categoryId, MostCommonCommunity(members), members.Select(m => m.Id).Order().ToList(), members.Count,
            lon, lat, (int)Math.Ceiling(radius), members.Min(m => m.CreatedAt), members.Max(m => m.CreatedAt));
    }

    /// <summary>A caller with at least the minimum tickets of one leaf category within the repeat window; the members are the tickets of such windows.</summary>
    public static IReadOnlyList<FoundHotspot> RepeatCallers(IReadOnlyList<HotspotTicket> tickets, HotspotSettings settings)
    {
        var found = new List<FoundHotspot>();
        var window = TimeSpan.FromDays(settings.RepeatDays);
        var need = settings.RepeatMinTickets;
        foreach (var group in tickets.Where(t => t.CallerKey is not null).GroupBy(t => (t.CallerKey, t.CategoryId)))
        {
            var calls = group.OrderBy(t => t.CreatedAt).ToArray();
            if (calls.Length < need) continue;
            var inWindow = new bool[calls.Length];
            for (var i = 0; i + need - 1 < calls.Length; i++)
                if (calls[i + need - 1].CreatedAt - calls[i].CreatedAt <= window)
                    for (var k = i; k < i + need; k++) inWindow[k] = true;
            var members = calls.Where((_, i) => inWindow[i]).ToList();
            if (members.Count == 0) continue;
            var located = members.Where(m => m.Longitude is not null).ToList();
            found.Add(new FoundHotspot(HotspotKind.RepeatCaller, group.Key.CategoryId, members[^1].CommunityCode, members.Select(m => m.Id).ToList(), members.Count,
                located.Count > 0 ? located.Average(m => m.Longitude!.Value) : null, located.Count > 0 ? located.Average(m => m.Latitude!.Value) : null, null,
                members[0].CreatedAt, members[^1].CreatedAt));
        }
        return found;
    }

    /// <summary>
    /// Rising categories: for each week of the period (seven China days ending on <paramref name="lastDay"/>, and the weeks
    /// before it back to <paramref name="firstDay"/>), each street and first-level category whose count is at least the
    /// minimum, the factor times the mean of the baseline weeks before it, and beyond chance (three standard deviations of
    /// a Poisson count at that mean).
    /// </summary>
    public static IReadOnlyList<FoundHotspot> RisingCategories(IReadOnlyList<HotspotTicket> tickets, DateOnly firstDay, DateOnly lastDay, HotspotSettings settings)
    {
        // Week 0 ends on lastDay; week k ends 7k days before. Tickets older than the baseline of the earliest week are not needed.
        var weeks = Math.Max(1, (lastDay.DayNumber - firstDay.DayNumber) / 7 + 1);
        var span = weeks + settings.BaselineWeeks;
        var counts = new Dictionary<(string Street, int Level1), int[]>();
        foreach (var t in tickets)
        {
            var day = Platform.Calendar.WorkingCalendar.ChinaDay(t.CreatedAt);
            var back = (lastDay.DayNumber - day.DayNumber) / 7;
            if (day > lastDay || back >= span || t.CommunityCode.Length < 9) continue;
            var key = (t.CommunityCode[..9], t.Level1Id);
            if (!counts.TryGetValue(key, out var series)) counts[key] = series = new int[span];
            series[back]++;
        }
        var found = new List<FoundHotspot>();
        foreach (var ((street, level1), series) in counts)
            for (var w = 0; w < weeks; w++)
            {
                var baseline = 0.0;
                for (var b = 1; b <= settings.BaselineWeeks; b++) baseline += series[w + b];
                baseline /= settings.BaselineWeeks;
                if (!IsRising(series[w], baseline, settings)) continue;
                var weekOf = lastDay.AddDays(-7 * w - 6);
                var start = Platform.Calendar.WorkingCalendar.ToUtc(weekOf.ToDateTime(TimeOnly.MinValue));
                found.Add(new FoundHotspot(HotspotKind.RisingCategory, level1, street, [], series[w], null, null, null, start, start.AddDays(7).AddTicks(-1),
                    Math.Round(baseline, 2), weekOf));
            }
        return found;
    }

    public static bool IsRising(int count, double baseline, HotspotSettings settings) =>
        count >= settings.RisingMinTickets && count >= settings.RisingFactor * baseline && count > baseline + 3 * Math.Sqrt(Math.Max(1, baseline));

    private static string MostCommonCommunity(IEnumerable<HotspotTicket> members) =>
        members.GroupBy(m => m.CommunityCode).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).First().Key;

    /// <summary>Points of one category in square cells of the radius (locally flat), each cell's tickets in filing order.</summary>
    private sealed class CellGrid
    {
        private readonly HotspotTicket[] _points;
        private readonly Dictionary<(int, int), List<int>> _cells = [];
        private readonly (int X, int Y)[] _cellOf;
        private readonly double _radius;

        public CellGrid(HotspotTicket[] points, double radius)
        {
            _points = points;
            _radius = radius;
            var lat0 = points.Average(p => p.Latitude!.Value);
            var metresPerDegreeLongitude = MetresPerDegreeLatitude * Math.Max(0.01, Math.Cos(lat0 * Math.PI / 180));
            _cellOf = new (int, int)[points.Length];
            for (var i = 0; i < points.Length; i++)
            {
                var cell = ((int)Math.Floor(points[i].Longitude!.Value * metresPerDegreeLongitude / radius), (int)Math.Floor(points[i].Latitude!.Value * MetresPerDegreeLatitude / radius));
                _cellOf[i] = cell;
                if (!_cells.TryGetValue(cell, out var list)) _cells[cell] = list = [];
                list.Add(i); // points arrive in filing order, so each cell's list is too
            }
        }

        public List<int> Neighbours(int i, TimeSpan halfWindow)
        {
            var p = _points[i];
            var result = new List<int>();
            var (cx, cy) = _cellOf[i];
            for (var dx = -1; dx <= 1; dx++)
                for (var dy = -1; dy <= 1; dy++)
                {
                    if (!_cells.TryGetValue((cx + dx, cy + dy), out var list)) continue;
                    var from = p.CreatedAt - halfWindow;
                    var k = LowerBound(list, from);
                    for (; k < list.Count; k++)
                    {
                        var q = _points[list[k]];
                        if (q.CreatedAt > p.CreatedAt + halfWindow) break;
                        if (Geo.DistanceMeters(p.Longitude!.Value, p.Latitude!.Value, q.Longitude!.Value, q.Latitude!.Value) <= _radius) result.Add(list[k]);
                    }
                }
            return result;
        }

        private int LowerBound(List<int> list, DateTime from)
        {
            int lo = 0, hi = list.Count;
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (_points[list[mid]].CreatedAt < from) lo = mid + 1; else hi = mid;
            }
            return lo;
        }
    }
}
