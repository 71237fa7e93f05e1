using Linli.Modules.Regions.Contracts;
using Linli.Modules.Regions.Data;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO.Converters;

namespace Linli.Modules.Regions.ContractImplementations;

/// <summary>
/// The 13 district polygons, loaded once (they change only with an import) and prepared for fast point-in-polygon tests.
/// </summary>
internal sealed class DistrictGeometry(IServiceScopeFactory scopes) : IDistrictGeometry
{
    private sealed record District(string Code, IPreparedGeometry Shape, Envelope Bounds, Point Centre);

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);
    private volatile IReadOnlyList<District>? _districts;
    private readonly Lock _gate = new();

    public void Invalidate() => _districts = null;

    private IReadOnlyList<District> Districts
    {
        get
        {
            if (_districts is { } ready) return ready;
            lock (_gate)
            {
                if (_districts is { } raced) return raced;
                using var scope = scopes.CreateScope();
                var db = scope.ServiceProvider.GetRequiredService<RegionsDbContext>();
                var options = new System.Text.Json.JsonSerializerOptions();
                options.Converters.Add(new GeoJsonConverterFactory(Factory));
                var loaded = db.Boundaries.AsNoTracking().OrderBy(b => b.Code).ToList()
                    .Select(b =>
                    {
                        var shape = System.Text.Json.JsonSerializer.Deserialize<Geometry>(b.GeometryJson, options)!;
                        return new District(b.Code, PreparedGeometryFactory.Prepare(shape), shape.EnvelopeInternal,
                            Factory.CreatePoint(new Coordinate(b.CentreLongitude, b.CentreLatitude)));
                    })
                    .ToList();
                _districts = loaded;
                return loaded;
            }
        }
    }

    public string? DistrictAt(double longitude, double latitude)
    {
        var point = Factory.CreatePoint(new Coordinate(longitude, latitude));
        return Districts.FirstOrDefault(d => d.Bounds.Contains(point.Coordinate) && d.Shape.Contains(point))?.Code;
    }

    public bool Contains(string districtCode, double longitude, double latitude)
    {
        var district = Find(districtCode);
        var coordinate = new Coordinate(longitude, latitude);
        return district.Bounds.Contains(coordinate) && district.Shape.Contains(Factory.CreatePoint(coordinate));
    }

    public (double Longitude, double Latitude) CentreOf(string districtCode)
    {
        var centre = Find(districtCode).Centre;
        return (centre.X, centre.Y);
    }

    public (double MinLon, double MinLat, double MaxLon, double MaxLat) BoundsOf(string districtCode)
    {
        var b = Find(districtCode).Bounds;
        return (b.MinX, b.MinY, b.MaxX, b.MaxY);
    }

    private District Find(string code) =>
        Districts.FirstOrDefault(d => d.Code == code) ?? throw new KeyNotFoundException($"No boundary for district {code}.");
}
