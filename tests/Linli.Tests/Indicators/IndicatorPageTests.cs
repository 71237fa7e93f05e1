using System.Net;
using AngleSharp.Html.Parser;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Linli.Tests.Ui;
using MiniExcelLibs;

namespace Linli.Tests.Indicators;

/// <summary>The board, a number's explanation and the yearly report as a user reads them: tables without JavaScript, the workbook's cells.</summary>
[Collection("city")]
public sealed class IndicatorPageTests(CityFixture city)
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public async Task The_city_board_lists_every_indicator_and_ranks_the_districts_in_a_table()
    {
        var client = await PageClient.SignedInAsync(city.App, "supervisor");
        var (status, html) = await client.GetAsync("/indicators?indicator=request-satisfaction");
        Assert.Equal(HttpStatusCode.OK, status);
        var page = Parser.ParseDocument(html);

        Assert.Equal(32, page.QuerySelectorAll("#indicator-table tbody tr").Length);
        Assert.NotNull(page.QuerySelector("#indicator-map[data-boundaries]"));
        var districts = page.QuerySelectorAll("#ranking-table tbody tr");
        Assert.Equal(13, districts.Length);
        Assert.All(districts, r => Assert.Contains("indicator=request-satisfaction", r.GetAttribute("data-href")));
        // Ranked: the values that exist come in descending order.
        var values = districts.Select(r => r.GetAttribute("data-value")).Where(v => v is { Length: > 0 }).Select(v => double.Parse(v!, System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(values.OrderByDescending(v => v), values);
        Assert.Contains("暂无数据", page.QuerySelector("#indicator-table tr[data-code=volunteers]")!.TextContent);
    }

    [Fact]
    public async Task A_district_board_ranks_its_streets_and_its_trail_stops_at_the_callers_area()
    {
        var client = await PageClient.SignedInAsync(city.App, "district.heping");
        var (status, html) = await client.GetAsync("/indicators");
        Assert.Equal(HttpStatusCode.OK, status);
        var page = Parser.ParseDocument(html);
        Assert.Null(page.QuerySelector("#indicator-map"));
        Assert.All(page.QuerySelectorAll("#ranking-table tbody tr"), r => Assert.Matches(@"^210102\d{3}$", r.GetAttribute("data-code")));
        Assert.Empty(page.QuerySelectorAll("#indicator-trail a"));

        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/indicators?region=210103")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/indicators/volunteers?region=2101")).Status);
    }

    [Fact]
    public async Task A_numbers_page_explains_it_with_the_measures_behind_and_the_trend_table()
    {
        var client = await PageClient.SignedInAsync(city.App, "supervisor");
        var (status, html) = await client.GetAsync("/indicators/request-satisfaction?region=210102");
        Assert.Equal(HttpStatusCode.OK, status);
        var page = Parser.ParseDocument(html);
        Assert.Equal(["requests.satisfied_tickets", "requests.rated_tickets"], page.QuerySelectorAll("#measure-table tr[data-measure]").Select(r => r.GetAttribute("data-measure")));
        Assert.Equal("2020", page.QuerySelector("#trend-table tbody tr")!.GetAttribute("data-year"));
        Assert.NotNull(page.QuerySelector("#trend-chart[data-table=trend-table]"));

        var (missing, missingHtml) = await client.GetAsync("/indicators/volunteers");
        Assert.Equal(HttpStatusCode.OK, missing);
        Assert.Contains("注册志愿者", Parser.ParseDocument(missingHtml).QuerySelector("#missing-measures")!.TextContent);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/indicators/no-such-indicator")).Status);
    }

    [Fact]
    public async Task A_year_outside_the_plan_is_told_on_the_page_and_this_year_is_shown()
    {
        var client = await PageClient.SignedInAsync(city.App, "supervisor");
        var (status, html) = await client.GetAsync("/indicators?year=1999");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("年份须在 2020", Parser.ParseDocument(html).QuerySelector("p.error")!.TextContent);
    }

    [Fact]
    public async Task The_yearly_report_workbook_has_the_summary_a_sheet_per_indicator_and_the_units_below_standard()
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        var list = await (await supervisor.GetAsync("/api/indicators?region=210102")).Json(HttpStatusCode.OK);
        var response = await supervisor.GetAsync("/api/indicators/report?region=210102");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var stream = new MemoryStream(await response.Content.ReadAsByteArrayAsync());

        var sheets = stream.GetSheetNames();
        Assert.Equal("指标汇总", sheets[0]);
        Assert.Equal("未达标单位", sheets[^1]);
        Assert.All(sheets, s => Assert.True(s.Length <= 31));
        Assert.True(sheets.Count > 2, string.Join(",", sheets));

        var summary = stream.Query(useHeaderRow: false, sheetName: "指标汇总").Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).ToList();
        Assert.Contains("和平区", summary[0][0]?.ToString());
        Assert.Equal("指标", summary[1][1]?.ToString());
        Assert.Equal(32, summary.Count - 2);
        var satisfaction = list.GetProperty("indicators").EnumerateArray().Single(r => r.GetProperty("code").GetString() == "request-satisfaction");
        var row = summary.Single(r => r[1]?.ToString() == satisfaction.GetProperty("name").GetString());
        Assert.Equal(satisfaction.GetProperty("statusLabel").GetString(), row[11]?.ToString());

        // A breakdown sheet lists the district's streets.
        var breakdown = stream.Query(useHeaderRow: false, sheetName: sheets[1]).Cast<IDictionary<string, object?>>().Select(r => r.Values.ToList()).Skip(2).ToList();
        Assert.NotEmpty(breakdown);
        Assert.All(breakdown, r => Assert.Matches(@"^210102\d{3}$", r[0]?.ToString()));

        var page = await PageClient.SignedInAsync(city.App, "supervisor");
        var (status, html) = await page.GetAsync("/indicators/report?region=210102");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal(32, Parser.ParseDocument(html).QuerySelectorAll("#report-summary tbody tr").Length);
    }

    [Fact]
    public async Task The_indicator_list_exports_as_csv_with_the_same_rows()
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        var file = await ExportFile.ReadAsync(await supervisor.GetAsync("/api/indicators/export?format=csv&region=210102"));
        Assert.Equal(32, file.Rows.Count);
        Assert.Equal("序号", file.Headers[0]);
        var breakdown = await ExportFile.ReadAsync(await supervisor.GetAsync("/api/indicators/request-satisfaction/children/export?format=csv&region=210102"));
        Assert.All(breakdown.Rows, r => Assert.StartsWith("210102", r["区划代码"]));
    }
}
