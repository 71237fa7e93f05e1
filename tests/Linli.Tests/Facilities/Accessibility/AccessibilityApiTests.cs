using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Facilities.Accessibility;
using Linli.Modules.Facilities.Contracts;
using Linli.Modules.Facilities.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Facilities.Accessibility;

/// <summary>The seeded small city: its synthetic network, compounds and stored minutes, read through the API.</summary>
[Collection("city")]
public sealed class AccessibilityApiTests(CityFixture city)
{
    [Fact]
    public async Task Network_reports_its_synthetic_import_and_statistics()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var network = await client.GetFromJsonAsync<JsonElement>("/api/facilities/network");
        Assert.Equal("synthetic", network.GetProperty("source").GetString());
        var stats = network.GetProperty("statistics");
        Assert.True(stats.GetProperty("nodes").GetInt32() > 1000);
        Assert.True(stats.GetProperty("edges").GetInt32() > stats.GetProperty("nodes").GetInt32() / 2);
        Assert.True(network.GetProperty("graphMemoryBytes").GetInt64() > 0);
    }

    [Fact]
    public async Task Accessibility_answers_shares_per_district_and_compounds_worst_first()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var answer = await client.GetFromJsonAsync<JsonElement>("/api/facilities/accessibility?type=ElderlyCareStation&pageSize=20");
        var units = answer.GetProperty("units").EnumerateArray().ToList();
        Assert.NotEmpty(units);
        Assert.All(units, u => Assert.Equal(6, u.GetProperty("region").GetString()!.Length));
        var shares = answer.GetProperty("total").GetProperty("residentShares").EnumerateArray().Select(s => s.GetDouble()).ToList();
        Assert.Equal(3, shares.Count);
        Assert.True(shares[0] <= shares[1] && shares[1] <= shares[2], "a longer walk never reaches fewer residents");
        var compounds = answer.GetProperty("compounds").GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(compounds);
        Assert.True(answer.GetProperty("compounds").GetProperty("total").GetInt64() >= compounds.Count);
    }

    [Fact]
    public async Task Recomputing_one_type_gives_the_minutes_the_full_computation_stored()
    {
        var stored = await city.App.WithScopeAsync(sp => sp.GetRequiredService<FacilitiesDbContext>().CompoundAccess
            .Where(a => a.Type == FacilityType.HealthStation).OrderBy(a => a.CompoundId).Select(a => a.Minutes).ToListAsync());
        Assert.NotEmpty(stored);
        await city.App.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<AccessibilityService>().RecomputeTypeAsync(FacilityType.HealthStation);
            return 0;
        });
        var again = await city.App.WithScopeAsync(sp => sp.GetRequiredService<FacilitiesDbContext>().CompoundAccess
            .Where(a => a.Type == FacilityType.HealthStation).OrderBy(a => a.CompoundId).Select(a => a.Minutes).ToListAsync());
        Assert.Equal(stored, again);
    }

    [Fact]
    public async Task Registering_a_facility_recomputes_its_types_minutes_and_closing_it_takes_them_back()
    {
        var compound = await city.App.WithScopeAsync(sp => sp.GetRequiredService<FacilitiesDbContext>().Compounds.Where(c => c.SnapMeters < 100)
            .OrderByDescending(c => c.Residents).FirstAsync());
        Task<float?> MinutesAsync() => city.App.WithScopeAsync(sp => sp.GetRequiredService<FacilitiesDbContext>().CompoundAccess
            .Where(a => a.Type == FacilityType.ElderlyCanteen && a.CompoundId == compound.Id).Select(a => a.Minutes).SingleOrDefaultAsync());
        var before = await MinutesAsync();

        var admin = await city.App.ClientForAsync("admin");
        var created = await admin.PostAsJsonAsync("/api/facilities", new
        {
            type = "ElderlyCanteen", name = "测试助餐点 步行", communityCode = compound.CommunityCode, longitude = compound.Longitude, latitude = compound.Latitude,
            floorArea = 120, weeklyHours = "10:00-14:00", openedOn = "2024-01-01",
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt32();
        var opened = await MinutesAsync();
        Assert.NotNull(opened);
        Assert.True(opened < 3, $"a canteen at the compound is reached within its snap distance, not {opened} min");

        var closed = await admin.PostAsJsonAsync($"/api/facilities/{id}/close", new { closedOn = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), reason = "测试" });
        Assert.Equal(HttpStatusCode.OK, closed.StatusCode);
        Assert.Equal(before, await MinutesAsync());
    }

    [Fact]
    public async Task Walking_figures_are_read_only_within_the_callers_area_and_not_by_residents()
    {
        var resident = await city.App.ClientForAsync("resident");
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/facilities/accessibility")).StatusCode);
        var worker = await city.App.ClientForAsync("cw.a");
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync("/api/facilities/accessibility?region=210103")).StatusCode);
        var planner = await worker.PostAsJsonAsync("/api/facilities/planner", new { type = "FitnessPark", region = "210103", sites = 1 });
        Assert.Equal(HttpStatusCode.NotFound, planner.StatusCode);
        var own = await worker.GetFromJsonAsync<JsonElement>("/api/facilities/accessibility");
        Assert.Equal(CityFixture.CommunityA, own.GetProperty("region").GetString());
        Assert.All(own.GetProperty("compounds").GetProperty("items").EnumerateArray(),
            c => Assert.Equal(CityFixture.CommunityA, c.GetProperty("communityCode").GetString()));
    }

    [Fact]
    public async Task Planner_picks_sites_whose_gains_raise_the_coverage()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var district = await city.App.WithScopeAsync(sp => sp.GetRequiredService<FacilitiesDbContext>().Compounds.Where(c => c.SnapMeters < 300)
            .GroupBy(c => c.CommunityCode.Substring(0, 6)).OrderByDescending(g => g.Sum(c => c.Residents)).Select(g => g.Key).FirstAsync());
        var response = await client.PostAsJsonAsync("/api/facilities/planner", new { type = "FitnessPark", region = district, sites = 2 });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var plan = await response.Content.ReadFromJsonAsync<JsonElement>();
        var sites = plan.GetProperty("sites").EnumerateArray().ToList();
        Assert.InRange(sites.Count, 1, 2);
        Assert.True(sites[0].GetProperty("gain").GetInt64() > 0);
        Assert.True(plan.GetProperty("coverageAfter").GetDouble() > plan.GetProperty("coverageBefore").GetDouble());
    }

    [Fact]
    public async Task Planner_refuses_a_region_that_is_not_a_district_or_street_naming_the_field()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var response = await client.PostAsJsonAsync("/api/facilities/planner", new { type = "FitnessPark", region = "21", sites = 2 });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty("region", out _));
    }

    [Fact]
    public async Task What_if_adding_a_site_never_lowers_coverage_and_saves_nothing()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var compound = await city.App.WithScopeAsync(sp => sp.GetRequiredService<FacilitiesDbContext>().Compounds.Where(c => c.SnapMeters < 300).OrderByDescending(c => c.Residents).FirstAsync());
        var before = await city.App.WithScopeAsync(sp => sp.GetRequiredService<FacilitiesDbContext>().Facilities.CountAsync());
        var response = await client.PostAsJsonAsync("/api/facilities/accessibility/what-if",
            new { type = "FitnessPark", action = "add", longitude = compound.Longitude, latitude = compound.Latitude });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var answer = await response.Content.ReadFromJsonAsync<JsonElement>();
        var shareBefore = answer.GetProperty("before").GetProperty("residentShares")[2].GetDouble();
        var shareAfter = answer.GetProperty("after").GetProperty("residentShares")[2].GetDouble();
        Assert.True(shareAfter >= shareBefore);
        Assert.Equal(compound.CommunityCode[..9], answer.GetProperty("region").GetString());
        Assert.Equal(before, await city.App.WithScopeAsync(sp => sp.GetRequiredService<FacilitiesDbContext>().Facilities.CountAsync()));
    }
}
