using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.BrowserTests;

/// <summary>Nothing typed is lost when the session ends while a form is being filled (issue 7, §6).</summary>
[Collection(LinliServer.Collection)]
public sealed class TypedInputTests(LinliServer server)
{
    [Fact]
    public async Task A_form_posted_after_the_session_ended_is_filled_again_after_signing_in_and_only_once()
    {
        await using var session = await server.OpenAsync(width: 390, height: 844);
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.resident");
        await page.GotoAsync("/requests/new");
        const string description = "小区东门路灯连续三晚不亮，夜里出行很不方便。";
        await page.FillAsync("#Description", description);
        await page.FillAsync("#Address", "东门岗亭旁");
        await page.SelectOptionAsync("#Urgency", "Urgent");
        // The phone is personal (data-personal): never written into the browser's storage, so typed again.
        await page.FillAsync("#ContactPhone", "13900001234");

        // The session ends (cookie expired or revoked) while the resident is still typing; then they submit.
        await page.Context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = "linli.auth" });
        await page.ClickAsync("button[name=Step][value=file]");
        await Expect(page).ToHaveURLAsync(new Regex("/account/login"));
        var kept = await page.EvaluateAsync<string>("() => JSON.stringify(sessionStorage)");
        Assert.Contains("东门岗亭旁", kept, StringComparison.Ordinal);
        Assert.DoesNotContain("13900001234", kept, StringComparison.Ordinal);

        await page.FillAsync("#Input_UserName", "demo.resident");
        await page.FillAsync("#Input_Password", LinliServer.DemoPassword);
        await page.ClickAsync("form.stack button[type=submit]");
        await Expect(page).ToHaveURLAsync(new Regex("/requests/new$"));
        await Expect(page.Locator("#Description")).ToHaveValueAsync(description);
        await Expect(page.Locator("#Address")).ToHaveValueAsync("东门岗亭旁");
        await Expect(page.Locator("#Urgency")).ToHaveValueAsync("Urgent");
        await Expect(page.Locator("#ContactPhone")).ToHaveValueAsync("");
        await Expect(page.Locator("#kept-input")).ToBeVisibleAsync();

        // Kept once: the form opened again later is empty, and the notice is gone.
        await page.GotoAsync("/requests/mine");
        await page.GotoAsync("/requests/new");
        await Expect(page.Locator("#Description")).ToHaveValueAsync("");
        await Expect(page.Locator("#kept-input")).ToBeHiddenAsync();
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task A_form_shown_again_by_the_server_is_not_overwritten_by_what_the_browser_kept()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.resident");
        await page.GotoAsync("/requests/new");
        await page.FillAsync("#Description", "楼道灯坏了");
        // Asking for a category suggestion posts the form; the server shows it again with its values, still signed in.
        await page.ClickAsync("button[name=Step][value=suggest]");
        await Expect(page.Locator("#Description")).ToHaveValueAsync("楼道灯坏了");
        await Expect(page.Locator("#kept-input")).ToBeHiddenAsync();
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Another_user_signing_in_after_the_session_ended_does_not_get_the_form_back()
    {
        var other = "bt.resident." + Guid.NewGuid().ToString("N")[..6];
        const string password = "Browser#Test2026";
        await using (var admin = await server.OpenAsync())
        {
            var page = admin.Page;
            await LinliServer.SignInAsync(page, "demo.admin");
            await page.GotoAsync("/admin/accounts/new");
            await page.FillAsync("#Input_UserName", other);
            await page.FillAsync("#Input_DisplayName", "浏览器测试居民");
            await page.FillAsync("#Input_Password", password);
            await page.SelectOptionAsync("#Input_Role", "resident");
            await page.ClickAsync("form.stack button[type=submit]");
            await Expect(page.Locator(".success")).ToContainTextAsync($"已创建账号 {other}");
        }

        await using var session = await server.OpenAsync();
        var resident = session.Page;
        await LinliServer.SignInAsync(resident, "demo.resident");
        await resident.GotoAsync("/requests/new");
        await resident.FillAsync("#Description", "家里的事，只给本人看。");
        await resident.Context.ClearCookiesAsync(new BrowserContextClearCookiesOptions { Name = "linli.auth" });
        await resident.ClickAsync("button[name=Step][value=file]");
        await Expect(resident).ToHaveURLAsync(new Regex("/account/login"));

        // Someone else signs in at the same browser tab: the form opens empty, and nothing says it was kept.
        await resident.FillAsync("#Input_UserName", other);
        await resident.FillAsync("#Input_Password", password);
        await resident.ClickAsync("form.stack button[type=submit]");
        await Expect(resident).ToHaveURLAsync(new Regex("/requests/new$"));
        await Expect(resident.Locator("#Description")).ToHaveValueAsync("");
        await Expect(resident.Locator("#kept-input")).ToBeHiddenAsync();
        // The user is named on the page by a hash only.
        var hash = await resident.Locator("body").GetAttributeAsync("data-user");
        Assert.Matches("^[0-9a-f]{16,}$", hash ?? "");
        Assert.DoesNotContain(other, hash!, StringComparison.Ordinal);
        Assert.Empty(session.Errors);
    }
}
