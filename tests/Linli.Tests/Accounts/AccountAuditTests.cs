using System.Net;
using Linli.Platform.Audit;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Accounts;

/// <summary>Sign-ins, failures, sign-outs and every administrator's change to an account are in the audit log — never a password.</summary>
public sealed class AccountAuditTests : IAsyncLifetime
{
    private const string CreatedPassword = "Created#Pass2026";
    private readonly LinliFactory _app = new ConfiguredFactory(BehindProxy.Settings) { TestServices = BehindProxy.AddTo };

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        await _app.CreateUserAsync("admin", Roles.Administrator, "2101");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Sign_ins_failures_and_sign_outs_are_audited_by_account_and_client()
    {
        await _app.CreateUserAsync("audited", Roles.CommunityWorker, "210102001002");
        var id = await _app.IdOfAsync("audited");
        await _app.RequestTokenAsync("audited", "Wrong#Guess2026", from: "203.0.113.81");
        await _app.TokenClientAsync("audited", from: "203.0.113.82");
        var browser = await _app.SignedInPageAsync("audited", from: "203.0.113.83");
        await browser.SubmitAsync("/", [], action: "/account/logout");

        var failed = Assert.Single(await _app.AuditAsync(AuditActions.SignInFailed), e => e.SubjectId == id);
        Assert.Equal(("account", "210102001002", "token"), (failed.SubjectType, failed.RegionCode, failed.Field));
        Assert.Contains("203.0.113.81", failed.Reason);

        var signIns = (await _app.AuditAsync(AuditActions.SignIn)).Where(e => e.SubjectId == id).ToList();
        Assert.Equal(["token", "page"], signIns.Select(e => e.Field));
        Assert.All(signIns, e => Assert.Equal("audited", e.UserName));
        Assert.Contains("203.0.113.83", signIns[1].Reason);

        var signOut = Assert.Single(await _app.AuditAsync(AuditActions.SignOut), e => e.SubjectId == id);
        Assert.Equal(("audited", "page"), (signOut.UserName, signOut.Field));

        var everything = string.Join("\n", (await _app.AllAuditAsync()).Select(e => $"{e.Field} {e.Reason}"));
        Assert.DoesNotContain("Wrong#Guess2026", everything);
        Assert.DoesNotContain(LinliFactory.Password, everything);
    }

    [Fact]
    public async Task Creating_changing_locking_unlocking_and_resetting_an_account_are_audited_under_the_administrator()
    {
        var admin = await _app.SignedInPageAsync("admin", from: "198.51.100.250");
        var created = await admin.SubmitAsync("/admin/accounts/new", new()
        {
            ["Input.UserName"] = "made.here", ["Input.DisplayName"] = "新建", ["Input.Password"] = CreatedPassword,
            ["Input.Role"] = Roles.GridWorker, ["Input.RegionCode"] = "210102001002",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        var id = await _app.IdOfAsync("made.here");
        await admin.SubmitAsync($"/admin/accounts/{id}", new()
        {
            ["Input.DisplayName"] = "新建", ["Input.Roles"] = Roles.CommunityWorker, ["Input.RegionCode"] = "210102002001",
        });
        await admin.SubmitAsync($"/admin/accounts/{id}", [], action: $"/admin/accounts/{id}?handler=Lock");
        await admin.SubmitAsync($"/admin/accounts/{id}", [], action: $"/admin/accounts/{id}?handler=Unlock");
        await admin.SubmitAsync($"/admin/accounts/{id}", [], action: $"/admin/accounts/{id}?handler=GeneratePassword");

        var entries = (await _app.AllAuditAsync()).Where(e => e.SubjectId == id && e.SubjectType == "account").ToList();
        Assert.Equal(
            [AuditActions.AccountCreated, AuditActions.AccountChanged, AuditActions.AccountLocked, AuditActions.AccountUnlocked, AuditActions.PasswordReset],
            entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal("admin", e.UserName));
        var change = entries[1];
        Assert.Equal("roles,scope", change.Field);
        Assert.Contains("角色 网格员 → 社区工作者", change.Reason);
        Assert.Contains("辖区 210102001002 → 210102002001", change.Reason);
        Assert.Equal("210102002001", change.RegionCode);
        Assert.Equal("generated", entries[4].Field);
        Assert.DoesNotContain(CreatedPassword, string.Join("\n", entries.Select(e => e.Reason)));
    }
}
