namespace Linli.Modules.Facilities.Network;

/// <summary>A network as read or generated, before it is stored: nodes 0..n-1 and undirected edges between them.</summary>
internal sealed class RawNetwork
{
    public List<double> Longitudes { get; } = [];
    public List<double> Latitudes { get; } = [];
    /// <summary>OpenStreetMap ids of the nodes; empty for a synthetic network.</summary>
    public List<long> OsmIds { get; } = [];
    public List<int> From { get; } = [];
    public List<int> To { get; } = [];
    public List<float> Lengths { get; } = [];
    public List<string> Highways { get; } = [];
    public int WaysRead { get; set; }
    public int WaysKept { get; set; }

    public int NodeCount => Longitudes.Count;
    public int EdgeCount => From.Count;

    public int AddNode(double longitude, double latitude)
    {
        Longitudes.Add(longitude);
        Latitudes.Add(latitude);
        return Longitudes.Count - 1;
    }

    public void AddEdge(int from, int to, string highway)
    {
        From.Add(from);
        To.Add(to);
        Lengths.Add((float)Platform.Geography.Geo.DistanceMeters(Longitudes[from], Latitudes[from], Longitudes[to], Latitudes[to]));
        Highways.Add(highway);
    }

    public WalkGraph ToGraph() => WalkGraph.Build(
        Longitudes.Select(x => (float)x).ToArray(), Latitudes.Select(x => (float)x).ToArray(),
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(From), System.Runtime.InteropServices.CollectionsMarshal.AsSpan(To),
        System.Runtime.InteropServices.CollectionsMarshal.AsSpan(Lengths));
}
