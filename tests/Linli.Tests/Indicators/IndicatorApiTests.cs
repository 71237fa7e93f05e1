using System.Net;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;

namespace Linli.Tests.Indicators;

/// <summary>The indicators API over real HTTP on the synthetic city: every indicator at a region, the explanation, the breakdown, scope.</summary>
[Collection("city")]
public sealed class IndicatorApiTests(CityFixture city)
{
    private static double? Number(JsonElement e, string name) =>
        e.GetProperty(name).ValueKind == JsonValueKind.Null ? null : e.GetProperty(name).GetDouble();

    [Fact]
    public async Task The_city_board_lists_every_indicator_of_the_plan_with_a_chinese_status_and_no_data_where_no_module_publishes()
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        var list = await (await supervisor.GetAsync("/api/indicators")).Json(HttpStatusCode.OK);

        Assert.Equal("2101", list.GetProperty("region").GetProperty("code").GetString());
        var rows = list.GetProperty("indicators").EnumerateArray().ToList();
        Assert.Equal(32, rows.Count);
        Assert.Equal(rows.Count, rows.Select(r => r.GetProperty("code").GetString()).Distinct().Count());
        Assert.All(rows, r => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", r.GetProperty("statusLabel").GetString()));

        // No volunteering module exists yet: the indicator says so instead of inventing a value.
        var volunteers = Assert.Single(rows, r => r.GetProperty("code").GetString() == "volunteers");
        Assert.Equal("NoData", volunteers.GetProperty("status").GetString());
        Assert.Null(Number(volunteers, "value"));
        Assert.False(string.IsNullOrWhiteSpace(volunteers.GetProperty("noDataLabel").GetString()));
        Assert.Equal(1_650_000, Number(volunteers, "target"));
    }

    [Fact]
    public async Task A_regions_numerators_and_denominators_are_the_sums_of_its_childrens()
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        var list = await (await supervisor.GetAsync("/api/indicators?region=210102")).Json(HttpStatusCode.OK);
        var checkedAny = false;
        foreach (var row in list.GetProperty("indicators").EnumerateArray().Where(r => r.GetProperty("status").GetString() != "NoData"))
        {
            var code = row.GetProperty("code").GetString();
            var details = await (await supervisor.GetAsync($"/api/indicators/{code}?region=210102&breakdown=children")).Json(HttpStatusCode.OK);
            var children = details.GetProperty("children").EnumerateArray().ToList();
            Assert.NotEmpty(children);
            Assert.All(children, c => Assert.StartsWith("210102", c.GetProperty("region").GetProperty("code").GetString()));
            var numerator = Number(details.GetProperty("indicator"), "numerator");
            Assert.Equal(numerator ?? 0, children.Sum(c => Number(c, "numerator") ?? 0), 6);
            if (Number(details.GetProperty("indicator"), "denominator") is { } denominator)
                Assert.Equal(denominator, children.Sum(c => Number(c, "denominator") ?? 0), 6);

            // The explanation names the measures, and their sums make the numerator.
            var explanation = details.GetProperty("explanation");
            Assert.False(string.IsNullOrWhiteSpace(explanation.GetProperty("formula").GetString()));
            if (explanation.GetProperty("denominator").GetArrayLength() > 0)
                Assert.Equal(numerator ?? 0, explanation.GetProperty("numerator").EnumerateArray().Sum(t => t.GetProperty("value").GetDouble()), 6);
            checkedAny = true;
        }
        Assert.True(checkedAny, "no indicator of the district has a value");
    }

    [Fact]
    public async Task The_trend_runs_from_2020_to_this_year()
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        var details = await (await supervisor.GetAsync("/api/indicators/request-satisfaction?breakdown=none")).Json(HttpStatusCode.OK);
        var years = details.GetProperty("trend").EnumerateArray().Select(p => p.GetProperty("year").GetInt32()).ToList();
        Assert.Equal(2020, years[0]);
        Assert.Equal(details.GetProperty("year").GetInt32(), years[^1]);
        Assert.Equal(years.Count, years.Distinct().Count());
        Assert.Equal(0, details.GetProperty("children").GetArrayLength());
    }

    [Fact]
    public async Task A_district_sees_its_own_subtree_only()
    {
        var district = await city.App.ClientForAsync("district.heping");
        var own = await (await district.GetAsync("/api/indicators")).Json(HttpStatusCode.OK);
        Assert.Equal("210102", own.GetProperty("region").GetProperty("code").GetString());
        await (await district.GetAsync("/api/indicators?region=210102001")).Json(HttpStatusCode.OK);

        await (await district.GetAsync("/api/indicators?region=2101")).Json(HttpStatusCode.NotFound);
        await (await district.GetAsync("/api/indicators?region=210103")).Json(HttpStatusCode.NotFound);
        await (await district.GetAsync("/api/indicators/volunteers?region=210103")).Json(HttpStatusCode.NotFound);
        await (await district.GetAsync("/api/indicators/centre-area-per-100-households/below-standard?region=210103")).Json(HttpStatusCode.NotFound);

        var worker = await city.App.ClientForAsync("cw.a");
        var community = await (await worker.GetAsync("/api/indicators")).Json(HttpStatusCode.OK);
        Assert.Equal(CityFixture.CommunityA, community.GetProperty("region").GetProperty("code").GetString());
    }

    [Theory]
    [InlineData("resident")]
    [InlineData("dept.water")]
    [InlineData("hotline")]
    public async Task Roles_without_an_area_to_supervise_cannot_read_indicators(string user)
    {
        var client = await city.App.ClientForAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/indicators")).StatusCode);
    }

    [Fact]
    public async Task Bad_input_is_answered_with_a_problem_naming_the_field()
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        var year = await (await supervisor.GetAsync("/api/indicators?year=2019")).Json(HttpStatusCode.BadRequest);
        Assert.True(year.GetProperty("errors").TryGetProperty("year", out _));
        var breakdown = await (await supervisor.GetAsync("/api/indicators/volunteers?breakdown=grandchildren")).Json(HttpStatusCode.BadRequest);
        Assert.True(breakdown.GetProperty("errors").TryGetProperty("breakdown", out _));
        await (await supervisor.GetAsync("/api/indicators/no-such-indicator")).Json(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task The_below_standard_export_is_a_workbook_with_a_title_and_the_list_headers()
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        var page = await (await supervisor.GetAsync("/api/indicators/centre-area-per-100-households/below-standard?pageSize=500")).Json(HttpStatusCode.OK);
        var file = await ExportFile.ReadAsync(await supervisor.GetAsync("/api/indicators/centre-area-per-100-households/below-standard/export?format=xlsx"));

        Assert.Contains("未达标单位", file.Title);
        Assert.Equal(["区划代码", "单位", "街道（乡镇）", "区县（市）", "本单位数值", "标准", "差距"], file.Headers);
        var units = page.GetProperty("units");
        Assert.Equal(units.GetProperty("total").GetInt32(), file.Rows.Count);
        var items = units.GetProperty("items").EnumerateArray().Select(u => u.GetProperty("code").GetString()!).ToList();
        Assert.Equal(items, file.Rows.Take(items.Count).Select(r => r["区划代码"]));
        var gaps = file.Rows.Select(r => double.Parse(r["差距"], System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(gaps.OrderByDescending(g => g), gaps);
    }
}
