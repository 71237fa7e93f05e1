using Linli.Platform.Geography;

namespace Linli.Modules.Facilities.Network;

/// <summary>
/// Nearest network node to a point: nodes bucketed into square cells (a counting sort into one array), searched ring by
/// ring outwards from the point's cell until no nearer node can lie in the next ring. Snapping 20,000 compounds and every
/// facility costs a few cells each, never a scan of the million nodes.
/// </summary>
internal sealed class NodeGrid
{
    private readonly WalkGraph _graph;
    private readonly double _minLon, _minLat, _cellLon, _cellLat;
    private readonly int _columns, _rows;
    private readonly int[] _cellStart, _nodes;
    private readonly double _cellMeters;

    public NodeGrid(WalkGraph graph, double cellMeters = 250)
    {
        _graph = graph;
        _cellMeters = cellMeters;
        var n = graph.NodeCount;
        if (n == 0) { _cellStart = [0]; _nodes = []; _columns = _rows = 1; return; }
        _minLon = graph.Longitudes.Min();
        _minLat = graph.Latitudes.Min();
        var maxLon = graph.Longitudes.Max();
        var maxLat = graph.Latitudes.Max();
        (_cellLon, _cellLat) = Geo.Box((_minLat + maxLat) / 2, cellMeters);
        _columns = (int)((maxLon - _minLon) / _cellLon) + 1;
        _rows = (int)((maxLat - _minLat) / _cellLat) + 1;
        _cellStart = new int[_columns * _rows + 1];
        var cellOf = new int[n];
        for (var i = 0; i < n; i++)
        {
            cellOf[i] = Cell(graph.Longitudes[i], graph.Latitudes[i]);
            _cellStart[cellOf[i] + 1]++;
        }
        for (var c = 0; c < _columns * _rows; c++) _cellStart[c + 1] += _cellStart[c];
        _nodes = new int[n];
        var next = _cellStart[..^1];
        for (var i = 0; i < n; i++) _nodes[next[cellOf[i]]++] = i;
    }

    private int Cell(double lon, double lat)
    {
        var x = Math.Clamp((int)((lon - _minLon) / _cellLon), 0, _columns - 1);
        var y = Math.Clamp((int)((lat - _minLat) / _cellLat), 0, _rows - 1);
        return y * _columns + x;
    }

    /// <summary>The nearest node and its distance in metres; null on an empty network.</summary>
    public (int Node, double Meters)? Nearest(double longitude, double latitude)
    {
        if (_nodes.Length == 0) return null;
        var cx = Math.Clamp((int)Math.Floor((longitude - _minLon) / _cellLon), -1, _columns);
        var cy = Math.Clamp((int)Math.Floor((latitude - _minLat) / _cellLat), -1, _rows);
        var best = -1;
        var bestMeters = double.MaxValue;
        var maxRing = Math.Max(_columns, _rows) + 1;
        for (var ring = 0; ring <= maxRing; ring++)
        {
            // Every node in ring r lies at least (r - 1) cells away from the point.
            if (best >= 0 && (ring - 1) * _cellMeters * 0.99 > bestMeters) break;
            for (var y = cy - ring; y <= cy + ring; y++)
            {
                if (y < 0 || y >= _rows) continue;
                var edge = y == cy - ring || y == cy + ring;
                for (var x = cx - ring; x <= cx + ring; x += edge ? 1 : 2 * ring)
                {
                    if (x >= 0 && x < _columns)
                    {
                        var cell = y * _columns + x;
                        for (var k = _cellStart[cell]; k < _cellStart[cell + 1]; k++)
                        {
                            var node = _nodes[k];
                            var meters = Geo.DistanceMeters(longitude, latitude, _graph.Longitudes[node], _graph.Latitudes[node]);
                            if (meters < bestMeters) (best, bestMeters) = (node, meters);
                        }
                    }
                    if (ring == 0) break;
                }
            }
        }
        return (best, bestMeters);
    }
}
