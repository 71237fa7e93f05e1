using System.ComponentModel;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Regions.Data;
using Linli.Modules.Regions.Domain;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Regions.Features.ListCommunities;

internal sealed record StreetOfCommunities(string Code, string Name);

/// <summary>A community with its street and its centre (null until placed), as the map picker shows it.</summary>
internal sealed record CommunityPoint(string Code, string Name, RegionKind Kind, string StreetCode, string StreetName, double? Longitude, double? Latitude);

[ImmutableObject(true)]
internal sealed record CommunitiesOfArea(string Code, string Name, RegionLevel Level, IReadOnlyList<StreetOfCommunities> Streets, IReadOnlyList<CommunityPoint> Communities);

/// <summary>
/// The communities of one district or street with their streets and points: what the map picker draws and searches.
/// A district has a few hundred at most, so the answer is one list (like the boundaries), read from the cache.
/// </summary>
internal static class ListCommunitiesEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/{code}/communities", async Task<Results<Ok<CommunitiesOfArea>, ProblemHttpResult>> (string code, RegionsDbContext db, HybridCache cache, HttpContext http,
                IStringLocalizer<SharedResource> text, CancellationToken ct) =>
            {
                if (code.Length is not (6 or 9) || !code.All(char.IsAsciiDigit))
                    return TypedResults.Problem(statusCode: 404, title: text["未找到。"], detail: text["{0} 不是区县或街道的代码。", code]);
                var area = await cache.GetOrCreateAsync($"regions:communities:{code}", (db, code), static async (state, token) => await ReadAsync(state.db, state.code, token),
                    RegionCache.Keep, [RegionCache.Tag], ct);
                if (area is null)
                    return TypedResults.Problem(statusCode: 404, title: text["未找到。"], detail: text["没有代码为 {0} 的区县或街道。", code]);
                http.Response.Headers.CacheControl = "private, max-age=300";
                return TypedResults.Ok(area);
            })
            .WithName("ListCommunities")
            .WithSummary("The communities of a district or street (code, name, street, point), for the map picker.");

    private static async Task<CommunitiesOfArea?> ReadAsync(RegionsDbContext db, string code, CancellationToken ct)
    {
        var level = code.Length == 6 ? RegionLevel.District : RegionLevel.Street;
        var area = await db.Regions.AsNoTracking().Where(r => r.Code == code && r.Level == level).Select(r => new { r.Code, r.Name }).FirstOrDefaultAsync(ct);
        if (area is null) return null;
        var streets = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Street && r.Code.StartsWith(code)).OrderBy(r => r.Code)
            .Select(r => new StreetOfCommunities(r.Code, r.Name)).ToListAsync(ct);
        var names = streets.ToDictionary(s => s.Code, s => s.Name);
        var communities = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.Community && r.Code.StartsWith(code)).OrderBy(r => r.Code)
            .Select(r => new { r.Code, r.Name, r.Kind, r.Longitude, r.Latitude }).ToListAsync(ct);
        return new CommunitiesOfArea(area.Code, area.Name, level, streets,
            communities.Select(c => new CommunityPoint(c.Code, c.Name, c.Kind, c.Code[..9], names.GetValueOrDefault(c.Code[..9], ""), c.Longitude, c.Latitude)).ToList());
    }
}
