using Linli.Modules.Facilities.Contracts;
using Linli.Modules.Facilities.Data;
using Linli.Modules.Facilities.Domain;
using Linli.Modules.Regions.Contracts;
using Linli.Platform.Persistence;
using Linli.Platform.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.Seeding;

/// <summary>
/// The facilities part of the synthetic city: one party-mass service centre (党群服务中心, the comprehensive service
/// facility) in every urban community and village of the imported tree (virtual units get none).
/// <para>
/// Floor areas: the plan's 2020 averages are 682 m² (urban) and 370 m² (rural). Each community draws from its own stream
/// <c>SeedRandom.For(seed, "facilities", code)</c> a normal area around the mean (sd 20 %, a little larger where the
/// community has more full-scale households, never below a plausible minimum); the sample of each kind is then re-centred
/// so its mean is the plan's, at any seed. The point lies near the community centre the regions seeder placed, inside the
/// district's polygon. Nothing here depends on the scale, and the same seed gives the same facilities.
/// </para>
/// </summary>
internal sealed class FacilitiesCitySeeder(FacilitiesDbContext db, IRegionDirectory regions, IDistrictGeometry geometry) : ICitySeeder
{
    public const double UrbanMeanArea = 682;
    public const double RuralMeanArea = 370;

    public int Order => 40;
    public string Name => "facilities (party-mass service centres)";

    public Task<bool> HasDataAsync(CancellationToken cancellationToken) =>
        db.Facilities.AnyAsync(f => f.IsSynthetic, cancellationToken);

    private sealed record Draft(RegionInfo Community, bool Urban, double Area, double Longitude, double Latitude, double Hours);

    public async Task SeedAsync(CitySeedOptions options, IProgress<string> progress, CancellationToken cancellationToken)
    {
        var communities = (await regions.ListAsync(RegionLevel.Community, cancellationToken: cancellationToken))
            .Where(c => c.Kind is RegionKind.UrbanCommunity or RegionKind.Village)
            .ToList();
        var urbanCount = communities.Count(c => c.Kind == RegionKind.UrbanCommunity);
        var villageCount = communities.Count - urbanCount;
        var households = communities.ToDictionary(c => c.Code, c => (double)CityProfile.FullScaleHouseholds(options.Seed, c.Code,
            c.Kind == RegionKind.UrbanCommunity, c.Kind == RegionKind.Village, urbanCount, villageCount));

        var drafts = new List<Draft>(communities.Count);
        foreach (var group in communities.GroupBy(c => c.Kind == RegionKind.UrbanCommunity))
        {
            var urban = group.Key;
            var mean = urban ? UrbanMeanArea : RuralMeanArea;
            var meanHouseholds = group.Average(c => households[c.Code]);
            var draws = group.Select(c =>
            {
                var random = SeedRandom.For(options.Seed, "facilities", c.Code);
                var size = Math.Pow(households[c.Code] / meanHouseholds, 0.3);
                var area = Math.Max(mean * 0.35, mean * size * (1 + 0.2 * Math.Clamp(random.NextGaussian(), -2.5, 2.5)));
                var (lon, lat) = Place(random, c, urban);
                // The standard asks for 8 hours a day; a few centres fall short, so the indicator has something to find.
                var hours = random.NextDouble() < (urban ? 0.02 : 0.06) ? 7 : 8 + 0.5 * random.Next(urban ? 9 : 5);
                return new Draft(c, urban, area, lon, lat, hours);
            }).ToList();
            var recentre = mean / draws.Average(d => d.Area);
            drafts.AddRange(draws.Select(d => d with { Area = Math.Round(d.Area * recentre, 1) }));
        }

        var written = await BulkWriter.WriteAsync<Facility>(db,
            [nameof(Facility.Name), nameof(Facility.Type), nameof(Facility.CommunityCode), nameof(Facility.FloorArea),
             nameof(Facility.Longitude), nameof(Facility.Latitude), nameof(Facility.OpeningHoursPerDay), nameof(Facility.IsSynthetic)],
            drafts.OrderBy(d => d.Community.Code, StringComparer.Ordinal).Select(d => new object?[]
            {
                $"样例{d.Community.Name}党群服务中心（测）", (int)FacilityType.PartyMassServiceCentre, d.Community.Code, d.Area,
                d.Longitude, d.Latitude, d.Hours, true,
            }), cancellationToken);
        progress.Report($"facilities: {written} party-mass service centres ({urbanCount} urban, {villageCount} rural)");
    }

    /// <summary>A point a few hundred metres from the community centre, inside the district; the centre itself otherwise.</summary>
    private (double, double) Place(Random random, RegionInfo community, bool urban)
    {
        var district = community.Code[..6];
        var (lon, lat) = community is { Longitude: { } x, Latitude: { } y } ? (x, y) : geometry.CentreOf(district);
        var radius = urban ? 0.003 : 0.006;
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var pLon = lon + (random.NextDouble() * 2 - 1) * radius;
            var pLat = lat + (random.NextDouble() * 2 - 1) * radius;
            if (geometry.Contains(district, pLon, pLat)) return (Math.Round(pLon, 6), Math.Round(pLat, 6));
        }
        return (lon, lat);
    }
}
