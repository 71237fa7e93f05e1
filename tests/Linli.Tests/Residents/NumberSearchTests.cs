using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using static Linli.Tests.Residents.ResidentTestData;

namespace Linli.Tests.Residents;

/// <summary>
/// A search by an exact ID or phone number confirms the number as a reveal would: it needs the reveal permission, it is
/// written to the audit log (field and number of matches, never the number), and each user has an hourly budget.
/// </summary>
[Collection("city2")]
public sealed class NumberSearchTests(CityFixture city)
{
    private async Task<List<JsonElement>> SearchEntriesAsync(string userName)
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        var response = await supervisor.PostAsJsonAsync("/api/audit/search", new { userName, pageSize = 500 });
        response.EnsureSuccessStatusCode();
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("action").GetString() == "search-by-number").ToList();
    }

    [Fact]
    public async Task A_role_without_the_reveal_permission_cannot_search_by_number_but_by_name()
    {
        var idNumber = NewIdNumber();
        var phone = NewPhone();
        await CreateAsync(await city.App.ClientForAsync("cw.a"), CityFixture.CommunityA, idNumber, phone);
        var admin = await city.App.ClientForAsync("admin");

        foreach (var body in new object[] { new { idNumber }, new { phone }, new { name = "测试", idNumber } })
        {
            var response = await admin.PostAsJsonAsync("/api/residents/search", body);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            Assert.DoesNotContain(idNumber, await response.Content.ReadAsStringAsync());
        }
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsJsonAsync("/api/residents/search", new { name = "测试" })).StatusCode);
        Assert.Empty(await SearchEntriesAsync("admin"));

        // The page offers no number fields to the role, and a posted number is refused with a message, not run.
        var token = await AntiforgeryTokenAsync(admin, "/residents");
        Assert.DoesNotContain("name=\"IdNumber\"", await TextAsync(await admin.GetAsync("/residents")));
        var page = await admin.PostAsync("/residents", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["IdNumber"] = idNumber,
        }));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await TextAsync(page);
        Assert.Contains("id=\"number-search-refused\"", html);
        Assert.Contains("需要查看完整号码的权限", html);
        Assert.DoesNotContain("共 1 人", html);
    }

    [Fact]
    public async Task Every_search_by_number_is_audited_with_field_and_matches_never_the_number()
    {
        var userName = "cw.audit." + Guid.NewGuid().ToString("N")[..6];
        await city.App.CreateUserAsync(userName, Linli.Platform.Auth.Roles.CommunityWorker, CityFixture.CommunityA);
        var client = await city.App.ClientForAsync(userName);
        var idNumber = NewIdNumber();
        var phone = NewPhone();
        var id = await CreateAsync(client, CityFixture.CommunityA, idNumber, phone);

        Assert.Equal(1, await CountByIdNumberAsync(client, idNumber));
        Assert.Equal(0, await CountByIdNumberAsync(client, NewIdNumber()));
        (await client.PostAsJsonAsync("/api/residents/search", new { phone = "+86 " + phone })).EnsureSuccessStatusCode();
        (await client.PostAsJsonAsync("/api/residents/search", new { name = "测试" })).EnsureSuccessStatusCode(); // by name: not a number search

        var entries = await SearchEntriesAsync(userName);
        Assert.Equal(3, entries.Count);
        var found = Assert.Single(entries, e => e.GetProperty("field").GetString() == "idNumber" && e.GetProperty("reason").GetString() == "匹配 1 人");
        Assert.Equal(id.ToString(System.Globalization.CultureInfo.InvariantCulture), found.GetProperty("subjectId").GetString());
        Assert.Equal(CityFixture.CommunityA, found.GetProperty("regionCode").GetString());
        var missed = Assert.Single(entries, e => e.GetProperty("field").GetString() == "idNumber" && e.GetProperty("reason").GetString() == "匹配 0 人");
        Assert.Equal("", missed.GetProperty("subjectId").GetString());
        Assert.Single(entries, e => e.GetProperty("field").GetString() == "phone" && e.GetProperty("reason").GetString() == "匹配 1 人");
        var all = string.Join("", entries.Select(e => e.ToString()));
        Assert.DoesNotContain(idNumber, all);
        Assert.DoesNotContain(phone, all);
        Assert.DoesNotContain(phone[3..], all);
    }
}

/// <summary>The hourly budget of number searches, in an application of its own with a budget of three.</summary>
public sealed class NumberSearchLimitTests : IAsyncLifetime
{
    private sealed class LimitedApp : LinliFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("PersonalData:NumberSearchesPerHour", "3")];
    }

    private readonly LimitedApp _app = new();

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        await _app.CreateUserAsync("cw.one", Linli.Platform.Auth.Roles.CommunityWorker, CityFixture.CommunityA);
        await _app.CreateUserAsync("cw.two", Linli.Platform.Auth.Roles.CommunityWorker, CityFixture.CommunityA);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_fourth_search_by_number_in_an_hour_is_a_429_with_retry_after_and_a_chinese_form_message()
    {
        var one = await _app.ClientForAsync("cw.one");
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.OK, (await one.PostAsJsonAsync("/api/residents/search", new { idNumber = NewIdNumber() })).StatusCode);
        var refused = await one.PostAsJsonAsync("/api/residents/search", new { phone = NewPhone() });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        var seconds = int.Parse(Assert.Single(refused.Headers.GetValues("Retry-After")), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(seconds, 1, 3600 / 3);
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Contains("每人每小时最多 3 次", problem.GetProperty("detail").GetString());

        // Searching by name is not limited; another user has a budget of their own.
        Assert.Equal(HttpStatusCode.OK, (await one.PostAsJsonAsync("/api/residents/search", new { name = "测试" })).StatusCode);
        var two = await _app.ClientForAsync("cw.two");
        Assert.Equal(HttpStatusCode.OK, (await two.PostAsJsonAsync("/api/residents/search", new { idNumber = NewIdNumber() })).StatusCode);

        // The search page says so in Chinese, keeps the other filters, and does not echo the number.
        var token = await AntiforgeryTokenAsync(one, "/residents");
        var idNumber = NewIdNumber();
        var page = await one.PostAsync("/residents", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["IdNumber"] = idNumber, ["Name"] = "测试",
        }));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await TextAsync(page);
        Assert.Contains("按号码查询过于频繁：每人每小时最多 3 次。", html);
        Assert.Contains("value=\"测试\"", html);
        Assert.DoesNotContain(idNumber, html);

        // Refused searches are not run, so they are not in the audit log either: three for cw.one.
        await _app.CreateUserAsync("sup", Linli.Platform.Auth.Roles.Supervisor, "2101");
        var auditResponse = await (await _app.ClientForAsync("sup")).PostAsJsonAsync("/api/audit/search", new { userName = "cw.one", pageSize = 100 });
        auditResponse.EnsureSuccessStatusCode();
        var audit = await auditResponse.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, audit.GetProperty("items").EnumerateArray().Count(e => e.GetProperty("action").GetString() == "search-by-number"));
    }
}
