namespace Linli.Modules.Regions.Domain;

internal sealed class DistrictBoundary
{
    public required string Code { get; set; }
    /// <summary>The GeoJSON geometry (Polygon or MultiPolygon) as imported.</summary>
    public required string GeometryJson { get; set; }
    public double CentreLongitude { get; set; }
    public double CentreLatitude { get; set; }
}
