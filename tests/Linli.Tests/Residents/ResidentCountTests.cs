using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using static Linli.Tests.Residents.ResidentTestData;

namespace Linli.Tests.Residents;

/// <summary>Region pages count households and residents from the small per-unit count table; it must agree with the rows.</summary>
[Collection("city")]
public sealed class ResidentCountTests(CityFixture city)
{
    private static long Count(JsonElement counts, string name) => counts.GetProperty(name).GetInt64();

    private static async Task AssertCountsMatchTheRowsAsync(HttpClient supervisor, string code)
    {
        var region = await supervisor.GetFromJsonAsync<JsonElement>($"/api/regions/{code}");
        var residents = await supervisor.GetFromJsonAsync<JsonElement>($"/api/residents?communityCode={code}&pageSize=1");
        var households = await supervisor.GetFromJsonAsync<JsonElement>($"/api/residents/households?communityCode={code}&pageSize=1");
        Assert.Equal(residents.GetProperty("total").GetInt64(), Count(region.GetProperty("counts"), "residents"));
        Assert.Equal(households.GetProperty("total").GetInt64(), Count(region.GetProperty("counts"), "households"));
        foreach (var child in region.GetProperty("children").EnumerateArray())
        {
            var childCode = child.GetProperty("code").GetString()!;
            var childResidents = await supervisor.GetFromJsonAsync<JsonElement>($"/api/residents?communityCode={childCode}&pageSize=1");
            Assert.Equal(childResidents.GetProperty("total").GetInt64(), Count(child.GetProperty("counts"), "residents"));
        }
    }

    [Fact]
    public async Task A_communitys_counts_equal_the_rows_a_supervisor_can_search()
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        // Another community of the district (nobody else writes there) and the test communities, which other tests grow.
        await AssertCountsMatchTheRowsAsync(supervisor, "210102001003");
        await AssertCountsMatchTheRowsAsync(supervisor, CityFixture.CommunityA);
        await AssertCountsMatchTheRowsAsync(supervisor, CityFixture.CommunityB);
    }

    [Fact]
    public async Task Single_creates_and_imports_keep_the_counts_right()
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        var before = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/regions/{CityFixture.CommunityB}")).GetProperty("counts");
        var cwB = await city.App.ClientForAsync("cw.b");
        await CreateAsync(cwB, CityFixture.CommunityB, NewIdNumber());
        var after = (await supervisor.GetFromJsonAsync<JsonElement>($"/api/regions/{CityFixture.CommunityB}")).GetProperty("counts");
        Assert.Equal(Count(before, "residents") + 1, Count(after, "residents"));
        Assert.Equal(Count(before, "households") + 1, Count(after, "households"));
        await AssertCountsMatchTheRowsAsync(supervisor, CityFixture.CommunityB);
    }

    [Fact]
    public async Task The_district_and_the_city_add_up()
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        await AssertCountsMatchTheRowsAsync(supervisor, "210102");
        var cityRegion = await supervisor.GetFromJsonAsync<JsonElement>("/api/regions/2101");
        var all = await supervisor.GetFromJsonAsync<JsonElement>("/api/residents?pageSize=1");
        Assert.Equal(all.GetProperty("total").GetInt64(), Count(cityRegion.GetProperty("counts"), "residents"));
        Assert.Equal(Count(cityRegion.GetProperty("counts"), "residents"),
            cityRegion.GetProperty("children").EnumerateArray().Sum(c => Count(c.GetProperty("counts"), "residents")));
    }
}
