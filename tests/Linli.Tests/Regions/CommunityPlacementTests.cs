using Linli.Modules.Regions.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Regions;

/// <summary>The synthetic city puts every community inside its district, urban ones clustered around the district's core.</summary>
[Collection("city2")]
public sealed class CommunityPlacementTests(CityFixture city)
{
    [Fact]
    public async Task Communities_lie_in_their_district_and_urban_ones_crowd_its_core_closer_than_villages()
    {
        var (communities, geometry) = await city.App.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<IRegionDirectory>().ListAsync(RegionLevel.Community), sp.GetRequiredService<IDistrictGeometry>()));

        Assert.All(communities, c =>
        {
            Assert.True(c.Longitude is not null && c.Latitude is not null, $"{c.Code} has no centre");
            Assert.True(geometry.Contains(c.Code[..6], c.Longitude!.Value, c.Latitude!.Value), $"{c.Code} lies outside district {c.Code[..6]}");
        });

        // Distance to the district's core, relative to the district's size, so big counties and small urban districts compare.
        double Spread(RegionInfo c)
        {
            var (lon, lat) = geometry.CentreOf(c.Code[..6]);
            var (minLon, minLat, maxLon, maxLat) = geometry.BoundsOf(c.Code[..6]);
            var size = Math.Max(maxLon - minLon, maxLat - minLat);
            return Math.Sqrt(Math.Pow(c.Longitude!.Value - lon, 2) + Math.Pow(c.Latitude!.Value - lat, 2)) / size;
        }
        var urban = communities.Where(c => c.Kind == RegionKind.UrbanCommunity).Select(Spread).Average();
        var villages = communities.Where(c => c.Kind == RegionKind.Village).Select(Spread).Average();
        Assert.True(urban < 0.6 * villages, $"urban communities {urban:F3} vs villages {villages:F3} of the district's size from its core");
    }
}
