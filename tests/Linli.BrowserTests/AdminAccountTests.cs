using static Microsoft.Playwright.Assertions;

namespace Linli.BrowserTests;

[Collection(LinliServer.Collection)]
public sealed class AdminAccountTests(LinliServer server)
{
    [Fact]
    public async Task An_administrator_creates_an_account_that_can_then_sign_in_and_locks_it()
    {
        var userName = "bt.worker." + Guid.NewGuid().ToString("N")[..6];
        const string password = "Browser#Test2026";

        await using (var admin = await server.OpenAsync())
        {
            var page = admin.Page;
            await LinliServer.SignInAsync(page, "demo.admin");
            await page.GotoAsync("/admin/accounts");
            await Expect(page.Locator("table tbody tr")).Not.ToHaveCountAsync(0);
            await page.ClickAsync("a[href='/admin/accounts/new']");

            // A region code that does not exist is a form message, not an error page.
            await page.FillAsync("#Input_UserName", userName);
            await page.FillAsync("#Input_DisplayName", "浏览器测试社工");
            await page.FillAsync("#Input_Password", password);
            await page.SelectOptionAsync("#Input_Role", "community_worker");
            await page.FillAsync("#Input_RegionCode", "210102999999");
            await page.ClickAsync("form.stack button[type=submit]");
            await Expect(page.Locator("[data-valmsg-for='Input.RegionCode']")).ToContainTextAsync("行政区划代码 210102999999 不存在。");

            // A staff role without any scope is refused too.
            await page.FillAsync("#Input_RegionCode", "");
            await page.FillAsync("#Input_Password", password);
            await page.ClickAsync("form.stack button[type=submit]");
            await Expect(page.Locator("[data-valmsg-for='Input.RegionCode']")).ToContainTextAsync("工作人员账号必须指定辖区");

            await page.FillAsync("#Input_RegionCode", "210102001002");
            await page.FillAsync("#Input_Password", password);
            await page.ClickAsync("form.stack button[type=submit]");
            await Expect(page).ToHaveURLAsync(server.BaseUrl + "/admin/accounts");
            await Expect(page.Locator(".success")).ToContainTextAsync($"已创建账号 {userName}");

            // Found by the name search (a POST: names stay out of the URL).
            await page.FillAsync("#q", "浏览器测试");
            await page.ClickAsync("#filters button[type=submit]");
            await Expect(page).ToHaveURLAsync(server.BaseUrl + "/admin/accounts");
            var row = page.Locator("table tbody tr", new() { HasText = userName });
            await Expect(row).ToHaveCountAsync(1);
            await Expect(row).ToContainTextAsync("社区工作者");
            await Expect(row).ToContainTextAsync("210102001002");
            await page.GotoAsync("/admin/accounts");
            await LinliServer.ScreenshotAsync(page, "accounts-list");
        }

        await using (var worker = await server.OpenAsync())
        {
            var page = worker.Page;
            await LinliServer.SignInAsync(page, userName, password);
            await Expect(page.Locator("header .who")).ToContainTextAsync("浏览器测试社工");
            await page.GotoAsync("/");
            await Expect(page.Locator("ul.cards a[href='/regions/210102001002']")).ToBeVisibleAsync();
        }

        await using (var admin = await server.OpenAsync())
        {
            var page = admin.Page;
            await LinliServer.SignInAsync(page, "demo.admin");
            await page.GotoAsync("/admin/accounts?role=community_worker");
            await page.ClickAsync($"table tbody tr:has-text('{userName}') a:has-text('编辑')");
            await page.ClickAsync("form[action*='handler=Lock'] button");
            await Expect(page.Locator(".success")).ToContainTextAsync($"已锁定账号 {userName}");
        }

        await using (var worker = await server.OpenAsync())
        {
            var page = worker.Page;
            await page.GotoAsync("/account/login");
            await page.FillAsync("#Input_UserName", userName);
            await page.FillAsync("#Input_Password", password);
            await page.ClickAsync("form.stack button[type=submit]");
            await Expect(page.Locator("form.stack .error")).ToContainTextAsync("账号已被锁定");
        }
    }
}
