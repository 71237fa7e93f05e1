using Linli.Modules.Facilities.Contracts;
using Linli.Modules.Facilities.Data;
using Linli.Modules.Facilities.Network;
using Linli.Modules.Residents.Contracts;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Facilities.Accessibility;

/// <summary>The compounds and every type's minutes, held in memory once read (20,000 compounds × 17 types are a few MB).</summary>
internal sealed class AccessibilityState
{
    public sealed record Snapshot(IReadOnlyList<Origin> Origins, IReadOnlyDictionary<FacilityType, float[]> Minutes);

    private volatile Snapshot? _current;

    public Snapshot? Current => _current;

    public void Set(Snapshot snapshot) => _current = snapshot;

    public void Invalidate() => _current = null;

    /// <summary>What a recomputation is doing, for the page and the API (one at a time per process).</summary>
    public RecomputeProgress Progress { get; } = new();
}

internal sealed class RecomputeProgress
{
    private readonly Lock _gate = new();
    public bool Running { get; private set; }
    public string? Step { get; private set; }
    public int Done { get; private set; }
    public int Total { get; private set; }
    public DateTime? FinishedAt { get; private set; }

    public void Start(int total) { lock (_gate) (Running, Done, Total, Step) = (true, 0, total, null); }
    public void Advance(string step) { lock (_gate) (Step, Done) = (step, Done + 1); }
    public void Finish(DateTime at) { lock (_gate) (Running, FinishedAt, Step) = (false, at, null); }
}

