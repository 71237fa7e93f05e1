using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Workforce.Contracts;
using Linli.Modules.Workforce.Data;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Workforce;

[Collection("city2")]
public sealed class WorkerApiTests(CityFixture city)
{
    /// <summary>A village of 新民市, outside every fixture account's community.</summary>
    private const string Village = "210181001201";

    /// <summary>The seeded history ends on 2026-10-31, so every later day (today, the list's default) sees who served then.</summary>
    private static readonly DateOnly Today = new(2026, 10, 31);

    private Task<int> CountAsync(string prefix, WorkerRole? role = null, DateOnly? day = null) =>
        city.App.WithScopeAsync(sp => sp.GetRequiredService<WorkforceDbContext>().Workers
            .Where(w => w.HiredOn <= (day ?? Today) && (w.LeftOn == null || w.LeftOn > (day ?? Today)))
            .CountAsync(w => w.CommunityCode.StartsWith(prefix) && (role == null || w.Role == role)));

    private static async Task<JsonElement> GetAsync(HttpClient client, string query) =>
        await client.GetFromJsonAsync<JsonElement>("/api/workers" + query);

    private static long Total(JsonElement page) => page.GetProperty("total").GetInt64();

    private async Task<HttpClient> NewAccountAsync(string role, string? region = null, string? department = null)
    {
        var name = $"{role}.{Guid.NewGuid():N}"[..30];
        await city.App.CreateUserAsync(name, role, region, department);
        return await city.App.ClientForAsync(name);
    }

    [Fact]
    public async Task A_community_worker_sees_only_the_workers_of_their_own_community()
    {
        var client = await city.App.ClientForAsync("cw.a");
        var page = await GetAsync(client, "?pageSize=500");

        var expected = await CountAsync(CityFixture.CommunityA);
        Assert.True(expected > 0);
        Assert.Equal(expected, Total(page));
        Assert.All(page.GetProperty("items").EnumerateArray(), w => Assert.Equal(CityFixture.CommunityA, w.GetProperty("communityCode").GetString()));
        Assert.Equal(0, Total(await GetAsync(client, $"?region={CityFixture.CommunityB}")));
        Assert.Equal(0, Total(await GetAsync(client, "?region=2101&role=VillageCommitteeMember")));
    }

    [Fact]
    public async Task A_village_worker_sees_the_village_committee_and_no_one_else()
    {
        var client = await NewAccountAsync(Roles.CommunityWorker, Village);
        var page = await GetAsync(client, "?region=2101");

        var expected = await CountAsync(Village, WorkerRole.VillageCommitteeMember);
        Assert.InRange(expected, 3, 7);
        Assert.Equal(expected, Total(page));
        Assert.All(page.GetProperty("items").EnumerateArray(), w =>
        {
            Assert.Equal(Village, w.GetProperty("communityCode").GetString());
            Assert.Equal("VillageCommitteeMember", w.GetProperty("role").GetString());
        });
    }

    [Fact]
    public async Task Street_staff_see_their_street_and_the_supervisor_the_whole_city()
    {
        var street = await NewAccountAsync(Roles.StreetStaff, CityFixture.CommunityB[..9]);
        Assert.Equal(await CountAsync(CityFixture.CommunityB[..9]), Total(await GetAsync(street, "")));
        Assert.Equal(0, Total(await GetAsync(street, $"?region={CityFixture.CommunityA}")));

        var supervisor = await city.App.ClientForAsync("supervisor");
        // At the plan's baseline the city had 9,758 community workers and 9,378 village committee members.
        Assert.Equal(9758 + 9378, Total(await GetAsync(supervisor, "?asOf=2020-12-31&pageSize=1")));
        Assert.Equal(9378, Total(await GetAsync(supervisor, "?asOf=2020-12-31&role=VillageCommitteeMember&pageSize=1")));
        Assert.Equal(await CountAsync("2101"), Total(await GetAsync(supervisor, "?pageSize=1")));
        Assert.True(await CountAsync("2101") > 9758 + 9378, "The workforce grew after 2020.");
        Assert.Equal(await CountAsync("210102", WorkerRole.CommunityWorker), Total(await GetAsync(supervisor, "?region=210102&role=CommunityWorker")));
    }

    [Fact]
    public async Task Roles_that_may_not_read_people_get_403_even_with_a_city_wide_scope()
    {
        foreach (var user in new[] { "hotline", "dept.water", "resident" })
        {
            var response = await (await city.App.ClientForAsync(user)).GetAsync("/api/workers");
            Assert.True(response.StatusCode == System.Net.HttpStatusCode.Forbidden, $"{user}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task Pages_follow_each_other_without_overlap_and_show_names_but_no_contact_data()
    {
        var client = await city.App.ClientForAsync("district.heping");
        var first = await GetAsync(client, "?pageSize=20");
        var second = await GetAsync(client, "?pageSize=20&page=2");

        Assert.Equal(await CountAsync("210102"), Total(first));
        var items = first.GetProperty("items").EnumerateArray().Concat(second.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(40, items.Select(w => w.GetProperty("id").GetInt32()).Distinct().Count());
        var names = items[0].EnumerateObject().Select(p => p.Name).ToList();
        Assert.Contains("name", names);
        Assert.DoesNotContain(names, n => n.Contains("phone", StringComparison.OrdinalIgnoreCase) || n.Contains("idNumber", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task The_list_needs_a_signed_in_caller()
    {
        var response = await city.App.CreateClient().GetAsync("/api/workers");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task The_region_page_counts_workers_per_unit()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var community = await client.GetFromJsonAsync<JsonElement>($"/api/regions/{CityFixture.CommunityA}");
        var district = await client.GetFromJsonAsync<JsonElement>("/api/regions/210181");

        Assert.Equal(await CountAsync(CityFixture.CommunityA), community.GetProperty("counts").GetProperty("workers").GetInt64());
        var total = district.GetProperty("counts").GetProperty("workers").GetInt64();
        Assert.Equal(await CountAsync("210181"), total);
        Assert.Equal(total, district.GetProperty("children").EnumerateArray().Sum(c => c.GetProperty("counts").GetProperty("workers").GetInt64()));
    }
}
