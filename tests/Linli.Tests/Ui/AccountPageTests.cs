using Microsoft.Extensions.DependencyInjection;
using System.Net;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Ui;

[Collection("city2")]
public sealed class AccountPageTests(CityFixture city)
{
    [Fact]
    public async Task A_wrong_password_is_a_chinese_form_message()
    {
        var client = PageClient.Anonymous(city.App);
        var response = await client.SubmitAsync("/account/login", new() { ["Input.UserName"] = "cw.a", ["Input.Password"] = "not-the-password" });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("用户名或密码错误。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_with_a_lockout_message()
    {
        await city.App.CreateUserAsync("page.lock", Roles.GridWorker, "210102001002001");
        var client = PageClient.Anonymous(city.App);
        for (var i = 0; i < 5; i++)
            await client.SubmitAsync("/account/login", new() { ["Input.UserName"] = "page.lock", ["Input.Password"] = "wrong-password" });
        var response = await client.SubmitAsync("/account/login", new() { ["Input.UserName"] = "page.lock", ["Input.Password"] = LinliFactory.Password });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("账号已被锁定", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("/regions/210102", "/regions/210102")]
    [InlineData("https://example.com/", "/")]
    [InlineData("//example.com/", "/")]
    public async Task Only_a_local_return_url_is_followed(string returnUrl, string expected)
    {
        var client = PageClient.Anonymous(city.App);
        var response = await client.SubmitAsync("/account/login",
            new() { ["Input.UserName"] = "cw.b", ["Input.Password"] = LinliFactory.Password, ["returnUrl"] = returnUrl });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(expected, response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Signing_out_is_a_post_that_ends_the_session()
    {
        var client = await PageClient.SignedInAsync(city.App, "cw.b");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/regions")).Status);
        var response = await client.SubmitAsync("/", [], action: "/account/logout");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/regions")).Status);
    }

    [Fact]
    public async Task Only_administrators_reach_the_accounts_pages()
    {
        var worker = await PageClient.SignedInAsync(city.App, "cw.a");
        var response = await worker.Http.GetAsync("/admin/accounts");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/account/denied", response.Headers.Location?.PathAndQuery ?? response.Headers.Location?.OriginalString);

        var anonymous = await PageClient.Anonymous(city.App).Http.GetAsync("/admin/accounts");
        Assert.Contains("/account/login", anonymous.Headers.Location?.OriginalString);
    }

    public static TheoryData<string, string, string, string, string> BadAccounts => new()
    {
        // user name, role, region, department, expected message
        { "bad.region", Roles.CommunityWorker, "210102999999", "", "行政区划代码 210102999999 不存在。" },
        { "bad.letters", Roles.CommunityWorker, "21abc", "", "行政区划代码 21abc 不存在。" },
        { "bad.noscope", Roles.GridWorker, "", "", "工作人员账号必须指定辖区" },
        { "bad.resident", Roles.Resident, "210102", "", "居民和志愿者账号不设辖区和部门" },
        { "bad.dept", Roles.DepartmentStaff, "210102", "", "职能部门人员必须指定部门代码。" },
        { "bad.deptcode", Roles.DepartmentStaff, "", "no_such_department", "部门代码 no_such_department 不存在或已停用。" },
        { "bad.role", "emperor", "210102", "", "请选择角色。" },
        { "cw.a", Roles.CommunityWorker, "210102001002", "", "用户名已被使用。" },
        { "bad user name", Roles.CommunityWorker, "210102001002", "", "用户名只能包含" },
        { "bad.toolong", Roles.CommunityWorker, "2101020010020011", "", "行政区划代码 2101020010020011 不存在。" },
    };

    [Theory]
    [MemberData(nameof(BadAccounts))]
    public async Task A_bad_account_form_is_answered_with_a_form_message(string userName, string role, string region, string department, string message)
    {
        var admin = await PageClient.SignedInAsync(city.App, "admin");
        var response = await admin.SubmitAsync("/admin/accounts/new", new()
        {
            ["Input.UserName"] = userName, ["Input.DisplayName"] = "测试", ["Input.Password"] = "Good#Pass2026",
            ["Input.Role"] = role, ["Input.RegionCode"] = region, ["Input.DepartmentCode"] = department,
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(message, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_weak_password_is_explained_in_chinese()
    {
        var admin = await PageClient.SignedInAsync(city.App, "admin");
        var response = await admin.SubmitAsync("/admin/accounts/new", new()
        {
            ["Input.UserName"] = "weak.pw", ["Input.DisplayName"] = "测试", ["Input.Password"] = "short",
            ["Input.Role"] = Roles.Volunteer,
        });
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("密码至少需要 8 个字符。", html);
        Assert.Contains("密码必须包含大写字母。", html);
    }

    [Fact]
    public async Task An_administrator_assigns_only_regions_inside_their_own_area()
    {
        await city.App.CreateUserAsync("admin.heping", Roles.Administrator, "210102");
        var admin = await PageClient.SignedInAsync(city.App, "admin.heping");
        var response = await admin.SubmitAsync("/admin/accounts/new", new()
        {
            ["Input.UserName"] = "outside.scope", ["Input.DisplayName"] = "测试", ["Input.Password"] = "Good#Pass2026",
            ["Input.Role"] = Roles.CommunityWorker, ["Input.RegionCode"] = "210103",
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("只能分配您自己辖区（210102）内的行政区划。", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task An_administrator_creates_edits_and_locks_an_account()
    {
        var admin = await PageClient.SignedInAsync(city.App, "admin");
        var created = await admin.SubmitAsync("/admin/accounts/new", new()
        {
            ["Input.UserName"] = "page.created", ["Input.DisplayName"] = "页面创建", ["Input.Password"] = "Good#Pass2026",
            ["Input.Role"] = Roles.GridWorker, ["Input.RegionCode"] = " 210102001002001 ",
        });
        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal("/admin/accounts", created.Headers.Location?.OriginalString);

        var search = await admin.SubmitAsync("/admin/accounts", new() { ["Q"] = "页面创建" });
        var list = await search.Content.ReadAsStringAsync();
        var id = System.Text.RegularExpressions.Regex.Match(list, "href=\"/admin/accounts/([0-9a-f-]{36})\"").Groups[1].Value;
        Assert.False(string.IsNullOrEmpty(id), "the new account is listed with a link to edit it");

        var edited = await admin.SubmitAsync($"/admin/accounts/{id}", new()
        {
            ["Input.DisplayName"] = "页面创建（改）", ["Input.Roles"] = Roles.CommunityWorker, ["Input.RegionCode"] = "210102001002",
        });
        Assert.Equal(HttpStatusCode.Redirect, edited.StatusCode);
        var (_, page) = await admin.GetAsync($"/admin/accounts/{id}");
        Assert.Contains("value=\"页面创建（改）\"", page);
        Assert.Contains($"value=\"{Roles.CommunityWorker}\" checked", page);
        Assert.DoesNotContain($"value=\"{Roles.GridWorker}\" checked", page);

        var worker = await PageClient.SignedInAsync(city.App, "page.created", "Good#Pass2026");
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync("/regions/210102001002")).Status);

        var locked = await admin.SubmitAsync($"/admin/accounts/{id}", [], action: $"/admin/accounts/{id}?handler=Lock");
        Assert.Equal(HttpStatusCode.Redirect, locked.StatusCode);
        var again = await PageClient.Anonymous(city.App).SubmitAsync("/account/login",
            new() { ["Input.UserName"] = "page.created", ["Input.Password"] = "Good#Pass2026" });
        Assert.Contains("账号已被锁定", await again.Content.ReadAsStringAsync());

        await admin.SubmitAsync($"/admin/accounts/{id}", [], action: $"/admin/accounts/{id}?handler=Unlock");
        await PageClient.SignedInAsync(city.App, "page.created", "Good#Pass2026");
    }

    [Fact]
    public async Task An_administrator_cannot_lock_or_demote_themselves()
    {
        await city.App.CreateUserAsync("admin.self", Roles.Administrator, "2101");
        var admin = await PageClient.SignedInAsync(city.App, "admin.self");
        var search = await admin.SubmitAsync("/admin/accounts", new() { ["Q"] = "admin.self" });
        var id = System.Text.RegularExpressions.Regex.Match(await search.Content.ReadAsStringAsync(), "href=\"/admin/accounts/([0-9a-f-]{36})\"").Groups[1].Value;

        var demoted = await admin.SubmitAsync($"/admin/accounts/{id}", new()
        {
            ["Input.DisplayName"] = "admin.self", ["Input.Roles"] = Roles.Supervisor, ["Input.RegionCode"] = "2101",
        });
        Assert.Equal(HttpStatusCode.OK, demoted.StatusCode);
        Assert.Contains("不能取消您自己的管理员角色。", await demoted.Content.ReadAsStringAsync());

        var locked = await admin.SubmitAsync($"/admin/accounts/{id}", [], action: $"/admin/accounts/{id}?handler=Lock");
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode);
        Assert.Contains("不能锁定您自己的账号。", await locked.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_district_administrator_manages_only_the_accounts_of_their_district()
    {
        await city.App.CreateUserAsync("admin.heping.scope", Roles.Administrator, "210102");
        var supervisorId = await city.App.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Linli.Modules.Accounts.Domain.LinliUser>>().FindByNameAsync("supervisor"))!.Id);
        var cwId = await city.App.WithScopeAsync(async sp =>
            (await sp.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Linli.Modules.Accounts.Domain.LinliUser>>().FindByNameAsync("cw.a"))!.Id);
        var admin = await PageClient.SignedInAsync(city.App, "admin.heping.scope");

        // The city supervisor is outside 和平区: not listed, not found, not lockable.
        var (listStatus, list) = await admin.GetAsync("/admin/accounts?q=supervisor");
        Assert.Equal(HttpStatusCode.OK, listStatus);
        Assert.DoesNotContain("<td>supervisor ", list);
        var (_, ownList) = await admin.GetAsync("/admin/accounts?q=cw.a");
        Assert.Contains("<td>cw.a ", ownList); // the same markup does list an account of the district
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync($"/admin/accounts/{supervisorId}")).Status);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/admin/accounts/{cwId}")).Status);

        // Nor may they grant a city-wide department scope or make resident accounts.
        var department = await admin.SubmitAsync("/admin/accounts/new", new()
        {
            ["Input.UserName"] = "dept.by.district", ["Input.DisplayName"] = "测试", ["Input.Password"] = "Good#Pass2026",
            ["Input.Role"] = Roles.DepartmentStaff, ["Input.RegionCode"] = "", ["Input.DepartmentCode"] = "water",
        });
        Assert.Contains("只有市级管理员可以分配部门。", await department.Content.ReadAsStringAsync());
        var resident = await admin.SubmitAsync("/admin/accounts/new", new()
        {
            ["Input.UserName"] = "resident.by.district", ["Input.DisplayName"] = "测试", ["Input.Password"] = "Good#Pass2026",
            ["Input.Role"] = Roles.Resident,
        });
        Assert.Contains("只有市级管理员可以管理居民和志愿者账号。", await resident.Content.ReadAsStringAsync());
    }
}
