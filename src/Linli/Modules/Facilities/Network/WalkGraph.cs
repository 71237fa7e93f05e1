namespace Linli.Modules.Facilities.Network;

/// <summary>
/// The walking network as compressed sparse rows: the edges leaving node i are <c>Targets[Offsets[i]..Offsets[i+1]]</c>
/// with their lengths in metres. Every street is walkable both ways, so each undirected edge is stored twice. Arrays of
/// ints and floats (no objects per node) keep a million-node city in a few tens of MB and the searches cache-friendly.
/// Immutable once built; safe to read from many threads.
/// </summary>
internal sealed class WalkGraph
{
    public int[] Offsets { get; }
    public int[] Targets { get; }
    public float[] Lengths { get; }
    public float[] Longitudes { get; }
    public float[] Latitudes { get; }

    private WalkGraph(int[] offsets, int[] targets, float[] lengths, float[] longitudes, float[] latitudes) =>
        (Offsets, Targets, Lengths, Longitudes, Latitudes) = (offsets, targets, lengths, longitudes, latitudes);

    public int NodeCount => Offsets.Length - 1;

    /// <summary>Undirected edges (each counted once).</summary>
    public int EdgeCount => Targets.Length / 2;

    public int Degree(int node) => Offsets[node + 1] - Offsets[node];

    /// <summary>Bytes held by the arrays: what the cache keeps per city.</summary>
    public long MemoryBytes => (long)Offsets.Length * 4 + (long)Targets.Length * 4 + (long)Lengths.Length * 4 + (long)Longitudes.Length * 4 + (long)Latitudes.Length * 4;

    /// <summary>
    /// Builds the rows from undirected edges between nodes 0..n-1 (a counting sort: two passes, no per-node lists).
    /// Self-loops are dropped; they never shorten a walk.
    /// </summary>
    public static WalkGraph Build(float[] longitudes, float[] latitudes, ReadOnlySpan<int> from, ReadOnlySpan<int> to, ReadOnlySpan<float> lengths)
    {
        var n = longitudes.Length;
        if (latitudes.Length != n) throw new ArgumentException("Longitudes and latitudes differ in length.");
        if (from.Length != to.Length || from.Length != lengths.Length) throw new ArgumentException("Edge arrays differ in length.");
        var offsets = new int[n + 1];
        var kept = 0;
        for (var e = 0; e < from.Length; e++)
        {
            if (from[e] == to[e]) continue;
            if ((uint)from[e] >= (uint)n || (uint)to[e] >= (uint)n) throw new ArgumentOutOfRangeException(nameof(from), $"Edge {e} names a node outside 0..{n - 1}.");
            offsets[from[e] + 1]++;
            offsets[to[e] + 1]++;
            kept++;
        }
        for (var i = 0; i < n; i++) offsets[i + 1] += offsets[i];
        var targets = new int[kept * 2];
        var weights = new float[kept * 2];
        var next = offsets[..n];
        for (var e = 0; e < from.Length; e++)
        {
            var (a, b) = (from[e], to[e]);
            if (a == b) continue;
            targets[next[a]] = b;
            weights[next[a]++] = lengths[e];
            targets[next[b]] = a;
            weights[next[b]++] = lengths[e];
        }
        return new WalkGraph(offsets, targets, weights, longitudes, latitudes);
    }
}
