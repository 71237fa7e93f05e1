using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Organizations.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Organizations;

[Collection("city")]
public sealed class OrganizationApiTests(CityFixture city)
{
    private Task<int> CountAsync(string prefix, SocialOrganizationKind? kind = null) =>
        city.App.WithScopeAsync(sp => sp.GetRequiredService<OrganizationsDbContext>().SocialOrganizations
            .CountAsync(o => o.CommunityCode.StartsWith(prefix) && (kind == null || o.Kind == kind)));

    [Fact]
    public async Task Departments_come_page_by_page_in_code_order_to_any_signed_in_caller()
    {
        var client = await city.App.ClientForAsync("dept.water");
        var first = await client.GetFromJsonAsync<JsonElement>("/api/departments?pageSize=10");
        var second = await client.GetFromJsonAsync<JsonElement>("/api/departments?pageSize=10&page=2");

        var catalogue = Linli.Modules.Organizations.Domain.Department.Catalogue.Count;
        Assert.Equal(catalogue, first.GetProperty("total").GetInt64());
        Assert.Equal((catalogue + 9) / 10, first.GetProperty("pageCount").GetInt32());
        var departments = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        var codes = departments.Select(d => d.GetProperty("code").GetString()!).ToList();
        Assert.Equal(Math.Min(catalogue, 20), codes.Count);
        Assert.Equal(codes.Order(StringComparer.Ordinal), codes);
        var water = departments.Single(d => d.GetProperty("code").GetString() == "water");
        Assert.Equal("市水务局", water.GetProperty("name").GetString());
        Assert.Equal("Government", water.GetProperty("kind").GetString());
        Assert.True(water.GetProperty("isActive").GetBoolean());
    }

    [Fact]
    public async Task Organizations_are_filtered_by_region_prefix_and_kind()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var page = await client.GetFromJsonAsync<JsonElement>("/api/organizations?region=210102&kind=Charity&pageSize=500");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(await CountAsync("210102", SocialOrganizationKind.Charity), page.GetProperty("total").GetInt64());
        Assert.NotEmpty(items);
        Assert.All(items, o =>
        {
            Assert.StartsWith("210102", o.GetProperty("communityCode").GetString());
            Assert.Equal("Charity", o.GetProperty("kind").GetString());
            Assert.True(o.GetProperty("isSynthetic").GetBoolean());
            Assert.Matches("^样例.+（测）$", o.GetProperty("name").GetString());
        });
    }

    [Fact]
    public async Task The_list_is_paginated_without_overlap()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var first = await client.GetFromJsonAsync<JsonElement>("/api/organizations?pageSize=50");
        var second = await client.GetFromJsonAsync<JsonElement>("/api/organizations?pageSize=50&page=2");

        Assert.Equal(await CountAsync(""), first.GetProperty("total").GetInt64());
        var ids = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray())
            .Select(o => o.GetProperty("id").GetInt32()).ToList();
        Assert.Equal(100, ids.Distinct().Count());
    }

    [Theory]
    [InlineData("/api/departments")]
    [InlineData("/api/organizations")]
    public async Task The_lists_need_a_signed_in_caller(string path)
    {
        var response = await city.App.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    // The region page counts the organizations active today; dissolved ones are history.
    private Task<int> ActiveCountAsync(string prefix)
    {
        var today = DateOnly.FromDateTime(DateTime.Now);
        return city.App.WithScopeAsync(sp => sp.GetRequiredService<OrganizationsDbContext>().SocialOrganizations
            .CountAsync(o => o.CommunityCode.StartsWith(prefix) && o.RegisteredOn <= today && (o.DissolvedOn == null || o.DissolvedOn > today)));
    }

    [Fact]
    public async Task The_region_page_counts_social_organizations_active_today_per_unit()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var community = await client.GetFromJsonAsync<JsonElement>($"/api/regions/{CityFixture.CommunityA}");
        var district = await client.GetFromJsonAsync<JsonElement>("/api/regions/210102");

        Assert.Equal(await ActiveCountAsync(CityFixture.CommunityA), community.GetProperty("counts").GetProperty("socialOrganizations").GetInt64());
        var total = district.GetProperty("counts").GetProperty("socialOrganizations").GetInt64();
        Assert.Equal(await ActiveCountAsync("210102"), total);
        Assert.True(total < await CountAsync("210102"), "the seeded city has dissolved organizations in 和平区, left out of the count");
        Assert.Equal(total, district.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("counts").GetProperty("socialOrganizations").GetInt64()));
    }
}
