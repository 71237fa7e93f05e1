using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Indicators.ContractImplementations;
using Linli.Modules.Indicators.Contracts;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Indicators.DataEntry;

/// <summary>An application on the official region tree with one account per level of 和平区's data entry.</summary>
public sealed class DataEntryApp : IAsyncLifetime
{
    public const string CommunityA = "210102001002";
    public const string CommunityB = "210102002001";

    public LinliFactory App { get; } = new();

    public async Task InitializeAsync()
    {
        _ = App.Server;
        await App.CreateUserAsync("cw.a", Roles.CommunityWorker, CommunityA);
        await App.CreateUserAsync("cw.b", Roles.CommunityWorker, CommunityB);
        await App.CreateUserAsync("street.a", Roles.StreetStaff, CommunityA[..9]);
        await App.CreateUserAsync("street.b", Roles.StreetStaff, CommunityB[..9]);
        await App.CreateUserAsync("district.heping", Roles.DistrictStaff, "210102");
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>填报 over HTTP on the real database: the review chain, the lock, stale versions, scope, audit and the published measure.</summary>
public sealed class DataEntryApiTests(DataEntryApp entry) : IClassFixture<DataEntryApp>
{
    private const string Building = MeasureCodes.CommunityBuildingArea, Commercial = MeasureCodes.CommercialServiceArea;
    private Task<HttpClient> As(string user) => entry.App.ClientForAsync(user);

    private static async Task<JsonElement> PutAsync(HttpClient client, string community, int year, string measure, object body, HttpStatusCode expected) =>
        await (await client.PutAsJsonAsync($"/api/indicators/entries/{community}/{year}/{measure}", body)).Json(expected);

    private static async Task<JsonElement> StepAsync(HttpClient client, long id, string step, object body, HttpStatusCode expected) =>
        await (await client.PostAsJsonAsync($"/api/indicators/entries/{id}/{step}", body)).Json(expected);

    private static long Id(JsonElement e) => e.GetProperty("id").GetInt64();
    private static int Version(JsonElement e) => e.GetProperty("version").GetInt32();

    [Fact]
    public async Task A_value_submitted_by_the_community_and_approved_by_street_and_district_is_locked_published_and_audited()
    {
        const int year = 2023;
        var cw = await As("cw.a");
        var building = await PutAsync(cw, DataEntryApp.CommunityA, year, Building, new { value = 120_000.0 }, HttpStatusCode.OK);
        var commercial = await PutAsync(cw, DataEntryApp.CommunityA, year, Commercial, new { value = 9_000.0 }, HttpStatusCode.OK);
        Assert.Equal("Draft", building.GetProperty("status").GetString());

        var submitted = await StepAsync(cw, Id(building), "submit", new { version = Version(building) }, HttpStatusCode.OK);
        await StepAsync(cw, Id(commercial), "submit", new { version = Version(commercial) }, HttpStatusCode.OK);
        // A community cannot approve its own value.
        await StepAsync(cw, Id(building), "approve", new { version = Version(submitted) }, HttpStatusCode.Forbidden);
        var street = await StepAsync(await As("street.a"), Id(building), "approve", new { version = Version(submitted) }, HttpStatusCode.OK);
        Assert.Equal("StreetApproved", street.GetProperty("status").GetString());
        var district = await StepAsync(await As("district.heping"), Id(building), "approve", new { version = Version(street) }, HttpStatusCode.OK);
        Assert.Equal("DistrictApproved", district.GetProperty("status").GetString());

        var locked = await PutAsync(cw, DataEntryApp.CommunityA, year, Building, new { value = 100_000.0, version = Version(district) }, HttpStatusCode.Conflict);
        Assert.Equal("DistrictApproved", locked.GetProperty("status").GetString());

        // Only the district-approved value is published; the submitted commercial area is not there yet.
        var (buildingValues, commercialValues) = await entry.App.WithScopeAsync(async sp =>
        {
            var source = sp.GetServices<IMeasureSource>().OfType<EnteredMeasures>().Single();
            return (await source.MeasureAsync(Building, new DateOnly(year, 12, 31)), await source.MeasureAsync(Commercial, new DateOnly(year, 12, 31)));
        });
        Assert.Equal(120_000, Assert.Single(buildingValues, v => v.RegionCode == DataEntryApp.CommunityA).Value);
        Assert.DoesNotContain(commercialValues, v => v.RegionCode == DataEntryApp.CommunityA);

        var audited = await entry.App.WithScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries
            .CountAsync(e => e.Action == "indicator-entry-changed" && e.SubjectId == Id(building).ToString()));
        Assert.Equal(4, audited); // saved, submitted, approved twice

        // The district reopens it: editable again and no longer published.
        await StepAsync(await As("district.heping"), Id(building), "reopen", new { version = Version(district) }, HttpStatusCode.OK);
        await PutAsync(cw, DataEntryApp.CommunityA, year, Building, new { value = 121_000.0 }, HttpStatusCode.OK);
        var after = await entry.App.WithScopeAsync(sp => sp.GetServices<IMeasureSource>().OfType<EnteredMeasures>().Single().MeasureAsync(Building, new DateOnly(year, 6, 30)));
        Assert.DoesNotContain(after, v => v.RegionCode == DataEntryApp.CommunityA);
    }

    [Fact]
    public async Task A_save_or_step_at_a_stale_version_is_a_conflict()
    {
        var cw = await As("cw.a");
        var first = await PutAsync(cw, DataEntryApp.CommunityA, 2022, Building, new { value = 50_000.0 }, HttpStatusCode.OK);
        var second = await PutAsync(cw, DataEntryApp.CommunityA, 2022, Building, new { value = 51_000.0, version = Version(first) }, HttpStatusCode.OK);
        Assert.Equal(Version(first) + 1, Version(second));
        await PutAsync(cw, DataEntryApp.CommunityA, 2022, Building, new { value = 52_000.0, version = Version(first) }, HttpStatusCode.Conflict);
        await StepAsync(cw, Id(first), "submit", new { version = Version(first) }, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task Another_community_cannot_see_or_enter_a_communitys_values_and_a_street_sees_only_its_own()
    {
        var saved = await PutAsync(await As("cw.a"), DataEntryApp.CommunityA, 2021, Building, new { value = 30_000.0 }, HttpStatusCode.OK);
        var other = await As("cw.b");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/indicators/entries/{Id(saved)}")).StatusCode);
        await PutAsync(other, DataEntryApp.CommunityA, 2021, Building, new { value = 1.0 }, HttpStatusCode.NotFound);
        await StepAsync(await As("street.b"), Id(saved), "return", new { reason = "x" }, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/indicators/entries?region={DataEntryApp.CommunityA}")).StatusCode);

        var street = await (await (await As("street.a")).GetAsync("/api/indicators/entries?year=2021")).Json(HttpStatusCode.OK);
        Assert.Contains(street.GetProperty("items").EnumerateArray(), e => Id(e) == Id(saved));
        var streetB = await (await (await As("street.b")).GetAsync("/api/indicators/entries?year=2021")).Json(HttpStatusCode.OK);
        Assert.DoesNotContain(streetB.GetProperty("items").EnumerateArray(), e => Id(e) == Id(saved));
    }

    [Fact]
    public async Task A_returned_value_goes_back_to_draft_with_its_reason_and_a_return_needs_one()
    {
        var cw = await As("cw.b");
        var saved = await PutAsync(cw, DataEntryApp.CommunityB, 2021, Building, new { value = 40_000.0 }, HttpStatusCode.OK);
        var submitted = await StepAsync(cw, Id(saved), "submit", new { }, HttpStatusCode.OK);
        var street = await As("street.b");
        await StepAsync(street, Id(saved), "return", new { version = Version(submitted) }, HttpStatusCode.BadRequest);
        var returned = await StepAsync(street, Id(saved), "return", new { version = Version(submitted), reason = "面积与台账不符" }, HttpStatusCode.OK);
        Assert.Equal("Draft", returned.GetProperty("status").GetString());
        Assert.Equal("面积与台账不符", returned.GetProperty("returnReason").GetString());
    }

    [Fact]
    public async Task A_commercial_area_above_the_building_area_is_refused_naming_the_value()
    {
        var cw = await As("cw.b");
        await PutAsync(cw, DataEntryApp.CommunityB, 2024, Building, new { value = 10_000.0 }, HttpStatusCode.OK);
        var problem = await PutAsync(cw, DataEntryApp.CommunityB, 2024, Commercial, new { value = 20_000.0 }, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("value", out _), problem.GetRawText());
    }

    [Fact]
    public async Task A_save_without_a_value_is_refused_naming_the_value_and_stores_nothing()
    {
        var cw = await As("cw.a");
        var problem = await PutAsync(cw, DataEntryApp.CommunityA, 2019, Building, new { comment = "未填数值" }, HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("value", out _), problem.GetRawText());
        var list = await (await cw.GetAsync("/api/indicators/entries?year=2019")).Json(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    /// <summary>A client that does not follow redirects (a followed redirect would drop the bearer header), signed in as <paramref name="user"/>.</summary>
    private async Task<HttpClient> PageClientAsync(string user)
    {
        var signedIn = await As(user);
        var client = entry.App.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        client.DefaultRequestHeaders.Authorization = signedIn.DefaultRequestHeaders.Authorization;
        return client;
    }

    private static async Task<HttpResponseMessage> PostPageAsync(HttpClient client, string url, Dictionary<string, string> form, string? token = null)
    {
        form["__RequestVerificationToken"] = token ?? await Residents.ResidentTestData.AntiforgeryTokenAsync(client, "/indicators/entries");
        return await client.PostAsync(url, new FormUrlEncodedContent(form));
    }

    [Fact]
    public async Task The_entry_page_shows_a_refused_value_back_as_typed_with_the_reason_beside_it_and_stores_nothing()
    {
        var cw = await PageClientAsync("cw.b");
        var response = await PostPageAsync(cw, "/indicators/entries?handler=Save", new()
        {
            ["EntryYear"] = "2018", ["Measure"] = Building, ["Value"] = "12千平方", ["Comment"] = "按台账",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("value=\"12千平方\"", html);
        Assert.Contains("数值须为数字", html);
        Assert.Contains("按台账", html);

        var negative = await (await PostPageAsync(cw, "/indicators/entries?handler=Save", new()
        {
            ["EntryYear"] = "2018", ["Measure"] = Building, ["Value"] = "-5",
        })).Content.ReadAsStringAsync();
        Assert.Contains("value=\"-5\"", negative);
        Assert.Contains("数值不能为负数", negative);

        var list = await (await (await As("cw.b")).GetAsync("/api/indicators/entries?year=2018")).Json(HttpStatusCode.OK);
        Assert.Equal(0, list.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task On_the_entry_page_the_community_saves_and_submits_and_the_street_approves_with_the_buttons_its_level_has()
    {
        const int year = 2017;
        var cw = await PageClientAsync("cw.a");
        var saved = await PostPageAsync(cw, "/indicators/entries?handler=Save", new() { ["EntryYear"] = $"{year}", ["Measure"] = Building, ["Value"] = "88,000" });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Contains("done=saved", saved.Headers.Location!.ToString());

        var stored = Assert.Single((await (await (await As("cw.a")).GetAsync($"/api/indicators/entries?year={year}")).Json(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray());
        Assert.Equal(88_000, stored.GetProperty("value").GetDouble());
        var page = await (await cw.GetAsync($"/indicators/entries?year={year}")).Content.ReadAsStringAsync();
        Assert.Contains("data-step=\"Submit\"", page);
        Assert.DoesNotContain("data-step=\"Approve\"", page);

        var submitted = await PostPageAsync(cw, $"/indicators/entries?handler=Step&id={Id(stored)}&step=Submit&version={Version(stored)}", new());
        Assert.Equal(HttpStatusCode.Redirect, submitted.StatusCode);

        var street = await PageClientAsync("street.a");
        var streetPage = await (await street.GetAsync($"/indicators/entries?year={year}")).Content.ReadAsStringAsync();
        Assert.Contains("已提交，待街道审核", streetPage);
        Assert.Contains("data-step=\"Approve\"", streetPage);
        Assert.DoesNotContain("handler=Save", streetPage);
        var afterSubmit = await (await (await As("street.a")).GetAsync($"/api/indicators/entries/{Id(stored)}")).Json(HttpStatusCode.OK);
        // The token of the page as loaded, used again below for a second click on the same (now stale) page.
        var token = await Residents.ResidentTestData.AntiforgeryTokenAsync(street, $"/indicators/entries?year={year}");
        var approved = await PostPageAsync(street, $"/indicators/entries?handler=Step&id={Id(stored)}&step=Approve&version={Version(afterSubmit)}", new(), token);
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        var now = await (await (await As("street.a")).GetAsync($"/api/indicators/entries/{Id(stored)}")).Json(HttpStatusCode.OK);
        Assert.Equal("StreetApproved", now.GetProperty("status").GetString());

        // A stale version through the page is told on the page, not a 500.
        var stale = await PostPageAsync(street, $"/indicators/entries?handler=Step&id={Id(stored)}&step=Approve&version={Version(afterSubmit)}", new(), token);
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        Assert.Contains("已被修改", await stale.Content.ReadAsStringAsync());
    }
}
