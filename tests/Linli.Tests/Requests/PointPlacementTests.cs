using Linli.Modules.Regions.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests;

/// <summary>A ticket filed by a point lands in the community whose centre is nearest, as the map picker chooses.</summary>
[Collection("city")]
public sealed class PointPlacementTests(CityFixture city)
{
    [Fact]
    public async Task A_point_beside_a_community_centre_is_placed_in_that_community_and_one_of_its_grids()
    {
        var communities = await city.App.WithScopeAsync(async sp =>
        {
            var regions = sp.GetRequiredService<IRegionDirectory>();
            var grids = (await regions.ListAsync(RegionLevel.Grid, "210102")).Select(g => g.Code[..12]).ToHashSet();
            return (await regions.ListAsync(RegionLevel.Community, "210102")).Where(c => grids.Contains(c.Code)).Take(12).ToList();
        });
        Assert.Equal(12, communities.Count);
        var category = await RequestsApi.NewLeafAsync(city.App);
        var hotline = await city.App.ClientForAsync("hotline");
        foreach (var community in communities)
        {
            // About 10 m north-east of the centre: nearer to it than to any other centre (they are at least 80 m apart).
            var ticket = await hotline.FileAsync(category, lon: community.Longitude!.Value + 0.0001, lat: community.Latitude!.Value + 0.00005);
            Assert.Equal(community.Code, ticket.GetProperty("communityCode").GetString());
            Assert.StartsWith(community.Code, ticket.GetProperty("gridCode").GetString());
        }
    }
}
