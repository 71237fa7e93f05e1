using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using static Linli.Tests.Residents.ResidentTestData;

namespace Linli.Tests.Residents;

/// <summary>The caller's area is applied in one place (the DbContext's query filter): outside it, people do not exist.</summary>
[Collection("city2")]
public sealed class ResidentScopeTests(CityFixture city)
{
    private async Task<(long A, long HouseholdA, long B, long HouseholdB)> OneResidentInEachCommunityAsync()
    {
        var a = await CreateAsync(await city.App.ClientForAsync("cw.a"), CityFixture.CommunityA, NewIdNumber());
        var b = await CreateAsync(await city.App.ClientForAsync("cw.b"), CityFixture.CommunityB, NewIdNumber());
        var district = await city.App.ClientForAsync("district.heping");
        var householdA = (await district.GetFromJsonAsync<JsonElement>($"/api/residents/{a}")).GetProperty("household").GetProperty("id").GetInt64();
        var householdB = (await district.GetFromJsonAsync<JsonElement>($"/api/residents/{b}")).GetProperty("household").GetProperty("id").GetInt64();
        return (a, householdA, b, householdB);
    }

    [Fact]
    public async Task A_community_worker_gets_404_for_a_resident_of_another_community_as_for_an_unknown_one()
    {
        var (a, householdA, b, householdB) = await OneResidentInEachCommunityAsync();
        var cwA = await city.App.ClientForAsync("cw.a");

        Assert.Equal(HttpStatusCode.OK, (await cwA.GetAsync($"/api/residents/{a}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await cwA.GetAsync($"/api/residents/households/{householdA}")).StatusCode);
        var other = await cwA.GetAsync($"/api/residents/{b}");
        var unknown = await cwA.GetAsync("/api/residents/987654321");
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cwA.GetAsync($"/api/residents/households/{householdB}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cwA.GetAsync($"/residents/{b}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await cwA.GetAsync($"/residents/households/{householdB}")).StatusCode);
        var reveal = await cwA.PostAsJsonAsync($"/api/residents/{b}/reveal", new { field = "idNumber", reason = "越权测试" });
        Assert.Equal(HttpStatusCode.NotFound, reveal.StatusCode);
    }

    [Fact]
    public async Task A_community_worker_searches_only_their_own_community()
    {
        var (_, _, b, _) = await OneResidentInEachCommunityAsync();
        var cwA = await city.App.ClientForAsync("cw.a");

        var all = await cwA.GetFromJsonAsync<JsonElement>("/api/residents?pageSize=500");
        Assert.True(all.GetProperty("total").GetInt64() > 0);
        Assert.All(all.GetProperty("items").EnumerateArray(), i => Assert.Equal(CityFixture.CommunityA, i.GetProperty("communityCode").GetString()));
        Assert.DoesNotContain(all.GetProperty("items").EnumerateArray(), i => i.GetProperty("id").GetInt64() == b);

        var inB = await cwA.GetFromJsonAsync<JsonElement>($"/api/residents?communityCode={CityFixture.CommunityB}");
        Assert.Equal(0, inB.GetProperty("total").GetInt64());
        var households = await cwA.GetFromJsonAsync<JsonElement>($"/api/residents/households?communityCode={CityFixture.CommunityB}");
        Assert.Equal(0, households.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task District_staff_see_both_communities_and_street_staff_only_their_street()
    {
        var (a, householdA, b, householdB) = await OneResidentInEachCommunityAsync();
        var district = await city.App.ClientForAsync("district.heping");
        foreach (var url in new[] { $"/api/residents/{a}", $"/api/residents/{b}", $"/api/residents/households/{householdA}", $"/api/residents/households/{householdB}" })
            Assert.Equal(HttpStatusCode.OK, (await district.GetAsync(url)).StatusCode);
        var both = await district.GetFromJsonAsync<JsonElement>("/api/residents?communityCode=210102&pageSize=500");
        Assert.Contains(both.GetProperty("items").EnumerateArray(), i => i.GetProperty("communityCode").GetString() == CityFixture.CommunityA);
        Assert.Contains(both.GetProperty("items").EnumerateArray(), i => i.GetProperty("communityCode").GetString() == CityFixture.CommunityB);

        var street = await city.App.ClientForAsync("street.a"); // street 210102001: A is in it, B (210102002…) is not
        Assert.Equal(HttpStatusCode.OK, (await street.GetAsync($"/api/residents/{a}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await street.GetAsync($"/api/residents/{b}")).StatusCode);
    }

    [Fact]
    public async Task Creating_a_resident_outside_the_callers_area_is_refused()
    {
        var cwA = await city.App.ClientForAsync("cw.a");
        var idNumber = NewIdNumber();
        var response = await cwA.PostAsJsonAsync("/api/residents", NewResident(CityFixture.CommunityB, idNumber));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await CountByIdNumberAsync(await city.App.ClientForAsync("supervisor"), idNumber));

        // Nor may a member be added to a household of another community: it is not there for the caller.
        var (_, _, _, householdB) = await OneResidentInEachCommunityAsync();
        var join = await cwA.PostAsJsonAsync("/api/residents", new { householdId = householdB, name = "测试", idNumber = NewIdNumber(), relationToHead = "Child" });
        Assert.Equal(HttpStatusCode.NotFound, join.StatusCode);
    }

    [Fact]
    public async Task A_member_joins_a_household_of_the_callers_area()
    {
        var (a, householdA, _, _) = await OneResidentInEachCommunityAsync();
        var cwA = await city.App.ClientForAsync("cw.a");
        var response = await cwA.PostAsJsonAsync("/api/residents", new { householdId = householdA, name = "测试子女", idNumber = NewIdNumber(new DateOnly(2015, 6, 1)), relationToHead = "Child", tags = new[] { new { tag = "LeftBehindChild" } } });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var household = await cwA.GetFromJsonAsync<JsonElement>($"/api/residents/households/{householdA}");
        Assert.Equal(2, household.GetProperty("members").GetArrayLength());
        Assert.Equal(a, household.GetProperty("members")[0].GetProperty("id").GetInt64()); // the head first
    }

    [Fact]
    public async Task A_grid_worker_sees_the_residents_of_their_grid_and_not_those_of_the_next_grid()
    {
        var grid1 = CityFixture.CommunityA + "001";
        var grid2 = CityFixture.CommunityA + "002";
        var cwA = await city.App.ClientForAsync("cw.a");
        async Task<long> CreateInGridAsync(string grid)
        {
            var response = await cwA.PostAsJsonAsync("/api/residents", new
            {
                household = new { communityCode = CityFixture.CommunityA, gridCode = grid, address = "测试路2号" },
                name = "网格测试居民", idNumber = NewIdNumber(), relationToHead = "Head",
            });
            Assert.Equal(HttpStatusCode.Created, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        }
        var inOwnGrid = await CreateInGridAsync(grid1);
        var inNextGrid = await CreateInGridAsync(grid2);
        var userName = "grid.worker." + Guid.NewGuid().ToString("N")[..6];
        await city.App.CreateUserAsync(userName, Linli.Platform.Auth.Roles.GridWorker, grid1);
        var gridWorker = await city.App.ClientForAsync(userName);

        Assert.Equal(HttpStatusCode.OK, (await gridWorker.GetAsync($"/api/residents/{inOwnGrid}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await gridWorker.GetAsync($"/api/residents/{inNextGrid}")).StatusCode);
        var page = await gridWorker.GetFromJsonAsync<JsonElement>($"/api/residents?communityCode={CityFixture.CommunityA}&pageSize=500");
        var grids = page.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("gridCode").GetString()).Distinct().ToList();
        Assert.Equal([grid1], grids);
    }
}
