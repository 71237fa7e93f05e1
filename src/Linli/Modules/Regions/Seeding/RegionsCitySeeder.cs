using Linli.Modules.Regions.Contracts;
using Linli.Modules.Regions.Data;
using Linli.Modules.Regions.Domain;
using Linli.Platform.Persistence;
using Linli.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Regions.Seeding;

/// <summary>
/// The regions part of the synthetic city: a centre point for every community (urban ones clustered around their
/// district's core, villages spread over the district) and the grids below each community.
/// </summary>
internal sealed class RegionsCitySeeder(RegionsDbContext db, IDistrictGeometry geometry) : ICitySeeder
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
        var grids = new List<object?[]>();
        foreach (var community in communities)
        {
            var random = SeedRandom.For(options.Seed, "regions", community.Code);
            var district = community.Code[..6];
            var urban = community.Kind == RegionKind.UrbanCommunity;
            var (lon, lat) = PlaceCommunity(random, district, urban);
            community.Longitude = lon;
            community.Latitude = lat;

            var households = CityProfile.FullScaleHouseholds(options.Seed, community.Code, urban, community.Kind == RegionKind.Village, urbanCount, villageCount);
            if (households == 0) continue;
            var gridCount = CityProfile.GridCount(households, urban);
            for (var g = 1; g <= gridCount; g++)
            {
                var (gLon, gLat) = Jitter(random, district, lon, lat, urban ? 0.004 : 0.01);
                grids.Add([$"{community.Code}{g:D3}", $"{community.Name}第{g}网格", (int)RegionLevel.Grid, (int)RegionKind.Grid, community.Code, gLon, gLat, true]);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        var written = await BulkWriter.WriteAsync<Region>(db,
            [nameof(Region.Code), nameof(Region.Name), nameof(Region.Level), nameof(Region.Kind), nameof(Region.ParentCode),
             nameof(Region.Longitude), nameof(Region.Latitude), nameof(Region.IsSynthetic)], grids, cancellationToken);
        progress.Report($"regions: {communities.Count} community centres placed, {written} grids created");
    }

    private (double, double) PlaceCommunity(Random random, string district, bool urban)
    {
        var (cLon, cLat) = geometry.CentreOf(district);
        var (minLon, minLat, maxLon, maxLat) = geometry.BoundsOf(district);
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
            if (geometry.Contains(district, lon, lat)) return (Math.Round(lon, 6), Math.Round(lat, 6));
        }
        return (cLon, cLat);
    }

    private (double, double) Jitter(Random random, string district, double lon, double lat, double radius)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var x = lon + (random.NextDouble() * 2 - 1) * radius;
            var y = lat + (random.NextDouble() * 2 - 1) * radius;
            if (geometry.Contains(district, x, y)) return (Math.Round(x, 6), Math.Round(y, 6));
        }
        return (lon, lat);
    }
}
