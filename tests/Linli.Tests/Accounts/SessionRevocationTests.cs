using System.Net;
using System.Net.Http.Json;
using Linli.Modules.Accounts.Domain;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Accounts;

/// <summary>
/// A bearer token and a browser session end within a minute of whatever should end them — an administrator's lock, a
/// lockout by failed sign-ins, a demotion, a scope change, a sign-out, a password reset — on the app's own clock (a fake
/// one here: no test waits).
/// </summary>
public sealed class SessionRevocationTests : IAsyncLifetime
{
    private const string Community = "210102001002";
    private static readonly TimeSpan JustOverAMinute = TimeSpan.FromSeconds(61);

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 12, 1, 1, 0, 0, TimeSpan.Zero));
    private readonly LinliFactory _app;

    public SessionRevocationTests()
    {
        _app = new ConfiguredFactory([.. BehindProxy.Settings, new("Accounts:SignIn:FailuresPerAccount", "8")])
        {
            TestServices = services =>
            {
                services.AddSingleton<TimeProvider>(_clock);
                BehindProxy.AddTo(services);
            },
        };
    }

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        await _app.CreateUserAsync("admin", Roles.Administrator, "2101");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<(HttpClient Token, Ui.PageClient Browser, string Id)> SignedInEverywhereAsync(string userName, string role = Roles.CommunityWorker)
    {
        await _app.CreateUserAsync(userName, role, Community);
        var token = await _app.TokenClientAsync(userName, from: "203.0.113.1");
        var browser = await _app.SignedInPageAsync(userName, from: "203.0.113.2");
        Assert.Equal(HttpStatusCode.OK, await token.ApiStatusAsync());
        Assert.Equal(HttpStatusCode.OK, await browser.PageStatusAsync());
        return (token, browser, await _app.IdOfAsync(userName));
    }

    private async Task AssertEndedAsync(HttpClient token, Ui.PageClient browser)
    {
        _clock.Advance(JustOverAMinute);
        Assert.Equal(HttpStatusCode.Unauthorized, await token.ApiStatusAsync());
        var page = await browser.Http.GetAsync("/regions");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.Contains("/account/login", page.Headers.Location?.OriginalString);
    }

    private async Task<Ui.PageClient> AdminAsync() => await _app.SignedInPageAsync("admin", from: "203.0.113.250");

    [Fact]
    public async Task An_administrators_lock_ends_the_accounts_token_and_browser_session_within_a_minute()
    {
        var (token, browser, id) = await SignedInEverywhereAsync("locked.by.admin");
        var admin = await AdminAsync();
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/admin/accounts/{id}", [], action: $"/admin/accounts/{id}?handler=Lock")).StatusCode);
        await AssertEndedAsync(token, browser);
    }

    [Fact]
    public async Task A_lockout_by_failures_from_many_clients_ends_the_accounts_token_and_browser_session()
    {
        var (token, browser, _) = await SignedInEverywhereAsync("locked.by.failures");
        // Five wrong passwords from each of two addresses: ten for the name, over the configured eight.
        foreach (var client in new[] { "192.0.2.10", "192.0.2.11" })
            for (var i = 0; i < 5; i++)
                await _app.RequestTokenAsync("locked.by.failures", "wrong-password", from: client);
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.RequestTokenAsync("locked.by.failures", LinliFactory.Password, from: "192.0.2.12")).StatusCode);
        await AssertEndedAsync(token, browser);
    }

    [Fact]
    public async Task A_demotion_ends_the_accounts_token_and_browser_session()
    {
        var (token, browser, id) = await SignedInEverywhereAsync("demoted", Roles.DistrictStaff);
        var admin = await AdminAsync();
        var saved = await admin.SubmitAsync($"/admin/accounts/{id}", new()
        {
            ["Input.DisplayName"] = "demoted", ["Input.Roles"] = Roles.GridWorker, ["Input.RegionCode"] = Community,
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await AssertEndedAsync(token, browser);

        // Signing in again gives the new role: the district's metrics are no longer open to it.
        var again = await _app.SignedInPageAsync("demoted", from: "203.0.113.3");
        var metrics = await again.Http.GetAsync("/requests/metrics");
        Assert.Contains("/account/denied", metrics.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_scope_change_ends_the_accounts_token_and_browser_session()
    {
        var (token, browser, id) = await SignedInEverywhereAsync("moved");
        var admin = await AdminAsync();
        var saved = await admin.SubmitAsync($"/admin/accounts/{id}", new()
        {
            ["Input.DisplayName"] = "moved", ["Input.Roles"] = Roles.CommunityWorker, ["Input.RegionCode"] = "210102002001",
        });
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        await AssertEndedAsync(token, browser);
    }

    [Fact]
    public async Task Renaming_an_account_leaves_its_sessions_alone()
    {
        var (token, browser, id) = await SignedInEverywhereAsync("renamed");
        var admin = await AdminAsync();
        await admin.SubmitAsync($"/admin/accounts/{id}", new()
        {
            ["Input.DisplayName"] = "新名字", ["Input.Roles"] = Roles.CommunityWorker, ["Input.RegionCode"] = Community,
        });
        _clock.Advance(JustOverAMinute);
        Assert.Equal(HttpStatusCode.OK, await token.ApiStatusAsync());
        Assert.Equal(HttpStatusCode.OK, await browser.PageStatusAsync());
    }

    [Fact]
    public async Task Signing_out_in_one_browser_ends_the_accounts_token_and_other_browsers()
    {
        var (token, browser, _) = await SignedInEverywhereAsync("signs.out");
        var other = await _app.SignedInPageAsync("signs.out", from: "203.0.113.4");
        Assert.Equal(HttpStatusCode.Redirect, (await other.SubmitAsync("/", [], action: "/account/logout")).StatusCode);
        await AssertEndedAsync(token, browser);
    }

    [Fact]
    public async Task Revoking_a_token_ends_it_at_once_and_the_accounts_other_sessions_within_a_minute()
    {
        var (token, browser, _) = await SignedInEverywhereAsync("revokes");
        var second = await _app.TokenClientAsync("revokes", from: "203.0.113.5");
        Assert.Equal(HttpStatusCode.NoContent, (await token.PostAsync("/api/auth/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, await token.ApiStatusAsync());
        await AssertEndedAsync(second, browser);
    }

    [Fact]
    public async Task A_password_reset_ends_the_accounts_token_and_browser_session()
    {
        var (token, browser, id) = await SignedInEverywhereAsync("reset.me");
        var admin = await AdminAsync();
        var reset = await admin.SubmitAsync($"/admin/accounts/{id}", [], action: $"/admin/accounts/{id}?handler=GeneratePassword");
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);
        await AssertEndedAsync(token, browser);
    }

    [Fact]
    public async Task A_change_made_by_another_instance_is_noticed_within_a_minute_not_on_every_request()
    {
        var (token, _, _) = await SignedInEverywhereAsync("changed.elsewhere");
        // Another instance renews the stamp: this instance holds its last check for up to a minute, then looks again.
        await _app.WithScopeAsync(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<LinliUser>>();
            return await users.UpdateSecurityStampAsync((await users.FindByNameAsync("changed.elsewhere"))!);
        });
        _clock.Advance(TimeSpan.FromSeconds(30));
        Assert.Equal(HttpStatusCode.OK, await token.ApiStatusAsync());
        _clock.Advance(TimeSpan.FromSeconds(31));
        Assert.Equal(HttpStatusCode.Unauthorized, await token.ApiStatusAsync());
    }

    [Fact]
    public async Task Failure_counts_whose_window_and_lock_are_over_are_cleaned_up_and_current_ones_kept()
    {
        await _app.RequestTokenAsync("tried.long.ago", "wrong-password", from: "192.0.2.200");
        _clock.Advance(TimeSpan.FromMinutes(16));
        await _app.RequestTokenAsync("tried.just.now", "wrong-password", from: "192.0.2.201");

        var left = await _app.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<Linli.Modules.Accounts.Features.SignIn.SignInThrottle>().DeleteExpiredAsync(CancellationToken.None);
            var db = sp.GetRequiredService<Linli.Modules.Accounts.Data.AccountsDbContext>();
            return db.SignInFailures.Select(f => f.UserName + " " + f.Client).OrderBy(k => k).ToList();
        });
        Assert.Equal(["TRIED.JUST.NOW *", "TRIED.JUST.NOW 192.0.2.201"], left);
    }

    [Fact]
    public async Task A_revoked_token_is_answered_401_with_a_bearer_challenge()
    {
        var (token, _, _) = await SignedInEverywhereAsync("challenged");
        await token.PostAsync("/api/auth/revoke", null);
        var response = await token.GetAsync("/api/regions/2101");
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(401, (await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetInt32());
    }
}
