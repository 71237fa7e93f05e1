using Linli.Modules.Regions.Contracts;
using Linli.Modules.Regions.Data;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Regions.Features.SearchRegions;

internal sealed record RegionHit(string Code, string Name, RegionLevel Level, RegionKind Kind, string? ParentCode);

internal static class SearchRegionsEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/", async Task<Ok<Paged<RegionHit>>> (string? q, RegionLevel? level, string? under, int? page, int? pageSize, RegionsDbContext db, CancellationToken ct) =>
            {
                var query = db.Regions.AsNoTracking();
                if (!string.IsNullOrWhiteSpace(q)) query = query.Where(r => r.Name.Contains(q.Trim()));
                if (level is not null) query = query.Where(r => r.Level == level);
                if (!string.IsNullOrWhiteSpace(under)) query = query.Where(r => r.Code.StartsWith(under));
                var result = await query.OrderBy(r => r.Level).ThenBy(r => r.Code)
                    .Select(r => new RegionHit(r.Code, r.Name, r.Level, r.Kind, r.ParentCode))
                    .ToPagedAsync(page, pageSize, ct);
                return TypedResults.Ok(result);
            })
            .WithName("SearchRegions")
            .WithSummary("Searches units by name (q), level and code prefix (under); paginated.");
}
