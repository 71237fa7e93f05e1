using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Regions;

[Collection("city")]
public sealed class RegionApiTests(CityFixture city)
{
    [Fact]
    public async Task The_city_lists_its_13_districts_with_counts_that_add_up()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var city2101 = await client.GetFromJsonAsync<JsonElement>("/api/regions/2101");

        Assert.Equal("沈阳市", city2101.GetProperty("name").GetString());
        var children = city2101.GetProperty("children").EnumerateArray().ToList();
        Assert.Equal(13, children.Count);
        var grids = city2101.GetProperty("counts").GetProperty("grids").GetInt64();
        Assert.True(grids > 2703, $"every community with households has at least one grid, found {grids}");
        Assert.Equal(grids, children.Sum(c => c.GetProperty("counts").GetProperty("grids").GetInt64()));
    }

    [Fact]
    public async Task A_community_shows_its_ancestors_and_grids_as_children()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var community = await client.GetFromJsonAsync<JsonElement>($"/api/regions/{CityFixture.CommunityA}");

        Assert.Equal("Community", community.GetProperty("level").GetString());
        Assert.Equal(["2101", "210102", "210102001"],
            community.GetProperty("breadcrumbs").EnumerateArray().Select(b => b.GetProperty("code").GetString()!).ToArray());
        var grids = community.GetProperty("children").EnumerateArray().ToList();
        Assert.NotEmpty(grids);
        Assert.All(grids, g =>
        {
            Assert.Equal("Grid", g.GetProperty("level").GetString());
            Assert.Matches($"^{CityFixture.CommunityA}\\d{{3}}$", g.GetProperty("code").GetString());
        });
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("21010")]
    [InlineData("abc")]
    public async Task An_unknown_code_is_a_404_problem(string code)
    {
        var client = await city.App.ClientForAsync("supervisor");
        var response = await client.GetAsync($"/api/regions/{code}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(404, problem.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Search_by_name_is_paginated()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/regions?q=社区&pageSize=10&page=2");
        Assert.Equal(10, page.GetProperty("items").GetArrayLength());
        Assert.Equal(2, page.GetProperty("page").GetInt32());
        Assert.True(page.GetProperty("total").GetInt64() > 1000);
        Assert.All(page.GetProperty("items").EnumerateArray(), i => Assert.Contains("社区", i.GetProperty("name").GetString()));

        var heping = await client.GetFromJsonAsync<JsonElement>("/api/regions?q=和平");
        Assert.Contains(heping.GetProperty("items").EnumerateArray(), i => i.GetProperty("code").GetString() == "210102");
    }

    [Fact]
    public async Task The_api_needs_a_signed_in_caller()
    {
        var response = await city.App.CreateClient().GetAsync("/api/regions/2101");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Boundaries_come_as_geojson_with_13_districts()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var geo = await client.GetFromJsonAsync<JsonElement>("/api/regions/boundaries.geojson");
        Assert.Equal("FeatureCollection", geo.GetProperty("type").GetString());
        Assert.Equal(13, geo.GetProperty("features").GetArrayLength());
    }
}
