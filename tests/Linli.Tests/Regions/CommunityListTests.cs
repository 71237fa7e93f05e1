using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Regions.Contracts;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Regions;

/// <summary>The map picker's list: the communities of a district or street, each with its street and its centre.</summary>
[Collection("city2")]
public sealed class CommunityListTests(CityFixture city)
{
    [Fact]
    public async Task A_district_lists_every_community_with_its_street_name_and_point()
    {
        var client = await city.App.ClientForAsync("resident");
        var response = await client.GetAsync("/api/regions/210102/communities");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(response.Headers.CacheControl?.Private, "region lists are cached by the browser only");
        var district = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("和平区", district.GetProperty("name").GetString());
        Assert.Equal("District", district.GetProperty("level").GetString());
        var streets = district.GetProperty("streets").EnumerateArray().ToDictionary(s => s.GetProperty("code").GetString()!, s => s.GetProperty("name").GetString()!);
        Assert.Contains(streets, s => s.Key == "210102001" && s.Value == "浑河湾街道");
        var expected = await city.App.WithScopeAsync(sp => sp.GetRequiredService<IRegionDirectory>().ListAsync(RegionLevel.Community, "210102"));
        var communities = district.GetProperty("communities").EnumerateArray().ToList();
        Assert.Equal(expected.Select(c => c.Code), communities.Select(c => c.GetProperty("code").GetString()));
        Assert.All(communities, c =>
        {
            var code = c.GetProperty("code").GetString()!;
            Assert.Equal(code[..9], c.GetProperty("streetCode").GetString());
            Assert.Equal(streets[code[..9]], c.GetProperty("streetName").GetString());
            var own = expected.Single(e => e.Code == code);
            Assert.Equal(own.Name, c.GetProperty("name").GetString());
            Assert.Equal(own.Longitude!.Value, c.GetProperty("longitude").GetDouble(), 6);
            Assert.Equal(own.Latitude!.Value, c.GetProperty("latitude").GetDouble(), 6);
        });
        var shuiyuandi = communities.Single(c => c.GetProperty("code").GetString() == CityFixture.CommunityA);
        Assert.Equal("水源地社区", shuiyuandi.GetProperty("name").GetString());
        Assert.Equal("UrbanCommunity", shuiyuandi.GetProperty("kind").GetString());
    }

    [Fact]
    public async Task A_street_lists_only_its_own_communities()
    {
        var client = await city.App.ClientForAsync("hotline");
        var street = await (await client.GetAsync($"/api/regions/{CityFixture.CommunityA[..9]}/communities")).Json(HttpStatusCode.OK);
        Assert.Equal("浑河湾街道", street.GetProperty("name").GetString());
        Assert.Equal([CityFixture.CommunityA[..9]], street.GetProperty("streets").EnumerateArray().Select(s => s.GetProperty("code").GetString()!).ToArray());
        var codes = street.GetProperty("communities").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToList();
        Assert.Contains(CityFixture.CommunityA, codes);
        Assert.All(codes, c => Assert.StartsWith(CityFixture.CommunityA[..9], c));
        Assert.DoesNotContain(CityFixture.CommunityB, codes);
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("210102999")]
    [InlineData("210102001002")]
    [InlineData("2101")]
    [InlineData("21010x")]
    public async Task A_code_that_is_no_district_or_street_is_a_404_problem(string code)
    {
        var client = await city.App.ClientForAsync("resident");
        var response = await client.GetAsync($"/api/regions/{code}/communities");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(404, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task The_list_needs_a_signed_in_caller()
    {
        var response = await city.App.CreateClient().GetAsync("/api/regions/210102/communities");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }
}
