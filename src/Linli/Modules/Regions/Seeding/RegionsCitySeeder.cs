using Linli.Modules.Regions.Contracts;
using Linli.Modules.Regions.Data;
using Linli.Modules.Regions.Domain;
using Linli.Platform.Geography;
using Linli.Platform.Persistence;
using Linli.Platform.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Hybrid;

namespace Linli.Modules.Regions.Seeding;

/// <summary>
/// The regions part of the synthetic city: a centre point for every community (urban ones clustered around their
/// district's core, villages spread over the district, no two closer than <see cref="CommunitySpacing.MinimumGapMeters"/>)
/// and the grids below each community, each nearer to its own community's centre than to any other (<see cref="CommunitySpacing"/>).
/// </summary>
internal sealed class RegionsCitySeeder(RegionsDbContext db, IDistrictGeometry geometry, HybridCache cache) : ICitySeeder
{
    public int Order => 10;
    public string Name => "regions (community centres, grids)";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) =>
        db.Regions.AnyAsync(r => r.Level == RegionLevel.Grid, cancellationToken);

    public async Task SeedAsync(CitySeedOptions options, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var communities = await db.Regions.Where(r => r.Level == RegionLevel.Community).OrderBy(r => r.Code).ToListAsync(cancellationToken);
        var urbanCount = communities.Count(c => c.Kind == RegionKind.UrbanCommunity);
        var villageCount = communities.Count(c => c.Kind == RegionKind.Village);
        if (communities.Count == 0) return;

        // First every centre (kept apart by CommunitySpacing.MinimumGapMeters), then the grids, which need to know how
        // close each community's nearest neighbour came to lie.
        var placed = new PointIndex<string>(geometry.CentreOf(communities[0].Code[..6]).Latitude);
        var streams = new Random[communities.Count];
        for (var i = 0; i < communities.Count; i++)
        {
            var community = communities[i];
            var random = streams[i] = SeedRandom.For(options.Seed, "regions", community.Code);
            var (lon, lat) = PlaceCommunity(random, community.Code[..6], community.Kind == RegionKind.UrbanCommunity, placed);
            community.Longitude = lon;
            community.Latitude = lat;
            placed.Add(lon, lat, community.Code);
        }
        var spacing = CommunitySpacing.Of(communities.Select(c => (c.Code, c.Longitude!.Value, c.Latitude!.Value)).ToList());

        var grids = new List<object?[]>();
        for (var i = 0; i < communities.Count; i++)
        {
            var (community, random) = (communities[i], streams[i]);
            var urban = community.Kind == RegionKind.UrbanCommunity;
            var households = CityProfile.FullScaleHouseholds(options.Seed, community.Code, urban, community.Kind == RegionKind.Village, urbanCount, villageCount);
            if (households == 0) continue;
            var gridCount = CityProfile.GridCount(households, urban);
            // Grid centres take the inner half of the community's reach; its households the other half around their grid.
            var reach = spacing.ReachOf(community.Code) / 2;
            for (var g = 1; g <= gridCount; g++)
            {
                var (gLon, gLat) = Scatter(random, community, urban ? 250 : 600, reach);
                grids.Add([$"{community.Code}{g:D3}", $"{community.Name}第{g}网格", (int)RegionLevel.Grid, (int)RegionKind.Grid, community.Code, gLon, gLat, true]);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        var written = await BulkWriter.WriteAsync<Region>(db,
            [nameof(Region.Code), nameof(Region.Name), nameof(Region.Level), nameof(Region.Kind), nameof(Region.ParentCode),
             nameof(Region.Longitude), nameof(Region.Latitude), nameof(Region.IsSynthetic)], grids, cancellationToken);
        await cache.RemoveByTagAsync(RegionCache.Tag, cancellationToken);
        progress.Report($"regions: {communities.Count} community centres placed, {written} grids created");
    }

    private (double, double) PlaceCommunity(Random random, string district, bool urban, PointIndex<string> placed)
    {
        var (cLon, cLat) = geometry.CentreOf(district);
        var (minLon, minLat, maxLon, maxLat) = geometry.BoundsOf(district);
        (double, double)? crowded = null;
        for (var attempt = 0; attempt < 200; attempt++)
        {
            double lon, lat;
            if (urban)
            {
                // Urban communities crowd the district's core: a normal spread of about a tenth of the district's width.
                var sigma = Math.Min(maxLon - minLon, maxLat - minLat) * 0.12;
                lon = cLon + random.NextGaussian() * sigma;
                lat = cLat + random.NextGaussian() * sigma;
            }
            else
            {
                lon = minLon + random.NextDouble() * (maxLon - minLon);
                lat = minLat + random.NextDouble() * (maxLat - minLat);
            }
            if (!geometry.Contains(district, lon, lat)) continue;
            var point = (Math.Round(lon, 6), Math.Round(lat, 6));
            if (placed.Nearest(point.Item1, point.Item2) is { Meters: < CommunitySpacing.MinimumGapMeters }) { crowded ??= point; continue; }
            return point;
        }
        return crowded ?? (cLon, cLat);
    }

    private (double, double) Scatter(Random random, Region community, double sigmaMeters, double maxMeters)
    {
        var (lon, lat) = (community.Longitude!.Value, community.Latitude!.Value);
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var (x, y) = CommunitySpacing.Scatter(random, lon, lat, sigmaMeters, maxMeters);
            if (geometry.Contains(community.Code[..6], x, y)) return (Math.Round(x, 6), Math.Round(y, 6));
        }
        return (lon, lat);
    }
}
