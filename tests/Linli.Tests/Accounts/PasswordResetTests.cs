using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Accounts;

/// <summary>
/// An administrator resets a password inside their own area — a generated one-time password shown once, or one they
/// set — and the account must choose its own at the next sign-in before anything else; API tokens are refused with a
/// clear problem until then. The accounts list and page show each account's last sign-in.
/// </summary>
public sealed class PasswordResetTests : IAsyncLifetime
{
    private const string NewPassword = "Mine#Own2026";
    private readonly LinliFactory _app = new ConfiguredFactory(BehindProxy.Settings) { TestServices = BehindProxy.AddTo };

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        await _app.CreateUserAsync("admin", Roles.Administrator, "2101");
        await _app.CreateUserAsync("admin.heping", Roles.Administrator, "210102");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<string> GeneratedPasswordForAsync(string userName, string admin = "admin")
    {
        var id = await _app.IdOfAsync(userName);
        var page = await _app.SignedInPageAsync(admin, from: "198.51.100.250");
        var response = await page.SubmitAsync($"/admin/accounts/{id}", [], action: $"/admin/accounts/{id}?handler=GeneratePassword");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        var shown = AccountTestKit.OneTimePasswordShown().Match(html);
        Assert.True(shown.Success, "the generated password is shown on the answer");
        // Shown once: the account's page does not show it again.
        var (_, again) = await page.GetAsync($"/admin/accounts/{id}");
        Assert.DoesNotContain(shown.Groups[1].Value, again);
        Assert.Contains("下次登录须修改密码", again);
        return shown.Groups[1].Value;
    }

