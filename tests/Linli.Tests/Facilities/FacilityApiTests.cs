using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Facilities.Data;
using Linli.Modules.Regions.Contracts;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Facilities;

[Collection("city")]
public sealed class FacilityApiTests(CityFixture city)
{
    private Task<int> CountAsync(string prefix) =>
        city.App.WithScopeAsync(sp => sp.GetRequiredService<FacilitiesDbContext>().Facilities
            .CountAsync(f => f.CommunityCode.StartsWith(prefix) && f.ClosedOn == null));

    [Fact]
    public async Task A_community_lists_its_one_centre_with_area_point_and_hours()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var page = await client.GetFromJsonAsync<JsonElement>($"/api/facilities?region={CityFixture.CommunityA}&type=PartyMassServiceCentre");

        Assert.Equal(1, page.GetProperty("total").GetInt64());
        var centre = page.GetProperty("items")[0];
        Assert.Equal(CityFixture.CommunityA, centre.GetProperty("communityCode").GetString());
        Assert.Equal("PartyMassServiceCentre", centre.GetProperty("type").GetString());
        Assert.True(centre.GetProperty("floorArea").GetDouble() > 100);
        Assert.True(centre.GetProperty("openingHoursPerDay").GetDouble() >= 6);
        Assert.InRange(centre.GetProperty("longitude").GetDouble(), 122, 124);
        Assert.InRange(centre.GetProperty("latitude").GetDouble(), 41, 43.5);
        Assert.True(centre.GetProperty("isSynthetic").GetBoolean());
        Assert.True(centre.GetProperty("serviceArea").GetDouble() < centre.GetProperty("floorArea").GetDouble());
        Assert.True(DateOnly.Parse(centre.GetProperty("openedOn").GetString()!) < new DateOnly(2026, 11, 1));
        Assert.Equal(JsonValueKind.Null, centre.GetProperty("closedOn").ValueKind);
    }

    [Fact]
    public async Task Closed_records_are_listed_only_when_asked_for()
    {
        var closed = await city.App.WithScopeAsync(sp => sp.GetRequiredService<FacilitiesDbContext>().Facilities
            .Where(f => f.ClosedOn != null && f.CommunityCode.StartsWith("210102")).Select(f => f.CommunityCode).FirstAsync());
        var client = await city.App.ClientForAsync("supervisor");

        var serving = await client.GetFromJsonAsync<JsonElement>($"/api/facilities?region={closed}&pageSize=100");
        var history = await client.GetFromJsonAsync<JsonElement>($"/api/facilities?region={closed}&includeClosed=true&pageSize=100");

        Assert.All(serving.GetProperty("items").EnumerateArray(), f => Assert.Equal(JsonValueKind.Null, f.GetProperty("closedOn").ValueKind));
        Assert.Contains(history.GetProperty("items").EnumerateArray(), f => f.GetProperty("closedOn").ValueKind == JsonValueKind.String);
        Assert.True(history.GetProperty("total").GetInt64() > serving.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task A_district_lists_one_centre_per_urban_community_and_village_page_by_page()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var communities = await city.App.WithScopeAsync(sp => sp.GetRequiredService<IRegionDirectory>().ListAsync(RegionLevel.Community, "210112"));
        var expected = communities.Count(c => c.Kind is RegionKind.UrbanCommunity or RegionKind.Village);

        var codes = new List<string>();
        for (var page = 1; ; page++)
        {
            var body = await client.GetFromJsonAsync<JsonElement>($"/api/facilities?region=210112&type=PartyMassServiceCentre&pageSize=40&page={page}");
            Assert.Equal(expected, body.GetProperty("total").GetInt64());
            var items = body.GetProperty("items").EnumerateArray().Select(f => f.GetProperty("communityCode").GetString()!).ToList();
            if (items.Count == 0) break;
            Assert.True(items.Count <= 40);
            codes.AddRange(items);
        }
        Assert.Equal(expected, codes.Count);
        Assert.Equal(expected, codes.Distinct().Count());
        Assert.All(codes, c => Assert.StartsWith("210112", c));
    }

    [Fact]
    public async Task Every_type_of_the_plan_is_seeded_somewhere()
    {
        var client = await city.App.ClientForAsync("supervisor");
        foreach (var type in Enum.GetValues<Linli.Modules.Facilities.Contracts.FacilityType>())
        {
            var page = await client.GetFromJsonAsync<JsonElement>($"/api/facilities?type={type}&pageSize=1");
            Assert.True(page.GetProperty("total").GetInt64() > 0, type.ToString());
        }
    }

    [Fact]
    public async Task An_unknown_type_is_a_400_problem()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var response = await client.GetAsync("/api/facilities?type=Castle");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_list_needs_a_signed_in_caller()
    {
        var response = await city.App.CreateClient().GetAsync("/api/facilities");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_region_page_counts_facilities_per_unit()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var community = await client.GetFromJsonAsync<JsonElement>($"/api/regions/{CityFixture.CommunityA}");
        var cityPage = await client.GetFromJsonAsync<JsonElement>("/api/regions/2101");

        Assert.Equal(await CountAsync(CityFixture.CommunityA), community.GetProperty("counts").GetProperty("facilities").GetInt64());
        Assert.True(await CountAsync(CityFixture.CommunityA) >= 1);
        var total = cityPage.GetProperty("counts").GetProperty("facilities").GetInt64();
        Assert.Equal(await CountAsync(""), total);
        Assert.Equal(total, cityPage.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("counts").GetProperty("facilities").GetInt64()));
    }
}
