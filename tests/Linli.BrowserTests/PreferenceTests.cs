using static Microsoft.Playwright.Assertions;

namespace Linli.BrowserTests;

[Collection(LinliServer.Collection)]
public sealed class PreferenceTests(LinliServer server)
{
    [Fact]
    public async Task The_language_switch_shows_english_and_back_to_chinese()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.supervisor");
        await page.GotoAsync("/regions/210102");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator("nav.main")).ToContainTextAsync("行政区划");

        await page.ClickAsync("button[name=culture][value=en]");
        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/regions/210102");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("nav.main")).ToContainTextAsync("Regions");
        await Expect(page.Locator("nav.main")).ToContainTextAsync("Audit log");
        await Expect(page.Locator("h2")).ToContainTextAsync("Streets and towns");
        await Expect(page.Locator("header button[type=submit]").Last).ToHaveTextAsync("Sign out");
        await LinliServer.ScreenshotAsync(page, "english-district");

        // The choice is a cookie: other pages follow it.
        await page.GotoAsync("/regions/map");
        await Expect(page.Locator("h1")).ToContainTextAsync("District map");

        await page.ClickAsync("button[name=culture][value=zh-CN]");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "zh-CN");
        await Expect(page.Locator("h1")).ToContainTextAsync("区县地图");
    }

    [Fact]
    public async Task The_large_text_high_contrast_mode_toggles_on_every_page()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/account/login");
        var body = page.Locator("body");
        await Expect(body).Not.ToHaveClassAsync("large-contrast");
        var fontBefore = await body.EvaluateAsync<string>("b => getComputedStyle(b).fontSize");

        await page.ClickAsync("form[action='/preferences/contrast'] button");
        await Expect(body).ToHaveClassAsync("large-contrast");
        Assert.NotEqual(fontBefore, await body.EvaluateAsync<string>("b => getComputedStyle(b).fontSize"));
        await Expect(page.Locator("form[action='/preferences/contrast'] button")).ToHaveAttributeAsync("aria-pressed", "true");

        await LinliServer.SignInAsync(page, "demo.admin");
        foreach (var path in new[] { "/", "/regions", "/regions/map", "/regions/search?q=社区", "/audit", "/admin/accounts", "/admin/accounts/new" })
        {
            await page.GotoAsync(path);
            await Expect(body).ToHaveClassAsync("large-contrast");
        }
        await LinliServer.ScreenshotAsync(page, "large-contrast-new-account");

        await page.ClickAsync("form[action='/preferences/contrast'] button");
        await Expect(body).Not.ToHaveClassAsync("large-contrast");
    }

    [Fact]
    public async Task The_pages_fit_a_phone_screen()
    {
        await using var session = await server.OpenAsync(width: 390, height: 844);
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.community");
        foreach (var path in new[] { "/", "/regions/210102001002", "/regions/map" })
        {
            await page.GotoAsync(path);
            var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1");
            Assert.False(overflow, $"{path} is wider than a phone screen");
        }
        await LinliServer.ScreenshotAsync(page, "phone-map");
    }
}
