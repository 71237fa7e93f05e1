using Linli.Modules.Requests.Data;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Open311.Services;

/// <summary>
/// GET services.{format}: every live leaf category as a service (realtime), grouped by its first-level class;
/// metadata is true where the service has attributes. The whole catalogue by default, or a page with page/page_size.
/// </summary>
internal static class ServicesEndpoint
{
    public static void Map(IEndpointRouteBuilder v2) =>
        v2.MapGet("/services.{format}", async Task<Open311Result> (string format, string? page, string? page_size, RequestsDbContext db, CategoryCatalog catalog, CancellationToken ct) =>
            {
                var services = await Open311Services.LoadAsync(catalog, ct);
                var withAttributes = (await db.ServiceAttributes.AsNoTracking().Select(a => a.CategoryId).Distinct().ToListAsync(ct)).ToHashSet();
                IEnumerable<Open311Service> listed = services;
                if (page is not null || page_size is not null)
                {
                    var (p, size) = Open311Paging.Parse(page, page_size);
                    listed = services.Skip((p - 1) * size).Take(size);
                }
                return new Open311Result(new O311List("services", "service", listed.Select(s => (object?)new O311Object("service")
                    .Add("service_code", s.Leaf.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .Add("service_name", s.Name)
                    .Add("description", s.Description)
                    .Add("metadata", withAttributes.Contains(s.Leaf.Id))
                    .Add("type", "realtime")
                    .Add("keywords", s.Keywords)
                    .Add("group", s.Group)).ToList()), format);
            })
            .WithName("Open311Services")
            .WithSummary("Open311 service list: the live leaf categories.");
}
