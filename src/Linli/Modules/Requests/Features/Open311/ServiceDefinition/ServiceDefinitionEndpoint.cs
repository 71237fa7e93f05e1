using System.Globalization;
using Linli.Modules.Requests.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Open311.ServiceDefinition;

/// <summary>GET services/{service_code}.{format}: the attributes a service asks for (empty for a service without metadata).</summary>
internal static class ServiceDefinitionEndpoint
{
    public static void Map(IEndpointRouteBuilder v2) =>
        v2.MapGet("/services/{service_code}.{format}", async Task<Open311Result> (string service_code, string format, RequestsDbContext db, CategoryCatalog catalog, CancellationToken ct) =>
            {
                var services = await Open311Services.LoadAsync(catalog, ct);
                var service = (int.TryParse(service_code, NumberStyles.None, CultureInfo.InvariantCulture, out var id)
                    ? services.FirstOrDefault(s => s.Leaf.Id == id) : null)
                    ?? throw Open311Exception.NotFound("没有服务“{0}”。", service_code);
                var attributes = await db.ServiceAttributes.AsNoTracking().Where(a => a.CategoryId == id).OrderBy(a => a.Order).ThenBy(a => a.Id).ToListAsync(ct);
                return new Open311Result(new O311Object("service_definition")
                    .Add("service_code", service_code)
                    .Add("attributes", new O311List("attributes", "attribute", attributes.Select(a => (object?)new O311Object("attribute")
                        .Add("variable", a.Variable)
                        .Add("code", a.Code)
                        .Add("datatype", Open311Attributes.Name(a.Datatype))
                        .Add("required", a.Required)
                        .Add("datatype_description", a.DatatypeDescription)
                        .Add("order", a.Order)
                        .Add("description", a.Description)
                        .Add("values", new O311List("values", "value", a.Values()
                            .Select(v => (object?)new O311Object("value").Add("key", v.Key).Add("name", v.Name)).ToList()))).ToList())), format);
            })
            .WithName("Open311ServiceDefinition")
            .WithSummary("Open311 service definition: the attributes of one service.");
}
