using NetTopologySuite.Geometries;
using NetTopologySuite.Index.KdTree;

namespace Linli.Platform.Geography;

/// <summary>
/// Points with an item each (community centres, grid centres), answering "which is nearest to here" by great-circle
/// distance (<see cref="Geo.DistanceMeters"/>) in logarithmic time: a k-d tree (NetTopologySuite's) over a flat projection
/// of the points, searched in a box large enough that the projection's distortion cannot hide the true nearest point.
/// Not thread-safe while points are added; reading from many threads once built is safe.
/// </summary>
/// <param name="referenceLatitude">The latitude whose scale the projection keeps (the middle of the area indexed).</param>
internal sealed class PointIndex<T>(double referenceLatitude)
{
    private const double MetresPerDegree = 6_371_000 * Math.PI / 180;

    private sealed record Entry(double Longitude, double Latitude, T Item);

    // Points at the same spot share a node of the tree (it merges exact duplicates), so each node keeps a list.
    private readonly KdTree<List<Entry>> _tree = new();
    private readonly double _referenceCos = Cos(referenceLatitude);
    private double _maxAbsLatitude = Math.Abs(referenceLatitude), _minX = double.MaxValue, _minY = double.MaxValue, _maxX = double.MinValue, _maxY = double.MinValue;

    /// <summary>An index of <paramref name="points"/>, projected at the middle of their latitudes.</summary>
    public static PointIndex<T> Of(IReadOnlyCollection<(double Longitude, double Latitude, T Item)> points)
    {
        var index = new PointIndex<T>(points.Count == 0 ? 0 : (points.Min(p => p.Latitude) + points.Max(p => p.Latitude)) / 2);
        foreach (var (lon, lat, item) in points) index.Add(lon, lat, item);
        return index;
    }

    public int Count { get; private set; }

    public void Add(double longitude, double latitude, T item)
    {
        var at = Project(longitude, latitude);
        var entry = new Entry(longitude, latitude, item);
        var node = _tree.Insert(at, [entry]);
        if (node.Count > 1) node.Data.Add(entry);
        _maxAbsLatitude = Math.Max(_maxAbsLatitude, Math.Abs(latitude));
        (_minX, _minY, _maxX, _maxY) = (Math.Min(_minX, at.X), Math.Min(_minY, at.Y), Math.Max(_maxX, at.X), Math.Max(_maxY, at.Y));
        Count++;
    }

    /// <summary>
    /// The item nearest to the point and its distance in metres, leaving out items <paramref name="skip"/> refuses (an item
    /// itself, when looking for its neighbour); null when no item is left.
    /// </summary>
    public (T Item, double Meters)? Nearest(double longitude, double latitude, Func<T, bool>? skip = null)
    {
        if (Count == 0) return null;
        var at = Project(longitude, latitude);
        // The projection keeps east–west distances at the reference latitude; nearer the pole it stretches them, by at most this.
        var stretch = Math.Max(1, _referenceCos / Cos(Math.Max(_maxAbsLatitude, Math.Abs(latitude)))) * 1.01;
        var extent = Math.Max(Math.Max(_maxX - _minX, _maxY - _minY), 1) + Math.Abs(at.X - (_minX + _maxX) / 2) + Math.Abs(at.Y - (_minY + _maxY) / 2);
        // Start with a box that holds a few points where they are spread evenly.
        var radius = Math.Max(extent / Math.Sqrt(Count), 1);
        while (true)
        {
            (Entry Entry, double Meters)? best = null;
            foreach (var node in _tree.Query(new Envelope(at.X - radius, at.X + radius, at.Y - radius, at.Y + radius)))
            foreach (var entry in node.Data)
            {
                if (skip?.Invoke(entry.Item) == true) continue;
                var meters = Geo.DistanceMeters(longitude, latitude, entry.Longitude, entry.Latitude);
                if (best is null || meters < best.Value.Meters) best = (entry, meters);
            }
            if (best is { } found)
            {
                // Anything nearer than the best found lies within this flat distance, so a box that wide has seen it.
                var needed = found.Meters * stretch;
                if (needed <= radius) return (found.Entry.Item, found.Meters);
                radius = needed;
            }
            else if (radius > 2 * extent)
            {
                return null;
            }
            else
            {
                radius *= 2;
            }
        }
    }

    private Coordinate Project(double longitude, double latitude) =>
        new(longitude * _referenceCos * MetresPerDegree, latitude * MetresPerDegree);

    private static double Cos(double latitude) => Math.Max(0.01, Math.Cos(latitude * Math.PI / 180));
}
