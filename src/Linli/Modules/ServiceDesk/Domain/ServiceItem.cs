namespace Linli.Modules.ServiceDesk.Domain;

/// <summary>
/// A service item of the catalog (事项), by its code in the shape of GB/T 39554.1. What it requires lives in its
/// versions: a draft is edited, then published and frozen; a case keeps the version it was received under.
/// </summary>
internal sealed class ServiceItem
{
    public long Id { get; set; }

    /// <summary>The item code: type letters, main item and sub-item, and the implementing code with the region.</summary>
    public required string Code { get; set; }

    public required string Name { get; set; }

    /// <summary>The published version residents and windows use now; null before the first publication or once retired.</summary>
    public long? PublishedVersionId { get; set; }

    /// <summary>Retired items take no new cases; their cases run on.</summary>
    public bool Retired { get; set; }

    public DateTime CreatedAt { get; set; }

    public List<ServiceItemVersion> Versions { get; set; } = [];

    /// <summary>The version being edited, if any (at most one; see <see cref="Catalog.ItemVersions"/>).</summary>
    public ServiceItemVersion? Draft => Versions.SingleOrDefault(v => v.State == ItemVersionState.Draft);

    public ServiceItemVersion? Published => Versions.SingleOrDefault(v => v.State == ItemVersionState.Published);
}
