using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Features.Hotspots;

/// <summary>What one pass found, and how long its parts took (the benchmark reports them).</summary>
internal sealed record DetectionOutcome(long RunId, int TicketsRead, int Clusters, int RepeatCallers, int Rising, int Added, int Updated,
    TimeSpan ReadTime, TimeSpan RulesTime, TimeSpan StoreTime);

/// <summary>
/// One pass of 未诉先办 over a period (the daily job: the last cluster window; the benchmark: a year): reads the period's
/// tickets (and the baseline weeks before it) in one narrow query, applies <see cref="HotspotRules"/>, and stores what it
/// found, merging a group into the stored hotspot that already holds one of its tickets, so a cluster found again the next
/// day grows instead of repeating. A run row records the period and the progress. The whole city is read (a system pass),
/// not the caller's scope: the lists are scoped.
/// </summary>
internal sealed class HotspotDetector(RequestsDbContext db, CategoryCatalog catalog, IOptions<RequestsOptions> options, TimeProvider clock)
{
    // One pass at a time on an instance: two overlapping passes would both add the same new cluster.
    private static readonly SemaphoreSlim OnePass = new(1, 1);

    public async Task<DetectionOutcome> DetectAsync(DateTime from, DateTime to, string startedBy, CancellationToken ct)
    {
        await OnePass.WaitAsync(ct);
        try
        {
            return await RunAsync(from, to, startedBy, ct);
        }
        finally
        {
            OnePass.Release();
        }
    }

    /// <summary>The daily pass: the last cluster window up to now (repeat callers over their own window).</summary>
    public Task<DetectionOutcome> DetectRecentAsync(string startedBy, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var settings = options.Value.Hotspots;
        return DetectAsync(now.AddDays(-Math.Max(settings.ClusterDays, 7)), now, startedBy, ct);
    }

    private async Task<DetectionOutcome> RunAsync(DateTime from, DateTime to, string startedBy, CancellationToken ct)
    {
        var settings = options.Value.Hotspots;
        var run = new HotspotRun { From = from, To = to, StartedAt = clock.GetUtcNow().UtcDateTime, StartedBy = startedBy };
        db.HotspotRuns.Add(run);
        await db.SaveChangesAsync(ct);

        var watch = System.Diagnostics.Stopwatch.StartNew();
        var tree = (await catalog.GetAsync(ct)).Tree;
        var level1 = new Dictionary<int, int>();
        int Level1Of(int categoryId)
        {
            if (level1.TryGetValue(categoryId, out var l)) return l;
            var category = tree.Find(categoryId);
            return level1[categoryId] = category is null ? categoryId : tree.Ancestry(category).Last().Id;
        }
        // The rising rule compares each week with the weeks before it; the others look at the period and the repeat window.
        var readFrom = new[] { from.AddDays(-7 * settings.BaselineWeeks), from.AddDays(-settings.RepeatDays) }.Min();
        var rows = new List<HotspotTicket>();
        await foreach (var t in db.Tickets.IgnoreQueryFilters().AsNoTracking()
                           .Where(t => t.CreatedAt >= readFrom && t.CreatedAt <= to && t.State != TicketState.Merged && t.Channel != Channel.Proactive)
                           .Select(t => new { t.Id, t.CategoryId, t.CommunityCode, t.Longitude, t.Latitude, t.CreatedAt, t.PhoneHash, t.ReporterUserId })
                           .AsAsyncEnumerable().WithCancellation(ct))
        {
            var caller = t.PhoneHash is { } hash ? Convert.ToBase64String(hash) : t.ReporterUserId is { } user ? "u:" + user : null;
            rows.Add(new HotspotTicket(t.Id, t.CategoryId, Level1Of(t.CategoryId), t.CommunityCode, t.Longitude, t.Latitude, t.CreatedAt, caller));
        }
        var readTime = watch.Elapsed;

        watch.Restart();
        var inPeriod = rows.Where(r => r.CreatedAt >= from).ToList();
        var clusters = HotspotRules.Clusters(inPeriod, settings);
        // A repeat caller counts the calls before the period too, but only if at least one is in it.
        var repeats = HotspotRules.RepeatCallers(rows.Where(r => r.CreatedAt >= from.AddDays(-settings.RepeatDays)).ToList(), settings)
            .Where(g => g.LastAt >= from).ToList();
        var rising = HotspotRules.RisingCategories(rows, WorkingCalendar.ChinaDay(from), WorkingCalendar.ChinaDay(to), settings);
        var rulesTime = watch.Elapsed;

        watch.Restart();
        var (added, updated) = await StoreAsync([.. clusters, .. repeats], rising, ct);
        run.FinishedAt = clock.GetUtcNow().UtcDateTime;
        run.TicketsRead = rows.Count;
        run.Found = clusters.Count + repeats.Count + rising.Count;
        await db.SaveChangesAsync(ct);
        return new DetectionOutcome(run.Id, rows.Count, clusters.Count, repeats.Count, rising.Count, added, updated, readTime, rulesTime, watch.Elapsed);
    }

