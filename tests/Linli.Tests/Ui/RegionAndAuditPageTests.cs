using System.Globalization;
using System.Net;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Ui;

[Collection("city2")]
public sealed class RegionAndAuditPageTests(CityFixture city)
{
    [Fact]
    public async Task The_region_pages_need_a_signed_in_user()
    {
        var response = await PageClient.Anonymous(city.App).Http.GetAsync("/regions/2101");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/login", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task The_city_page_lists_the_districts_with_their_counts()
    {
        var client = await PageClient.SignedInAsync(city.App, "cw.a");
        var (status, html) = await client.GetAsync("/regions");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<h1>沈阳市", html);
        Assert.Contains("href=\"/regions/210102\"", html);
        Assert.Contains("data-count=\"grids\"", html);
        Assert.Contains("下辖区县（市）", html);
    }

    [Fact]
    public async Task A_grid_page_shows_the_whole_path_and_no_children()
    {
        var client = await PageClient.SignedInAsync(city.App, "cw.a");
        var (status, html) = await client.GetAsync($"/regions/{CityFixture.CommunityA}001");
        Assert.Equal(HttpStatusCode.OK, status);
        foreach (var code in new[] { "2101", "210102", "210102001", CityFixture.CommunityA })
            Assert.Contains($"<li><a href=\"/regions/{code}\">", html);
        Assert.Contains("没有下级单位。", html);
    }

    [Theory]
    [InlineData("999999")]
    [InlineData("abc")]
    [InlineData("2101020010020019999")]
    public async Task An_unknown_code_is_a_404_page(string code)
    {
        var client = await PageClient.SignedInAsync(city.App, "cw.a");
        var (status, html) = await client.GetAsync($"/regions/{code}");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("未找到该行政区划", html);
    }

    [Fact]
    public async Task An_unknown_page_is_an_html_404_for_browsers_and_a_problem_for_the_api()
    {
        var client = PageClient.Anonymous(city.App);
        var (status, html) = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Contains("页面不存在", html);

        var api = await city.App.CreateClient().GetAsync("/api/no/such/thing");
        Assert.Equal("application/problem+json", api.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task The_name_search_pages_through_its_hits()
    {
        var client = await PageClient.SignedInAsync(city.App, "cw.a");
        var (status, html) = await client.GetAsync("/regions/search?q=" + Uri.EscapeDataString("社区") + "&pageNumber=2");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("第 2 / ", html);
        Assert.Contains("name=\"pageNumber\" value=\"3\"", html);
    }

    [Fact]
    public async Task The_map_page_has_the_table_and_the_count_choice_without_javascript()
    {
        var client = await PageClient.SignedInAsync(city.App, "supervisor");
        var (status, html) = await client.GetAsync("/regions/map?count=grids");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("id=\"district-table\"", html);
        Assert.Contains("<option value=\"grids\" selected=\"selected\">", html);
        Assert.Contains("data-region=\"/api/regions/2101\"", html);
        Assert.Equal(13, System.Text.RegularExpressions.Regex.Count(html, "<td class=\"code\">2101\\d\\d</td>"));
    }

    [Fact]
    public async Task The_audit_page_shows_only_entries_of_the_callers_area()
    {
        var inside = "t-" + Guid.NewGuid().ToString("N")[..10];
        var outside = "t-" + Guid.NewGuid().ToString("N")[..10];
        await city.App.WithScopeAsync(async sp =>
        {
            var log = sp.GetRequiredService<IAuditLog>();
            var cwA = new AuditActor("", "cw.a", "cw.a");
            await log.RecordAsync(new AuditRecord("reveal", "resident", inside, CityFixture.CommunityA) { Field = "idNumber", Reason = "测试", Actor = cwA });
            await log.RecordAsync(new AuditRecord("reveal", "resident", outside, "210103001001") { Field = "idNumber", Reason = "测试", Actor = cwA });
            return 0;
        });
        await city.App.CreateUserAsync("supervisor.heping", Roles.Supervisor, "210102");

        var heping = await PageClient.SignedInAsync(city.App, "supervisor.heping");
        var (status, html) = await heping.GetAsync("/audit");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(inside, html);
        Assert.DoesNotContain(outside, html);

        var cityWide = await PageClient.SignedInAsync(city.App, "supervisor");
        var filtered = await cityWide.SubmitAsync("/audit", new() { ["SubjectId"] = outside, ["From"] = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) });
        var filteredHtml = await filtered.Content.ReadAsStringAsync();
        Assert.Contains(outside, filteredHtml);
        Assert.DoesNotContain(inside, filteredHtml);

        var reversed = await cityWide.SubmitAsync("/audit", new() { ["From"] = "2026-03-02", ["To"] = "2026-03-01" });
        Assert.Contains("结束日期不能早于开始日期。", await reversed.Content.ReadAsStringAsync());

        var worker = await PageClient.SignedInAsync(city.App, "cw.a");
        Assert.Equal(HttpStatusCode.Redirect, (await worker.Http.GetAsync("/audit")).StatusCode);
    }

    [Fact]
    public async Task The_culture_cookie_switches_the_pages_to_english()
    {
        var client = PageClient.Anonymous(city.App);
        var (_, chinese) = await client.GetAsync("/account/login");
        Assert.Contains("<html lang=\"zh-CN\">", chinese);
        Assert.Contains(">登录</button>", chinese);

        var switched = await client.SubmitAsync("/account/login", new() { ["culture"] = "en", ["returnUrl"] = "/account/login" }, action: "/preferences/culture");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        var (_, english) = await client.GetAsync("/account/login");
        Assert.Contains("<html lang=\"en\">", english);
        Assert.Contains(">Sign in</button>", english);
        Assert.Contains("User name", english);
    }
}
