namespace Linli.Modules.Facilities.Network;

/// <summary>
/// Shortest walking distance from every node to the nearest of many sources, in one search: all sources start at 0 in
/// the same queue, so each node is settled once however many facilities there are (the issue's "one multi-source
/// Dijkstra per type", not one search per origin). The search stops at the cutoff: nodes farther away stay at
/// <see cref="float.PositiveInfinity"/>. The queue is .NET's binary heap with stale entries skipped on pop (no decrease-key).
/// One instance per thread; it reuses its queue between runs.
/// </summary>
internal sealed class MultiSourceDijkstra(WalkGraph graph)
{
    private readonly PriorityQueue<int, float> _queue = new();

    /// <summary>Fills <paramref name="distances"/> (length = node count) with metres to the nearest source, up to <paramref name="cutoffMeters"/>.</summary>
    /// <param name="sourceOffsets">Metres already walked to reach each source (a facility's distance from its snapped node); null for 0.</param>
    public void Run(ReadOnlySpan<int> sources, float cutoffMeters, Span<float> distances, ReadOnlySpan<float> sourceOffsets = default)
    {
        if (distances.Length != graph.NodeCount) throw new ArgumentException("One distance per node is needed.", nameof(distances));
        distances.Fill(float.PositiveInfinity);
        _queue.Clear();
        for (var i = 0; i < sources.Length; i++)
        {
            var start = sourceOffsets.IsEmpty ? 0f : sourceOffsets[i];
            if (start > cutoffMeters || start >= distances[sources[i]]) continue;
            distances[sources[i]] = start;
            _queue.Enqueue(sources[i], start);
        }
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var lengths = graph.Lengths;
        while (_queue.TryDequeue(out var node, out var d))
        {
            if (d > distances[node]) continue;
            for (var k = offsets[node]; k < offsets[node + 1]; k++)
            {
                var next = d + lengths[k];
                var target = targets[k];
                if (next < distances[target] && next <= cutoffMeters)
                {
                    distances[target] = next;
                    _queue.Enqueue(target, next);
                }
            }
        }
    }

    /// <summary>
    /// The nodes within <paramref name="cutoffMeters"/> of one source with their distances (for the planner and a
    /// "what if" that adds one site): only what the search reached, not an array per node.
    /// </summary>
    public void Reach(int source, float cutoffMeters, Dictionary<int, float> reached)
    {
        reached.Clear();
        _queue.Clear();
        reached[source] = 0;
        _queue.Enqueue(source, 0);
        var offsets = graph.Offsets;
        var targets = graph.Targets;
        var lengths = graph.Lengths;
        while (_queue.TryDequeue(out var node, out var d))
        {
            if (d > reached[node]) continue;
            for (var k = offsets[node]; k < offsets[node + 1]; k++)
            {
                var next = d + lengths[k];
                if (next > cutoffMeters) continue;
                var target = targets[k];
                if (!reached.TryGetValue(target, out var known) || next < known)
                {
                    reached[target] = next;
                    _queue.Enqueue(target, next);
                }
            }
        }
    }
}
