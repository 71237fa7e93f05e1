using System.Text;
using Linli.Modules.Regions.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Regions.Features.GetBoundaries;

internal static class GetBoundariesEndpoint
{
    /// <summary>The district boundaries as one GeoJSON FeatureCollection, the map's base layer.</summary>
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/boundaries.geojson", async (RegionsDbContext db, HttpContext http, CancellationToken ct) =>
            {
                var rows = await (from b in db.Boundaries.AsNoTracking()
                                  join r in db.Regions.AsNoTracking() on b.Code equals r.Code
                                  orderby b.Code
                                  select new { b.Code, r.Name, b.GeometryJson, b.CentreLongitude, b.CentreLatitude }).ToListAsync(ct);
                var json = new StringBuilder("{\"type\":\"FeatureCollection\",\"features\":[");
                for (var i = 0; i < rows.Count; i++)
                {
                    var r = rows[i];
                    if (i > 0) json.Append(',');
                    json.Append("{\"type\":\"Feature\",\"id\":\"").Append(r.Code).Append("\",\"properties\":{\"code\":\"").Append(r.Code)
                        .Append("\",\"name\":").Append(System.Text.Json.JsonSerializer.Serialize(r.Name))
                        .Append(",\"center\":[").Append(r.CentreLongitude.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(',')
                        .Append(r.CentreLatitude.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append("]},\"geometry\":")
                        .Append(r.GeometryJson).Append('}');
                }
                json.Append("]}");
                http.Response.Headers.CacheControl = "private, max-age=3600";
                return Results.Text(json.ToString(), "application/geo+json", Encoding.UTF8);
            })
            .WithName("GetDistrictBoundaries")
            .WithSummary("District boundaries as a GeoJSON FeatureCollection.");
}
