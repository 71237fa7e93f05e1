using Linli.Modules.Regions.Contracts;
using Linli.Modules.Regions.Data;
using Linli.Modules.Regions.Domain;
using System.ComponentModel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.IO.Converters;

namespace Linli.Modules.Regions.ContractImplementations;

/// <summary>
/// The 13 district polygons, prepared for fast point-in-polygon tests and kept in the platform's cache with the region
/// lists: an import drops their tag (here at once; another instance within <see cref="RegionCache.Keep"/>).
/// </summary>
internal sealed class DistrictGeometry(IServiceScopeFactory scopes, HybridCache cache) : IDistrictGeometry
{
    private const string Key = "regions:district-geometry";

    private sealed record District(string Code, IPreparedGeometry Shape, Envelope Bounds, Point Centre);

    [ImmutableObject(true)]
    private sealed record Districts(IReadOnlyList<District> All);

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4326);

    public void Invalidate() => cache.RemoveByTagAsync(RegionCache.Tag).AsTask().GetAwaiter().GetResult();

    // The contract is synchronous (it is asked inside loops over points). Once loaded the cache answers at once; the first
    // read after a start or an import waits for the load, as the read under a lock did before.
    private IReadOnlyList<District> All
    {
        get
        {
            var read = cache.GetOrCreateAsync(Key, scopes, static (scopes, _) => ValueTask.FromResult(Load(scopes)), RegionCache.Keep, [RegionCache.Tag]);
            return (read.IsCompletedSuccessfully ? read.Result : read.AsTask().GetAwaiter().GetResult()).All;
        }
    }

    private static Districts Load(IServiceScopeFactory scopes)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RegionsDbContext>();
        var options = new System.Text.Json.JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(Factory));
        return new Districts(db.Boundaries.AsNoTracking().OrderBy(b => b.Code).ToList()
            .Select(b =>
            {
                var shape = System.Text.Json.JsonSerializer.Deserialize<Geometry>(b.GeometryJson, options)!;
                return new District(b.Code, PreparedGeometryFactory.Prepare(shape), shape.EnvelopeInternal,
                    Factory.CreatePoint(new Coordinate(b.CentreLongitude, b.CentreLatitude)));
            })
            .ToList());
    }

    public string? DistrictAt(double longitude, double latitude)
    {
        var point = Factory.CreatePoint(new Coordinate(longitude, latitude));
        return All.FirstOrDefault(d => d.Bounds.Contains(point.Coordinate) && d.Shape.Contains(point))?.Code;
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
        All.FirstOrDefault(d => d.Code == code) ?? throw new KeyNotFoundException($"No boundary for district {code}.");
}