    [Fact]
    public async Task A_generated_password_works_once_for_the_change_password_page_and_nothing_else()
    {
        await _app.CreateUserAsync("forgot", Roles.CommunityWorker, "210102001002");
        var oneTime = await GeneratedPasswordForAsync("forgot");
        Assert.Equal(12, oneTime.Length);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.RequestTokenAsync("forgot", LinliFactory.Password, from: "203.0.113.60")).StatusCode);

        // The token endpoint refuses with a problem that says what to do.
        var token = await _app.RequestTokenAsync("forgot", oneTime, from: "203.0.113.60");
        Assert.Equal(HttpStatusCode.Forbidden, token.StatusCode);
        var problem = await token.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("password-change-required", problem.GetProperty("code").GetString());
        Assert.Contains("/account/change-password", problem.GetProperty("detail").GetString());

        // The sign-in form leads to the change-password page, and so does every other page until the change.
        var browser = _app.PageFrom("203.0.113.61");
        var signIn = await browser.SubmitAsync("/account/login",
            new() { ["Input.UserName"] = "forgot", ["Input.Password"] = oneTime, ["returnUrl"] = "/regions/210102" });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/account/change-password?returnUrl=%2Fregions%2F210102", signIn.Headers.Location?.OriginalString);
        var elsewhere = await browser.Http.GetAsync("/regions");
        Assert.Equal("/account/change-password?returnUrl=%2Fregions", elsewhere.Headers.Location?.OriginalString);
        var api = await browser.Http.GetAsync("/api/regions/2101");
        Assert.Equal(HttpStatusCode.Forbidden, api.StatusCode);
        Assert.Equal("password-change-required", (await api.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("code").GetString());

        var changed = await browser.SubmitAsync("/account/change-password?returnUrl=%2Fregions%2F210102", new()
        {
            ["Input.CurrentPassword"] = oneTime, ["Input.NewPassword"] = NewPassword, ["Input.ConfirmPassword"] = NewPassword,
            ["returnUrl"] = "/regions/210102",
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal("/regions/210102", changed.Headers.Location?.OriginalString);
        Assert.Equal(HttpStatusCode.OK, await browser.PageStatusAsync());
        Assert.Equal(HttpStatusCode.OK, (await _app.RequestTokenAsync("forgot", NewPassword, from: "203.0.113.62")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.RequestTokenAsync("forgot", oneTime, from: "203.0.113.63")).StatusCode);
    }

    [Fact]
    public async Task A_password_the_administrator_sets_must_still_be_replaced_which_an_api_client_does_by_post()
    {
        await _app.CreateUserAsync("phoned.in", Roles.CommunityWorker, "210102001002");
        var id = await _app.IdOfAsync("phoned.in");
        var admin = await _app.SignedInPageAsync("admin", from: "198.51.100.250");
        var set = await admin.SubmitAsync($"/admin/accounts/{id}", new() { ["NewPassword"] = "Agreed#Phone2026" },
            action: $"/admin/accounts/{id}?handler=SetPassword");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.DoesNotContain("Agreed#Phone2026", await set.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.Forbidden, (await _app.RequestTokenAsync("phoned.in", "Agreed#Phone2026", from: "203.0.113.64")).StatusCode);
        var client = _app.CreateClient().From("203.0.113.64");
        var weak = await client.PostAsJsonAsync("/api/auth/password", new { userName = "phoned.in", currentPassword = "Agreed#Phone2026", newPassword = "short" });
        Assert.Equal(HttpStatusCode.BadRequest, weak.StatusCode);
        Assert.True((await weak.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("newPassword", out _));
        var changed = await client.PostAsJsonAsync("/api/auth/password", new { userName = "phoned.in", currentPassword = "Agreed#Phone2026", newPassword = NewPassword });
        Assert.Equal(HttpStatusCode.NoContent, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.RequestTokenAsync("phoned.in", NewPassword, from: "203.0.113.64")).StatusCode);
    }

    [Fact]
    public async Task A_weak_password_set_by_an_administrator_is_refused_in_chinese_and_nothing_changes()
    {
        await _app.CreateUserAsync("weak.reset", Roles.CommunityWorker, "210102001002");
        var id = await _app.IdOfAsync("weak.reset");
        var admin = await _app.SignedInPageAsync("admin", from: "198.51.100.250");
        var set = await admin.SubmitAsync($"/admin/accounts/{id}", new() { ["NewPassword"] = "short" }, action: $"/admin/accounts/{id}?handler=SetPassword");
        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Contains("密码至少需要 8 个字符。", await set.Content.ReadAsStringAsync());
        Assert.False((await _app.AccountAsync("weak.reset")).MustChangePassword);
        Assert.Equal(HttpStatusCode.OK, (await _app.RequestTokenAsync("weak.reset", LinliFactory.Password, from: "203.0.113.65")).StatusCode);
    }

    [Fact]
    public async Task An_administrator_resets_passwords_only_inside_their_area()
    {
        await _app.CreateUserAsync("in.shenhe", Roles.CommunityWorker, "210103005003");
        var id = await _app.IdOfAsync("in.shenhe");
        var districtAdmin = await _app.SignedInPageAsync("admin.heping", from: "198.51.100.251");
        // The form of an account in their own district gives the antiforgery token; the POST names the other account.
        await _app.CreateUserAsync("in.heping", Roles.CommunityWorker, "210102001002");
        var own = await _app.IdOfAsync("in.heping");
        var response = await districtAdmin.SubmitAsync($"/admin/accounts/{own}", [], action: $"/admin/accounts/{id}?handler=GeneratePassword");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False((await _app.AccountAsync("in.shenhe")).MustChangePassword);
        Assert.Equal(HttpStatusCode.OK, (await _app.RequestTokenAsync("in.shenhe", LinliFactory.Password, from: "203.0.113.66")).StatusCode);
    }

    [Fact]
    public async Task The_accounts_list_and_page_show_the_last_sign_in_with_its_client()
    {
        await _app.CreateUserAsync("seen.lately", Roles.CommunityWorker, "210102001002");
        await _app.CreateUserAsync("never.seen", Roles.CommunityWorker, "210102001002");
        await _app.SignedInPageAsync("seen.lately", from: "203.0.113.77");
        var account = await _app.AccountAsync("seen.lately");
        Assert.Equal("203.0.113.77", account.LastSignInClient);
        var shown = Linli.Platform.Ui.Display.ChinaTime(account.LastSignInAt!.Value);

        var admin = await _app.SignedInPageAsync("admin", from: "198.51.100.250");
        var list = await (await admin.SubmitAsync("/admin/accounts", new() { ["Q"] = "seen.lately" })).Content.ReadAsStringAsync();
        Assert.Contains(shown, list);
        Assert.Contains("203.0.113.77", list);
        var (_, page) = await admin.GetAsync($"/admin/accounts/{account.Id}");
        Assert.Contains(shown, page);
        Assert.Contains("203.0.113.77", page);
        var (_, never) = await admin.GetAsync($"/admin/accounts/{await _app.IdOfAsync("never.seen")}");
        Assert.Contains("从未登录", never);
    }
}