    private async Task<(int Added, int Updated)> StoreAsync(IReadOnlyList<FoundHotspot> grouped, IReadOnlyList<FoundHotspot> rising, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        int added = 0, updated = 0;

        // Which stored hotspot (of which kind) each found ticket already belongs to, read in chunks the database takes as a list.
        var memberOf = new Dictionary<(long Ticket, HotspotKind Kind), long>();
        foreach (var chunk in grouped.SelectMany(g => g.Members).Distinct().Chunk(1000))
        {
            var ids = chunk.ToList();
            foreach (var m in await db.HotspotMembers.AsNoTracking().Where(m => ids.Contains(m.TicketId))
                         .Join(db.Hotspots.IgnoreQueryFilters(), m => m.HotspotId, h => h.Id, (m, h) => new { m.TicketId, m.HotspotId, h.Kind })
                         .ToListAsync(ct))
                memberOf.TryAdd((m.TicketId, m.Kind), m.HotspotId);
        }
        var existingIds = memberOf.Values.Distinct().ToList();
        var existing = new Dictionary<long, Hotspot>();
        foreach (var chunk in existingIds.Chunk(1000))
        {
            var ids = chunk.ToList();
            foreach (var h in await db.Hotspots.IgnoreQueryFilters().Where(h => ids.Contains(h.Id)).ToListAsync(ct)) existing[h.Id] = h;
        }
        var knownMembers = memberOf.Keys.Select(k => (k.Ticket, memberOf[k])).ToHashSet();

        foreach (var group in grouped)
        {
            var stored = group.Members.Select(m => memberOf.TryGetValue((m, group.Kind), out var id) ? id : (long?)null).OfType<long>().Order().FirstOrDefault();
            if (stored != 0 && existing.TryGetValue(stored, out var hotspot))
            {
                var fresh = group.Members.Where(m => !knownMembers.Contains((m, hotspot.Id))).ToList();
                if (fresh.Count == 0) continue;
                foreach (var m in fresh)
                {
                    db.HotspotMembers.Add(new HotspotMember { HotspotId = hotspot.Id, TicketId = m });
                    knownMembers.Add((m, hotspot.Id));
                }
                hotspot.TicketCount += fresh.Count;
                hotspot.FirstAt = hotspot.FirstAt < group.FirstAt ? hotspot.FirstAt : group.FirstAt;
                hotspot.LastAt = hotspot.LastAt > group.LastAt ? hotspot.LastAt : group.LastAt;
                hotspot.Longitude = group.Longitude ?? hotspot.Longitude;
                hotspot.Latitude = group.Latitude ?? hotspot.Latitude;
                hotspot.RadiusMeters = Math.Max(hotspot.RadiusMeters ?? 0, group.RadiusMeters ?? 0);
                hotspot.UpdatedAt = now;
                // New tickets on a dismissed hotspot bring it back to the list.
                if (hotspot.State == HotspotState.Dismissed) hotspot.State = HotspotState.Open;
                updated++;
                continue;
            }
            var created = New(group, now);
            created.Members = group.Members.Select(m => new HotspotMember { TicketId = m }).ToList();
            db.Hotspots.Add(created);
            added++;
        }

        if (rising.Count > 0)
        {
            var weeks = rising.Select(r => r.WeekOf).Distinct().ToList();
            var stored = (await db.Hotspots.IgnoreQueryFilters()
                    .Where(h => h.Kind == HotspotKind.RisingCategory && weeks.Contains(h.WeekOf)).ToListAsync(ct))
                .ToDictionary(h => (h.RegionCode, h.CategoryId, h.WeekOf));
            foreach (var r in rising)
            {
                if (stored.TryGetValue((r.RegionCode, r.CategoryId, r.WeekOf), out var hotspot))
                {
                    if (hotspot.TicketCount == r.TicketCount) continue;
                    hotspot.TicketCount = r.TicketCount;
                    hotspot.Baseline = r.Baseline;
                    hotspot.UpdatedAt = now;
                    updated++;
                    continue;
                }
                db.Hotspots.Add(New(r, now));
                added++;
            }
        }
        await db.SaveChangesAsync(ct);
        return (added, updated);
    }

    private static Hotspot New(FoundHotspot found, DateTime now) => new()
    {
        Kind = found.Kind, CategoryId = found.CategoryId, RegionCode = found.RegionCode, Longitude = found.Longitude, Latitude = found.Latitude,
        RadiusMeters = found.RadiusMeters, FirstAt = found.FirstAt, LastAt = found.LastAt, TicketCount = found.TicketCount, Baseline = found.Baseline,
        WeekOf = found.WeekOf, DetectedAt = now, UpdatedAt = now,
    };
}
