using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Accounts.Domain;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Linli.Tests.Accounts;

/// <summary>
/// Wrong passwords lock out the client that sent them, not the account: a stranger cannot lock someone else out, and
/// only failures from many clients together (here 8, configured low) lock the account itself. A name without an account
/// is answered exactly like one with a wrong password, by the same work.
/// </summary>
public sealed class SignInLockoutTests : IAsyncLifetime
{
    private readonly CountingHasher _hasher = new();
    private readonly LinliFactory _app;

    public SignInLockoutTests()
    {
        _app = new ConfiguredFactory([.. BehindProxy.Settings, new("Accounts:SignIn:FailuresPerAccount", "8")])
        {
            TestServices = services =>
            {
                BehindProxy.AddTo(services);
                services.RemoveAll<IPasswordHasher<LinliUser>>();
                services.AddScoped<IPasswordHasher<LinliUser>>(sp => _hasher.Over(new PasswordHasher<LinliUser>(sp.GetRequiredService<IOptions<PasswordHasherOptions>>())));
            },
        };
    }

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        await _app.CreateUserAsync("admin", Roles.Administrator, "2101");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<(int Status, string? Title, string? Detail)> ProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return ((int)response.StatusCode, body.GetProperty("title").GetString(), body.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Five_wrong_passwords_from_one_client_lock_out_that_client_but_not_the_account()
    {
        await _app.CreateUserAsync("victim", Roles.CommunityWorker, "210102001002");
        for (var i = 0; i < 5; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await _app.RequestTokenAsync("victim", "wrong-password", from: "192.0.2.66")).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.RequestTokenAsync("victim", LinliFactory.Password, from: "192.0.2.66")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.RequestTokenAsync("victim", LinliFactory.Password, from: "198.51.100.5")).StatusCode);
        var page = await _app.SignedInPageAsync("victim", from: "198.51.100.6");
        Assert.Equal(HttpStatusCode.OK, await page.PageStatusAsync());
    }

    [Fact]
    public async Task Failures_from_many_clients_together_lock_the_account_until_an_administrator_unlocks_it()
    {
        await _app.CreateUserAsync("sprayed", Roles.CommunityWorker, "210102001002");
        // Five from one address and five from another: the eighth locks the account; the last two are refused uncounted.
        for (var client = 1; client <= 2; client++)
            for (var i = 0; i < 5; i++)
                await _app.RequestTokenAsync("sprayed", "wrong-password", from: $"192.0.2.{100 + client}");
        Assert.Equal(HttpStatusCode.Unauthorized, (await _app.RequestTokenAsync("sprayed", LinliFactory.Password, from: "198.51.100.7")).StatusCode);

        var id = await _app.IdOfAsync("sprayed");
        var admin = await _app.SignedInPageAsync("admin", from: "198.51.100.250");
        var (_, page) = await admin.GetAsync($"/admin/accounts/{id}");
        Assert.Contains("已锁定", page);
        Assert.Contains("近期登录失败 8 次", page);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.SubmitAsync($"/admin/accounts/{id}", [], action: $"/admin/accounts/{id}?handler=Unlock")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _app.RequestTokenAsync("sprayed", LinliFactory.Password, from: "192.0.2.101")).StatusCode);
    }

    [Fact]
    public async Task A_name_without_an_account_is_answered_like_a_wrong_password_including_the_lockout()
    {
        await _app.CreateUserAsync("known.name", Roles.CommunityWorker, "210102001002");
        var known = await ProblemAsync(await _app.RequestTokenAsync("known.name", "wrong-password", from: "192.0.2.21"));
        var unknown = await ProblemAsync(await _app.RequestTokenAsync("no.such.name", "wrong-password", from: "192.0.2.22"));
        Assert.Equal(known, unknown);
        Assert.Equal(401, known.Status);

        // On the page: the wrong-password message for both, then after five the lockout message for both.
        foreach (var name in new[] { "known.name", "no.such.name" })
        {
            var browser = _app.PageFrom("192.0.2.30");
            var first = await (await browser.SubmitAsync("/account/login", new() { ["Input.UserName"] = name, ["Input.Password"] = "wrong-password" })).Content.ReadAsStringAsync();
            Assert.Contains("用户名或密码错误。", first);
            for (var i = 0; i < 4; i++)
                await browser.SubmitAsync("/account/login", new() { ["Input.UserName"] = name, ["Input.Password"] = "wrong-password" });
            var locked = await (await browser.SubmitAsync("/account/login", new() { ["Input.UserName"] = name, ["Input.Password"] = "wrong-password" })).Content.ReadAsStringAsync();
            Assert.Contains("账号已被锁定", locked);
        }
    }

    [Fact]
    public async Task The_password_hasher_runs_once_per_attempt_whether_or_not_the_name_exists()
    {
        await _app.CreateUserAsync("timed.name", Roles.CommunityWorker, "210102001002");
        async Task<int> VerificationsAsync(string userName, string from)
        {
            var before = _hasher.Verifications;
            await _app.RequestTokenAsync(userName, "wrong-password", from);
            return _hasher.Verifications - before;
        }

        Assert.Equal(1, await VerificationsAsync("timed.name", "192.0.2.40"));
        Assert.Equal(1, await VerificationsAsync("nobody.at.all", "192.0.2.40"));
        for (var i = 0; i < 5; i++) await VerificationsAsync("timed.name", "192.0.2.41");
        Assert.Equal(1, await VerificationsAsync("timed.name", "192.0.2.41")); // locked out: the same work all the same
    }

    [Fact]
    public async Task An_attempt_with_an_unknown_name_is_audited_without_the_name_and_creates_nothing()
    {
        var accounts = await _app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<UserManager<LinliUser>>().Users.Count()));
        await _app.RequestTokenAsync("typed.Secret#2026", "Another#Secret1", from: "192.0.2.50");

        Assert.Equal(accounts, await _app.WithScopeAsync(sp => Task.FromResult(sp.GetRequiredService<UserManager<LinliUser>>().Users.Count())));
        var entry = (await _app.AuditAsync(AuditActions.SignInFailed)).Last();
        Assert.Equal("", entry.SubjectId);
        Assert.Equal("token", entry.Field);
        Assert.Contains("192.0.2.50", entry.Reason);
        Assert.Equal("2101", entry.RegionCode);
        var everything = string.Join("\n", (await _app.AllAuditAsync()).Select(e => $"{e.UserName} {e.SubjectId} {e.Field} {e.Reason}"));
        Assert.DoesNotContain("typed.Secret", everything);
        Assert.DoesNotContain("Another#Secret1", everything);
    }

    /// <summary>Identity's hasher, counting its verifications.</summary>
    private sealed class CountingHasher
    {
        private int _verifications;
        public int Verifications => Volatile.Read(ref _verifications);

        public IPasswordHasher<LinliUser> Over(IPasswordHasher<LinliUser> inner) => new Counting(inner, this);

        private sealed class Counting(IPasswordHasher<LinliUser> inner, CountingHasher counter) : IPasswordHasher<LinliUser>
        {
            public string HashPassword(LinliUser user, string password) => inner.HashPassword(user, password);

            public PasswordVerificationResult VerifyHashedPassword(LinliUser user, string hashedPassword, string providedPassword)
            {
                Interlocked.Increment(ref counter._verifications);
                return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            }
        }
    }
}
