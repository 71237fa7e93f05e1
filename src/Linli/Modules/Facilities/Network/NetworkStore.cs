using Linli.Modules.Facilities.Data;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.Network;

/// <summary>Writes a network into the module's tables (replacing the one there) and reads it back as a compact graph.</summary>
internal sealed class NetworkStore(FacilitiesDbContext db, NetworkCache cache, TimeProvider clock)
{
    public async Task<NetworkImport> ReplaceAsync(RawNetwork network, string source, bool synthetic, double areaKm2, CancellationToken cancellationToken)
    {
        await db.NetworkEdges.ExecuteDeleteAsync(cancellationToken);
        await db.NetworkNodes.ExecuteDeleteAsync(cancellationToken);
        var osm = network.OsmIds.Count == network.NodeCount;
        await BulkWriter.WriteAsync<NetworkNode>(db, [nameof(NetworkNode.Id), nameof(NetworkNode.Longitude), nameof(NetworkNode.Latitude), nameof(NetworkNode.OsmId)],
            Enumerable.Range(0, network.NodeCount).Select(i => new object?[] { i, network.Longitudes[i], network.Latitudes[i], osm ? network.OsmIds[i] : null }),
            cancellationToken);
        await BulkWriter.WriteAsync<NetworkEdge>(db, [nameof(NetworkEdge.Id), nameof(NetworkEdge.FromNodeId), nameof(NetworkEdge.ToNodeId), nameof(NetworkEdge.LengthMeters), nameof(NetworkEdge.Highway)],
            Enumerable.Range(0, network.EdgeCount).Select(e => new object?[] { e, network.From[e], network.To[e], network.Lengths[e], network.Highways[e] }),
            cancellationToken);
        var import = new NetworkImport
        {
            Source = source.Length > 200 ? source[..200] : source, ImportedAt = clock.GetUtcNow().UtcDateTime,
            Nodes = network.NodeCount, Edges = network.EdgeCount, WaysRead = network.WaysRead, WaysKept = network.WaysKept, IsSynthetic = synthetic, AreaKm2 = areaKm2,
        };
        db.NetworkImports.Add(import);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate();
        return import;
    }

    /// <summary>The stored network as CSR arrays: nodes in id order, edges streamed once.</summary>
    public async Task<WalkGraph> LoadAsync(CancellationToken cancellationToken)
    {
        var count = await db.NetworkNodes.CountAsync(cancellationToken);
        var lon = new float[count];
        var lat = new float[count];
        await foreach (var n in db.NetworkNodes.AsNoTracking().Select(n => new { n.Id, n.Longitude, n.Latitude }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            lon[n.Id] = (float)n.Longitude;
            lat[n.Id] = (float)n.Latitude;
        }
        var from = new List<int>();
        var to = new List<int>();
        var lengths = new List<float>();
        await foreach (var e in db.NetworkEdges.AsNoTracking().Select(e => new { e.FromNodeId, e.ToNodeId, e.LengthMeters }).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            from.Add(e.FromNodeId);
            to.Add(e.ToNodeId);
            lengths.Add(e.LengthMeters);
        }
        return WalkGraph.Build(lon, lat, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(from),
            System.Runtime.InteropServices.CollectionsMarshal.AsSpan(to), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(lengths));
    }
}

/// <summary>The network loaded once per process (a city's graph is read from the tables only after an import).</summary>
internal sealed class NetworkCache(IServiceScopeFactory scopes) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private LoadedNetwork? _loaded;

    public sealed record LoadedNetwork(WalkGraph Graph, NodeGrid Grid)
    {
        private NetworkStatistics? _statistics;

        /// <summary>Computed once per load: one pass over the graph.</summary>
        public NetworkStatistics Statistics(double areaKm2) => _statistics ??= NetworkStatistics.Of(Graph, areaKm2);
    }

    public async Task<LoadedNetwork> GetAsync(CancellationToken cancellationToken)
    {
        if (_loaded is { } loaded) return loaded;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_loaded is { } again) return again;
            using var scope = scopes.CreateScope();
            var graph = await scope.ServiceProvider.GetRequiredService<NetworkStore>().LoadAsync(cancellationToken);
            return _loaded = new LoadedNetwork(graph, new NodeGrid(graph));
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Invalidate() => _loaded = null;

    public void Dispose() => _gate.Dispose();
}
