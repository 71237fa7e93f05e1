using System.Globalization;
using System.Net;
using AngleSharp.Html.Parser;
using Linli.Modules.ServiceDesk.Data;
using Linli.Platform.Calendar;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.ServiceDesk.Statistics;

/// <summary>
/// The statistics page and its export over the seeded year of cases in the shared city: the figures shown are the
/// seeded cases counted independently here, the export holds the same rows and the total, and a district reads only
/// its own area.
/// </summary>
[Collection("city2")]
public sealed class StatisticsPageTests(CityFixture city)
{
    private static readonly HtmlParser Parser = new();

    // The seeded year: the 365 China days before today (no other test writes cases into it).
    private static readonly DateOnly Today = DateOnly.FromDateTime(WorkingCalendar.ToChina(DateTime.UtcNow));
    private static readonly DateOnly From = Today.AddDays(-365), To = Today.AddDays(-1);
    private static string Period => $"From={From:yyyy-MM-dd}&To={To:yyyy-MM-dd}";

    private sealed record Expected(int Received, int Decided, int Late, int Noticed, Dictionary<string, int> ReceivedByDistrict);

    private async Task<Expected> ExpectedAsync()
    {
        var start = WorkingCalendar.ToUtc(From.ToDateTime(TimeOnly.MinValue));
        var end = WorkingCalendar.ToUtc(To.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var cases = await city.App.WithScopeAsync(sp => sp.GetRequiredService<ServiceDeskDbContext>().ServiceCases.IgnoreQueryFilters().AsNoTracking()
            .Where(c => c.ReceivedAt >= start && c.ReceivedAt < end)
            .Select(c => new { c.AcceptingCommunityCode, c.DecidedAt, c.IsOverdue, c.NoticedAt }).ToListAsync());
        return new Expected(cases.Count, cases.Count(c => c.DecidedAt != null), cases.Count(c => c.IsOverdue), cases.Count(c => c.NoticedAt != null),
            cases.GroupBy(c => c.AcceptingCommunityCode[..6]).ToDictionary(g => g.Key, g => g.Count()));
    }

    private static int Number(string text) => int.Parse(text.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture);

    [Fact]
    public async Task The_page_shows_the_seeded_years_figures_per_district_with_a_chart_from_the_published_echarts()
    {
        var expected = await ExpectedAsync();
        Assert.True(expected.Received > 0);
        var supervisor = await city.App.ClientForAsync("supervisor");
        var html = await supervisor.GetStringAsync($"/service-desk/statistics?GroupBy=District&{Period}");
        var page = Parser.ParseDocument(html);
        Assert.Equal(expected.Received, Number(page.QuerySelector("[data-figure=received]")!.TextContent));
        Assert.Equal(expected.Decided, Number(page.QuerySelector("[data-figure=finished]")!.TextContent));
        Assert.Equal(expected.Late, Number(page.QuerySelector("[data-figure=late]")!.TextContent));
        var noticeRate = Math.Round(100.0 * expected.Noticed / expected.Received, 1).ToString("0.0", CultureInfo.InvariantCulture) + "%";
        Assert.Equal(noticeRate, page.QuerySelector("[data-figure=notice-rate]")!.TextContent.Trim());
        var rows = page.QuerySelectorAll("#stats-table tbody tr").ToDictionary(r => r.GetAttribute("data-key")!, r => r);
        Assert.Equal(expected.ReceivedByDistrict.Keys.Order(), rows.Keys.Order());
        foreach (var (district, count) in expected.ReceivedByDistrict) Assert.Equal(count, Number(rows[district].Children[1].TextContent));
        Assert.Equal("和平区", rows["210102"].Children[0].TextContent.Trim());
        // The chart is drawn from the published build's ECharts and the page's own script; the print button is offered.
        Assert.NotNull(page.QuerySelector("#stats-chart"));
        Assert.NotNull(page.QuerySelector("script[src='/lib/echarts/echarts.min.js']"));
        Assert.NotNull(page.QuerySelector("script[src^='/js/count-rate-chart.js']"));
        Assert.NotNull(page.QuerySelector("[data-print]"));
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/js/count-rate-chart.js")).StatusCode);
    }

    [Fact]
    public async Task The_export_holds_every_group_and_the_total_of_the_page()
    {
        var expected = await ExpectedAsync();
        var supervisor = await city.App.ClientForAsync("supervisor");
        foreach (var format in new[] { "csv", "xlsx" })
        {
            var file = await ExportFile.ReadAsync(await supervisor.GetAsync($"/api/service-desk/statistics/export?format={format}&groupBy=District&from={From:yyyy-MM-dd}&to={To:yyyy-MM-dd}"));
            Assert.Contains("办件统计（按区县）", file.Title);
            Assert.Equal(expected.ReceivedByDistrict.Count + 1, file.Rows.Count);
            var total = file.Rows.Single(r => r["名称"] == "合计");
            Assert.Equal(expected.Received, Number(total["收件数"]));
            Assert.Equal(expected.Decided, Number(total["办结数"]));
            Assert.Equal(expected.ReceivedByDistrict["210102"], Number(file.Rows.Single(r => r["代码"] == "210102")["收件数"]));
        }
    }

    [Fact]
    public async Task A_district_reads_only_its_own_area_and_is_refused_another_districts()
    {
        var district = await city.App.ClientForAsync("district.heping");
        var supervisor = await city.App.ClientForAsync("supervisor");
        var all = Parser.ParseDocument(await supervisor.GetStringAsync($"/service-desk/statistics?GroupBy=District&{Period}"));
        var own = Parser.ParseDocument(await district.GetStringAsync($"/service-desk/statistics?GroupBy=District&{Period}"));
        var rows = own.QuerySelectorAll("#stats-table tbody tr").ToList();
        Assert.Equal(["210102"], rows.Select(r => r.GetAttribute("data-key")));
        Assert.Equal(all.QuerySelector("#stats-table tbody tr[data-key='210102']")!.Children[1].TextContent, rows[0].Children[1].TextContent);
        // Those are the cases accepted in the district (not those of its residents accepted elsewhere), and the page says so.
        Assert.Contains("按受理社区统计", own.QuerySelector("#stats-basis")!.TextContent, StringComparison.Ordinal);
        Assert.Equal("受理区县", own.QuerySelector("#stats-table thead th")!.TextContent.Trim());

        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync($"/service-desk/statistics?GroupBy=Street&Area=210103&{Period}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync("/api/service-desk/statistics?groupBy=Street&area=210103")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await district.GetAsync("/api/service-desk/statistics/export?format=csv&area=210103")).StatusCode);
        var streets = Parser.ParseDocument(await district.GetStringAsync($"/service-desk/statistics?GroupBy=Street&Area=210102&{Period}"));
        Assert.All(streets.QuerySelectorAll("#stats-table tbody tr"), r => Assert.StartsWith("210102", r.GetAttribute("data-key")));
        // Community workers have no statistics.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await city.App.ClientForAsync("cw.a")).GetAsync("/api/service-desk/statistics/export")).StatusCode);
    }
}
