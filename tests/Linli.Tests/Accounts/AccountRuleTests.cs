using System.Net;
using Linli.Modules.Accounts.Domain;
using Linli.Modules.Accounts.Pages.Admin;
using Linli.Platform.Auth;
using Linli.Platform.RateLimiting;
using Linli.Platform.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Linli.Tests.Accounts;

/// <summary>The rules of sign-in, sessions and limits that need no database.</summary>
public sealed class AccountRuleTests
{
    [Fact]
    public async Task A_one_time_password_meets_the_password_rules_and_avoids_look_alike_characters()
    {
        var options = Options.Create(new IdentityOptions { Password = { RequiredLength = 8, RequireNonAlphanumeric = false } });
        var validator = new PasswordValidator<LinliUser>();
        var manager = new UserManager<LinliUser>(new NoStore(), options, new PasswordHasher<LinliUser>(), [], [validator], null!, new IdentityErrorDescriber(), null!, null!);
        var seen = new HashSet<string>();
        for (var i = 0; i < 200; i++)
        {
            var password = OneTimePassword.Generate();
            Assert.Equal(OneTimePassword.Length, password.Length);
            Assert.True((await validator.ValidateAsync(manager, new LinliUser(), password)).Succeeded, password);
            Assert.DoesNotContain(password, "0O1lI".Contains);
            seen.Add(password);
        }
        Assert.Equal(200, seen.Count);
    }

    [Theory]
    [InlineData(RateLimitPolicies.SignIn, "POST", "SignIn")]
    [InlineData(RateLimitPolicies.SignIn, "GET", null)]
    [InlineData(RateLimitPolicies.Intake, "POST", "Intake")]
    [InlineData(RateLimitPolicies.Intake, "GET", null)]
    [InlineData(RateLimitPolicies.Open311, "POST", "Open311Write")]
    [InlineData(RateLimitPolicies.Open311, "GET", "Open311Read")]
    [InlineData(RateLimitPolicies.Export, "GET", "Export")]
    [InlineData("no-such-policy", "POST", null)]
    public void Each_policy_counts_its_requests_against_one_rule(string policy, string method, string? rule) =>
        Assert.Equal(rule, new RateLimitOptions().RuleFor(policy, method)?.Name);

    [Theory]
    [InlineData("203.0.113.7", "203.0.113.7")]
    [InlineData("::ffff:203.0.113.7", "203.0.113.7")]
    [InlineData("2001:db8:1:2:aaaa:bbbb:cccc:dddd", "2001:db8:1:2::/64")]
    [InlineData("2001:db8:1:2::1", "2001:db8:1:2::/64")]
    public void A_client_is_counted_by_its_ipv4_address_or_its_ipv6_network(string address, string key) =>
        Assert.Equal(key, ClientAddress.Key(IPAddress.Parse(address)));

    [Fact]
    public void A_client_without_an_address_is_counted_as_one_unknown_client() => Assert.Equal(ClientAddress.Unknown, ClientAddress.Key((IPAddress?)null));

    [Theory]
    [InlineData("/account/change-password", true)]
    [InlineData("/account/logout", true)]
    [InlineData("/api/auth/password", true)]
    [InlineData("/error/404", true)]
    [InlineData("/preferences/culture", true)]
    [InlineData("/regions", false)]
    [InlineData("/api/regions/2101", false)]
    [InlineData("/accounts-elsewhere", false)]
    public void After_a_reset_only_signing_in_and_out_and_changing_the_password_stay_open(string path, bool open) =>
        Assert.Equal(open, PasswordChangeGate.Allows(new PathString(path)));

    [Theory]
    [InlineData(5, 5)]
    [InlineData(60, 60)]
    [InlineData(3600, 60)]
    [InlineData(-1, 0)]
    public void Sessions_are_looked_at_again_at_least_every_minute(int configuredSeconds, int effectiveSeconds) =>
        Assert.Equal(TimeSpan.FromSeconds(effectiveSeconds), new SignInLimits { SessionRevalidation = TimeSpan.FromSeconds(configuredSeconds) }.RevalidationInterval);

    [Fact]
    public void A_change_of_roles_or_scope_ends_sessions_and_a_new_name_alone_does_not()
    {
        var before = new AccountSnapshot("张三", [Roles.DistrictStaff], "210102", null);
        Assert.True(before.SessionsMustEnd(before with { Roles = [Roles.GridWorker] }));
        Assert.True(before.SessionsMustEnd(before with { Region = "210103" }));
        Assert.True(before.SessionsMustEnd(before with { Department = "water" }));
        Assert.False(before.SessionsMustEnd(before with { DisplayName = "张三丰" }));
        Assert.Equal("", before.Describe(before));
        Assert.Equal("角色 区县工作人员 → 网格员；辖区 210102 → 210102001", before.Describe(before with { Roles = [Roles.GridWorker], Region = "210102001" }));
    }

    private sealed class NoStore : IUserStore<LinliUser>
    {
        public void Dispose() { }
        public Task<string> GetUserIdAsync(LinliUser user, CancellationToken ct) => Task.FromResult(user.Id);
        public Task<string?> GetUserNameAsync(LinliUser user, CancellationToken ct) => Task.FromResult(user.UserName);
        public Task SetUserNameAsync(LinliUser user, string? userName, CancellationToken ct) => Task.CompletedTask;
        public Task<string?> GetNormalizedUserNameAsync(LinliUser user, CancellationToken ct) => Task.FromResult(user.NormalizedUserName);
        public Task SetNormalizedUserNameAsync(LinliUser user, string? normalizedName, CancellationToken ct) => Task.CompletedTask;
        public Task<IdentityResult> CreateAsync(LinliUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<IdentityResult> UpdateAsync(LinliUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<IdentityResult> DeleteAsync(LinliUser user, CancellationToken ct) => throw new NotSupportedException();
        public Task<LinliUser?> FindByIdAsync(string userId, CancellationToken ct) => throw new NotSupportedException();
        public Task<LinliUser?> FindByNameAsync(string normalizedUserName, CancellationToken ct) => throw new NotSupportedException();
    }
}