/// <summary>
/// Computes and stores the walking minutes from every compound to each facility type. A full recomputation rebuilds the
/// compounds from the residents pool and runs every type; <see cref="RecomputeTypeAsync"/> reruns one type only (one
/// multi-source search, a fraction of a second at full scale) after a facility of that type opens, closes or moves.
/// </summary>
internal sealed class AccessibilityService(FacilitiesDbContext db, NetworkCache network, AccessibilityState state, IHouseholdPoints households,
    IOptions<WalkingOptions> walking, TimeProvider clock)
{
    public WalkingOptions Walking => walking.Value;

    public async Task<AccessibilityState.Snapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        if (state.Current is { } current) return current;
        var origins = await db.Compounds.AsNoTracking().OrderBy(c => c.Id)
            .Select(c => new Origin(c.Id, c.CommunityCode, c.Longitude, c.Latitude, c.NodeId, c.SnapMeters, c.Residents, c.Elderly, c.Children))
            .ToListAsync(cancellationToken);
        var position = origins.Select((o, i) => (o.Id, i)).ToDictionary(x => x.Id, x => x.i);
        var minutes = new Dictionary<FacilityType, float[]>();
        await foreach (var row in db.CompoundAccess.AsNoTracking().AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            if (!minutes.TryGetValue(row.Type, out var list))
            {
                minutes[row.Type] = list = new float[origins.Count];
                Array.Fill(list, float.NaN);
            }
            if (position.TryGetValue(row.CompoundId, out var i)) list[i] = row.Minutes ?? float.NaN;
        }
        var snapshot = new AccessibilityState.Snapshot(origins, minutes);
        state.Set(snapshot);
        return snapshot;
    }

    /// <summary>The open facilities of a type today, snapped to the network.</summary>
    public async Task<List<(int Id, Source Source, string CommunityCode)>> SourcesAsync(FacilityType type, NodeGrid grid, CancellationToken cancellationToken)
    {
        var today = Platform.Calendar.WorkingCalendar.ChinaDay(clock.GetUtcNow().UtcDateTime);
        var facilities = await db.Facilities.AsNoTracking()
            .Where(f => f.Type == type && f.OpenedOn <= today && (f.ClosedOn == null || f.ClosedOn > today))
            .Select(f => new { f.Id, f.Longitude, f.Latitude, f.CommunityCode }).ToListAsync(cancellationToken);
        return facilities.Select(f => (f.Id, AccessCalculator.Snap(grid, f.Longitude, f.Latitude), f.CommunityCode)).ToList();
    }

    /// <summary>Rebuilds the compounds from the households' points and computes every type.</summary>
    public async Task RecomputeAllAsync(IProgress<string>? progress, CancellationToken cancellationToken)
    {
        var types = Enum.GetValues<FacilityType>();
        state.Progress.Start(types.Length + 1);
        try
        {
            var loaded = await network.GetAsync(cancellationToken);
            var drafts = new Dictionary<(string, int, int), CompoundBuilder.Draft>();
            await foreach (var h in households.StreamAsync(cancellationToken))
                CompoundBuilder.Add(drafts, h.CommunityCode, h.Longitude, h.Latitude, h.Residents, h.Elderly, h.Children);
            var compounds = drafts.Values.OrderBy(d => d.CommunityCode, StringComparer.Ordinal).ThenBy(d => d.LatSum / d.Households).ThenBy(d => d.LonSum / d.Households)
                .Select((d, i) =>
                {
                    var (lon, lat) = (d.LonSum / d.Households, d.LatSum / d.Households);
                    var snap = AccessCalculator.Snap(loaded.Grid, lon, lat);
                    return new Compound
                    {
                        Id = i + 1, CommunityCode = d.CommunityCode, Longitude = lon, Latitude = lat, Households = d.Households, Residents = d.Residents,
                        Elderly = d.Elderly, Children = d.Children, NodeId = snap.Node, SnapMeters = float.IsFinite(snap.SnapMeters) ? snap.SnapMeters : 1e9f,
                    };
                }).ToList();
            await db.CompoundAccess.ExecuteDeleteAsync(cancellationToken);
            await db.Compounds.ExecuteDeleteAsync(cancellationToken);
            await BulkWriter.WriteAsync<Compound>(db,
                [nameof(Compound.Id), nameof(Compound.CommunityCode), nameof(Compound.Longitude), nameof(Compound.Latitude), nameof(Compound.Households),
                 nameof(Compound.Residents), nameof(Compound.Elderly), nameof(Compound.Children), nameof(Compound.NodeId), nameof(Compound.SnapMeters)],
                compounds.Select(c => new object?[] { c.Id, c.CommunityCode, c.Longitude, c.Latitude, c.Households, c.Residents, c.Elderly, c.Children, c.NodeId, c.SnapMeters }),
                cancellationToken);
            state.Invalidate();
            state.Progress.Advance("compounds");
            progress?.Report($"facilities: {compounds.Count} compounds from the households' points");
            foreach (var type in types)
            {
                await ComputeAsync(type, cancellationToken);
                state.Progress.Advance(type.ToString());
            }
            progress?.Report($"facilities: walking minutes for {types.Length} types stored");
        }
        finally
        {
            state.Progress.Finish(clock.GetUtcNow().UtcDateTime);
        }
    }

    /// <summary>
    /// Reruns one type after a facility of it opened, closed or moved: one multi-source search from the type's open
    /// facilities, its stored minutes replaced, the cached snapshot updated in place of a reload.
    /// </summary>
    public async Task RecomputeTypeAsync(FacilityType type, CancellationToken cancellationToken = default)
    {
        state.Progress.Start(1);
        try
        {
            await ComputeAsync(type, cancellationToken);
            state.Progress.Advance(type.ToString());
        }
        finally
        {
            state.Progress.Finish(clock.GetUtcNow().UtcDateTime);
        }
    }

    private async Task ComputeAsync(FacilityType type, CancellationToken cancellationToken)
    {
        var loaded = await network.GetAsync(cancellationToken);
        var snapshot = await SnapshotAsync(cancellationToken);
        var sources = await SourcesAsync(type, loaded.Grid, cancellationToken);
        var minutes = AccessCalculator.Minutes(loaded.Graph, Walking, snapshot.Origins, sources.Select(s => s.Source).Where(s => float.IsFinite(s.SnapMeters)).ToList());
        await db.CompoundAccess.Where(a => a.Type == type).ExecuteDeleteAsync(cancellationToken);
        await BulkWriter.WriteAsync<CompoundAccess>(db, [nameof(CompoundAccess.Type), nameof(CompoundAccess.CompoundId), nameof(CompoundAccess.Minutes)],
            snapshot.Origins.Select((o, i) => new object?[] { (int)type, o.Id, float.IsNaN(minutes[i]) ? null : (float?)Math.Round(minutes[i], 2) }), cancellationToken);
        var updated = new Dictionary<FacilityType, float[]>(snapshot.Minutes) { [type] = minutes };
        state.Set(snapshot with { Minutes = updated });
    }
}
