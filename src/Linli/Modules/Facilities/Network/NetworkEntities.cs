namespace Linli.Modules.Facilities.Network;

/// <summary>
/// A point of the walking network: a crossing, a dead end or a bend. Ids run 0..n-1 without gaps so that a node's id is
/// its row in the compact graph (<see cref="WalkGraph"/>).
/// </summary>
internal sealed class NetworkNode
{
    public int Id { get; set; }
    public double Longitude { get; set; }
    public double Latitude { get; set; }
    /// <summary>The OpenStreetMap node it came from; null for a synthetic node.</summary>
    public long? OsmId { get; set; }
}

/// <summary>A walkable street or path between two nodes, walkable both ways.</summary>
internal sealed class NetworkEdge
{
    public int Id { get; set; }
    public int FromNodeId { get; set; }
    public int ToNodeId { get; set; }
    /// <summary>Great-circle length in metres.</summary>
    public float LengthMeters { get; set; }
    /// <summary>OpenStreetMap highway value (footway, residential …); "lane" for a synthetic compound lane.</summary>
    public required string Highway { get; set; }
}

/// <summary>One load of the network (an import or the synthetic city's): what the network page reports.</summary>
internal sealed class NetworkImport
{
    public int Id { get; set; }
    /// <summary>File name of the extract, or "synthetic".</summary>
    public required string Source { get; set; }
    public DateTime ImportedAt { get; set; }
    public int Nodes { get; set; }
    public int Edges { get; set; }
    /// <summary>Ways read and ways kept as walkable.</summary>
    public int WaysRead { get; set; }
    public int WaysKept { get; set; }
    /// <summary>Land the network covers, km² (the districts' area for the synthetic city, the extract's box for an import): the base of the densities.</summary>
    public double AreaKm2 { get; set; }
    public bool IsSynthetic { get; set; }
}
