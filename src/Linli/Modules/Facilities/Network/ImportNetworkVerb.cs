using Linli.Platform;
using Linli.Platform.Cli;

namespace Linli.Modules.Facilities.Network;

/// <summary>
/// <c>import-network file.osm</c>: replaces the stored walking network with the walkable ways of an OpenStreetMap XML
/// extract. PBF (<c>.osm.pbf</c>) is refused with a message: see docs/facilities-network.md for why.
/// </summary>
internal sealed class ImportNetworkVerb : ICommandVerb
{
    public string Name => "import-network";
    public string Usage => "replace the walking network with an OpenStreetMap extract: import-network <file.osm> [--db sqlite|postgres] [--connection \"...\"]";

    public async Task<int> RunAsync(Verb verb, IServiceProvider services, CancellationToken cancellationToken)
    {
        var file = verb.Text("file") ?? verb.Text("path");
        if (file is null)
        {
            Console.Error.WriteLine("Name the extract: import-network --file city.osm");
            return 2;
        }
        if (file.EndsWith(".pbf", StringComparison.OrdinalIgnoreCase))
        {
            Console.Error.WriteLine("PBF extracts are not read yet: convert with `osmium cat city.osm.pbf -o city.osm` and import the XML.");
            return 2;
        }
        await services.PrepareAsync(cancellationToken);
        using var scope = services.CreateScope();
        scope.ServiceProvider.GetRequiredService<Platform.Persistence.DatabaseSession>().AsOwner = true;
        await using var stream = File.OpenRead(file);
        var network = OsmXmlReader.Read(stream);
        var box = network.NodeCount == 0 ? 0 : BoxKm2(network);
        var import = await scope.ServiceProvider.GetRequiredService<NetworkStore>().ReplaceAsync(network, Path.GetFileName(file), synthetic: false, box, cancellationToken);
        Console.WriteLine($"Imported {import.Nodes} nodes and {import.Edges} edges from {import.WaysKept} of {import.WaysRead} ways.");
        return 0;
    }

    private static double BoxKm2(RawNetwork n)
    {
        var (minLon, maxLon, minLat, maxLat) = (n.Longitudes.Min(), n.Longitudes.Max(), n.Latitudes.Min(), n.Latitudes.Max());
        return Platform.Geography.Geo.DistanceMeters(minLon, minLat, maxLon, minLat) * Platform.Geography.Geo.DistanceMeters(minLon, minLat, minLon, maxLat) / 1e6;
    }
}
