using Linli.Modules.Regions.Contracts;
using Linli.Modules.Regions.Data;
using Linli.Modules.Regions.Domain;
using Linli.Platform.Localization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Regions.Features.GetRegion;

internal sealed record RegionRef(string Code, string Name, RegionLevel Level);

internal sealed record RegionChild(string Code, string Name, RegionLevel Level, RegionKind Kind, IReadOnlyDictionary<string, long> Counts);

internal sealed record RegionDetails(
    string Code, string Name, RegionLevel Level, RegionKind Kind, RegionRef? Parent,
    IReadOnlyList<RegionRef> Breadcrumbs, double? Longitude, double? Latitude,
    IReadOnlyDictionary<string, long> Counts, IReadOnlyList<RegionChild> Children);

/// <summary>Builds a unit's page: itself, its ancestors, its children and every registered count.</summary>
internal sealed class RegionDetailsQuery(RegionsDbContext db, IEnumerable<IRegionCounter> counters)
{
    // The code lengths of city, district, street and community: a unit's ancestors are the prefixes of its code.
    private static readonly int[] AncestorLengths = [4, 6, 9, 12];

    public async Task<RegionDetails?> GetAsync(string code, CancellationToken cancellationToken)
    {
        if (Region.LevelOfCode(code) is null || !code.All(char.IsAsciiDigit)) return null;
        var region = await db.Regions.AsNoTracking().FirstOrDefaultAsync(r => r.Code == code, cancellationToken);
        if (region is null) return null;

        var ancestorCodes = AncestorLengths.Where(n => n < code.Length).Select(n => code[..n]).ToList();
        var ancestors = await db.Regions.AsNoTracking().Where(r => ancestorCodes.Contains(r.Code)).OrderBy(r => r.Code)
            .Select(r => new RegionRef(r.Code, r.Name, r.Level)).ToListAsync(cancellationToken);
        var children = await db.Regions.AsNoTracking().Where(r => r.ParentCode == code).OrderBy(r => r.Code).ToListAsync(cancellationToken);

        var own = new Dictionary<string, long>();
        var perChild = children.ToDictionary(c => c.Code, _ => new Dictionary<string, long>());
        foreach (var counter in counters)
        {
            var total = await counter.CountAsync(code, code.Length, cancellationToken);
            own[counter.Name] = total.GetValueOrDefault(code);
            if (children.Count == 0) continue;
            var byChild = await counter.CountAsync(code, children[0].Code.Length, cancellationToken);
            foreach (var child in children) perChild[child.Code][counter.Name] = byChild.GetValueOrDefault(child.Code);
        }
        var parent = ancestors.LastOrDefault();
        return new RegionDetails(region.Code, region.Name, region.Level, region.Kind, parent, ancestors, region.Longitude, region.Latitude, own,
            children.Select(c => new RegionChild(c.Code, c.Name, c.Level, c.Kind, perChild[c.Code])).ToList());
    }
}

internal static class GetRegionEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/{code}", async Task<Results<Ok<RegionDetails>, ProblemHttpResult>> (string code, RegionDetailsQuery query, IStringLocalizer<SharedResource> text, CancellationToken ct) =>
                await query.GetAsync(code, ct) is { } details
                    ? TypedResults.Ok(details)
                    : TypedResults.Problem(statusCode: 404, title: text["未找到。"], detail: text["没有代码为 {0} 的行政区划。", code]))
            .WithName("GetRegion")
            .WithSummary("A region unit with its ancestors, children and counts.");
}
