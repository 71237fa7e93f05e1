using System.Globalization;
using System.Xml;

namespace Linli.Modules.Facilities.Network;

/// <summary>
/// Reads the walking network out of an OpenStreetMap XML extract (<c>.osm</c>), streaming with <see cref="XmlReader"/>
/// so a city file is never held as a document. Node coordinates are kept until the ways come (an extract lists nodes
/// first); only nodes on walkable ways become network nodes, and every pair of consecutive nodes on a way is an edge
/// with its great-circle length.
/// </summary>
internal static class OsmXmlReader
{
    public static RawNetwork Read(Stream stream)
    {
        var coordinates = new Dictionary<long, (double Lon, double Lat)>();
        var index = new Dictionary<long, int>();
        var network = new RawNetwork();
        var wayNodes = new List<long>();
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        using var xml = XmlReader.Create(stream, new XmlReaderSettings { IgnoreWhitespace = true, IgnoreComments = true, DtdProcessing = DtdProcessing.Ignore });
        while (xml.Read())
        {
            if (xml.NodeType != XmlNodeType.Element) continue;
            if (xml.Name == "node")
            {
                var id = long.Parse(xml.GetAttribute("id")!, CultureInfo.InvariantCulture);
                coordinates[id] = (double.Parse(xml.GetAttribute("lon")!, CultureInfo.InvariantCulture), double.Parse(xml.GetAttribute("lat")!, CultureInfo.InvariantCulture));
            }
            else if (xml.Name == "way")
            {
                wayNodes.Clear();
                tags.Clear();
                if (!xml.IsEmptyElement)
                {
                    var depth = xml.Depth;
                    while (xml.Read() && !(xml.NodeType == XmlNodeType.EndElement && xml.Depth == depth))
                    {
                        if (xml.NodeType != XmlNodeType.Element) continue;
                        if (xml.Name == "nd") wayNodes.Add(long.Parse(xml.GetAttribute("ref")!, CultureInfo.InvariantCulture));
                        else if (xml.Name == "tag") tags[xml.GetAttribute("k")!] = xml.GetAttribute("v") ?? "";
                    }
                }
                network.WaysRead++;
                if (WalkableWays.Highway(tags) is not { } highway) continue;
                network.WaysKept++;
                var previous = -1;
                foreach (var osmId in wayNodes)
                {
                    // A way may name a node cut off at the extract's edge: the walk breaks there.
                    if (!coordinates.TryGetValue(osmId, out var at)) { previous = -1; continue; }
                    if (!index.TryGetValue(osmId, out var node))
                    {
                        node = network.AddNode(at.Lon, at.Lat);
                        network.OsmIds.Add(osmId);
                        index[osmId] = node;
                    }
                    if (previous >= 0 && previous != node) network.AddEdge(previous, node, highway);
                    previous = node;
                }
            }
        }
        return network;
    }
}

/// <summary>Which OpenStreetMap ways a resident can walk, and under what highway value they are kept.</summary>
internal static class WalkableWays
{
    /// <summary>
    /// Highway values a pedestrian uses. Motorways and trunk roads are left out (no footway on them); so is anything tagged
    /// foot=no, or private access without foot=yes, and areas (a square's outline is not a path along it).
    /// </summary>
    public static readonly IReadOnlySet<string> Kept = new HashSet<string>(StringComparer.Ordinal)
    {
        "footway", "path", "pedestrian", "steps", "living_street", "residential", "service", "unclassified", "track", "cycleway",
        "corridor", "tertiary", "tertiary_link", "secondary", "secondary_link", "primary", "primary_link", "road",
    };

    public static string? Highway(IReadOnlyDictionary<string, string> tags)
    {
        if (!tags.TryGetValue("highway", out var highway) || !Kept.Contains(highway)) return null;
        tags.TryGetValue("foot", out var foot);
        if (foot is "no") return null;
        if (tags.TryGetValue("access", out var access) && access is "private" or "no" && foot is not ("yes" or "designated" or "permissive")) return null;
        if (tags.TryGetValue("area", out var area) && area == "yes") return null;
        return highway;
    }
}
