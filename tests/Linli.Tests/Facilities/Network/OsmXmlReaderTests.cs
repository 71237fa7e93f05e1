using System.Runtime.CompilerServices;
using Linli.Modules.Facilities.Network;

namespace Linli.Tests.Facilities.Network;

/// <summary>The hand-drawn extract next to this file: a 12 × 12 grid of streets, one way per block side, and ways a walker cannot use.</summary>
public sealed class OsmXmlReaderTests
{
    private static string Extract([CallerFilePath] string here = "") => Path.Combine(Path.GetDirectoryName(here)!, "test-extract.osm");

    private static RawNetwork Read()
    {
        using var stream = File.OpenRead(Extract());
        return OsmXmlReader.Read(stream);
    }

    [Fact]
    public void Import_keeps_the_walkable_ways_and_their_nodes_only()
    {
        var network = Read();
        Assert.Equal(271, network.WaysRead);
        // 264 block sides and the way cut at the extract's edge; the motorway, foot=no, private road, area, building and river are left out.
        Assert.Equal(265, network.WaysKept);
        Assert.Equal(144, network.NodeCount);
        Assert.Equal(264, network.EdgeCount);
        Assert.DoesNotContain(9001L, network.OsmIds);
    }

    [Fact]
    public void Edge_lengths_are_great_circle_metres()
    {
        var network = Read();
        // 0.001° of latitude is 111.19 m; 0.001° of longitude at 41.8°N is 111.19 × cos 41.8° = 82.88 m.
        var northSouth = network.Lengths.Where(l => l > 100).ToList();
        var eastWest = network.Lengths.Where(l => l < 100).ToList();
        Assert.Equal(132, northSouth.Count);
        Assert.Equal(132, eastWest.Count);
        Assert.All(northSouth, l => Assert.InRange(l, 111.1f, 111.3f));
        Assert.All(eastWest, l => Assert.InRange(l, 82.7f, 83.0f));
    }

    [Fact]
    public void Imported_grid_walks_corner_to_corner_in_the_manhattan_distance()
    {
        var network = Read();
        var graph = network.ToGraph();
        var distances = new float[graph.NodeCount];
        var corner = network.OsmIds.IndexOf(1000);
        var opposite = network.OsmIds.IndexOf(1000 + 143);
        new MultiSourceDijkstra(graph).Run([corner], 5000, distances);
        Assert.Equal(11 * 111.19 + 11 * 82.88, distances[opposite], 1.0);
    }
}
