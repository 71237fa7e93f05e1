using System.Globalization;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
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

internal static class Open311Paging
{
    public const int DefaultPageSize = 50, MaxPageSize = 500, MaxPage = 1_000_000;

    /// <summary>
    /// The page/page_size extension: page from 1 to 1,000,000, page_size from 1 to 500 (so (page - 1) * page_size always
    /// fits an int); anything else is a 400.
    /// </summary>
    public static (int Page, int PageSize) Parse(string? page, string? pageSize)
    {
        var p = 1;
        var size = DefaultPageSize;
        if (page is not null && (!int.TryParse(page, NumberStyles.Integer, CultureInfo.InvariantCulture, out p) || p < 1 || p > MaxPage))
            throw Open311Exception.BadRequest($"page must be an integer from 1 to {MaxPage}.");
        if (pageSize is not null && (!int.TryParse(pageSize, out size) || size < 1 || size > MaxPageSize))
            throw Open311Exception.BadRequest($"page_size must be an integer from 1 to {MaxPageSize}.");
        return (p, size);
    }
}
