using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Linli.BrowserTests;

[Collection(LinliServer.Collection)]
public sealed class SignInTests(LinliServer server)
{
    [Fact]
    public async Task A_wrong_password_shows_the_chinese_error_and_keeps_the_form()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/account/login");
        await page.FillAsync("#Input_UserName", "nobody.here");
        await page.FillAsync("#Input_Password", "wrong-password");
        await page.ClickAsync("form.stack button[type=submit]");

        await Expect(page.Locator("form.stack .error")).ToContainTextAsync("用户名或密码错误。");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        await Expect(page.Locator("#Input_UserName")).ToHaveValueAsync("nobody.here");
        await Expect(page.Locator("#Input_Password")).ToHaveValueAsync("");
    }

    [Fact]
    public async Task A_protected_page_sends_the_visitor_to_sign_in_and_back()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/regions/210102");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login\\?ReturnUrl="));
        await page.FillAsync("#Input_UserName", "demo.district");
        await page.FillAsync("#Input_Password", LinliServer.DemoPassword);
        await page.ClickAsync("form.stack button[type=submit]");
        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/regions/210102");
        await Expect(page.Locator("header .who")).ToContainTextAsync("demo.district");

        await page.ClickAsync("header form[action='/account/logout'] button");
        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/");
        await Expect(page.Locator("header a[href='/account/login']")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_return_url_to_another_site_is_ignored()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await page.GotoAsync("/account/login?returnUrl=" + Uri.EscapeDataString("https://example.com/phish"));
        await page.FillAsync("#Input_UserName", "demo.grid");
        await page.FillAsync("#Input_Password", LinliServer.DemoPassword);
        await page.ClickAsync("form.stack button[type=submit]");
        await Expect(page).ToHaveURLAsync(server.BaseUrl + "/");
    }
}
