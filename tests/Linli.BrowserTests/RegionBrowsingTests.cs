using static Microsoft.Playwright.Assertions;

namespace Linli.BrowserTests;

[Collection(LinliServer.Collection)]
public sealed class RegionBrowsingTests(LinliServer server)
{
    private const string Community = "210102001002"; // demo.community's scope

    [Fact]
    public async Task A_community_worker_walks_from_the_city_down_to_their_community_by_clicking()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.community");

        await page.GotoAsync("/");
        await page.ClickAsync("nav.main >> text=行政区划");
        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/regions");
        await Expect(page.Locator("table.children tbody tr")).ToHaveCountAsync(13);
        await Expect(page.Locator("[data-count=grids] b")).Not.ToHaveTextAsync("0");

        // City → district → street → community, each by its link in the children table.
        foreach (var code in new[] { "210102", "210102001", Community })
        {
            var link = page.Locator($"table.children a[href='/regions/{code}']");
            var name = await link.InnerTextAsync();
            await link.ClickAsync();
            await Expect(page).ToHaveURLAsync($"{server.BaseUrl}/regions/{code}");
            await Expect(page.Locator("h1")).ToContainTextAsync(name);
        }

        var crumbs = page.Locator("ol.breadcrumbs li");
        await Expect(crumbs).ToHaveCountAsync(4);
        await Expect(crumbs.Nth(0)).ToHaveTextAsync("沈阳市");
        await Expect(crumbs.Nth(1)).ToHaveTextAsync("和平区");
        Assert.Equal(["/regions/2101", "/regions/210102", "/regions/210102001"],
            await page.Locator("ol.breadcrumbs a").EvaluateAllAsync<string[]>("links => links.map(a => a.getAttribute('href'))"));
        await Expect(page.Locator("h2")).ToContainTextAsync("下辖网格");
        await Expect(page.Locator("table.children tbody tr").First).ToBeVisibleAsync();
        await LinliServer.ScreenshotAsync(page, "region-community");

        // And back up through the breadcrumbs.
        await page.ClickAsync("ol.breadcrumbs a[href='/regions/210102']");
        await Expect(page.Locator("h1")).ToContainTextAsync("和平区");
        await LinliServer.ScreenshotAsync(page, "region-district");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task The_home_page_offers_the_workers_own_area_and_hides_the_administrators_links()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.community");
        await page.GotoAsync("/");
        await Expect(page.Locator("h1")).ToContainTextAsync("演示社区工作者");
        await Expect(page.Locator($"ul.cards a[href='/regions/{Community}']")).ToBeVisibleAsync();
        await Expect(page.Locator("a[href='/admin/accounts']")).ToHaveCountAsync(0);
        await LinliServer.ScreenshotAsync(page, "home-community");

        await page.GotoAsync("/admin/accounts");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/account/denied"));
        await Expect(page.Locator("h1")).ToHaveTextAsync("无权访问");
    }

    [Fact]
    public async Task An_unknown_region_code_shows_a_not_found_page()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.street");
        var response = await page.GotoAsync("/regions/999999");
        Assert.Equal(404, response!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync("未找到该行政区划");
    }

    [Fact]
    public async Task The_name_search_finds_a_district()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.street");
        await page.GotoAsync("/regions");
        await page.FillAsync("#region-q", "和平");
        await page.PressAsync("#region-q", "Enter");
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/regions/search\\?q="));
        await page.ClickAsync("table a[href='/regions/210102']");
        await Expect(page.Locator("h1")).ToContainTextAsync("和平区");
    }
}
