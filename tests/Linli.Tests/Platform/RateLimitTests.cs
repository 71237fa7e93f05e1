using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Platform.Auth;
using Linli.Tests.Accounts;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;

namespace Linli.Tests.Platform;

/// <summary>
/// The rate limits of sign-in, intake, Open311 and exports: per client (the address a configured proxy forwards) and per
/// account, answered 429 with Retry-After — ProblemDetails for the API, an HTML page for a browser. Limits are small
/// here and windows an hour long, so that no window ends during a test.
/// </summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly LinliFactory _app = new ConfiguredFactory(
    [
        .. BehindProxy.Settings,
        new("RateLimiting:SignIn:PerClient", "3"), new("RateLimiting:SignIn:Window", "01:00:00"),
        new("RateLimiting:Intake:PerClient", "100"), new("RateLimiting:Intake:PerAccount", "2"), new("RateLimiting:Intake:Window", "01:00:00"),
        new("RateLimiting:Export:PerClient", "100"), new("RateLimiting:Export:PerAccount", "1"), new("RateLimiting:Export:Window", "01:00:00"),
        new("RateLimiting:Open311Write:PerClient", "2"), new("RateLimiting:Open311Write:Window", "01:00:00"),
        new("RateLimiting:Open311Read:PerClient", "50"), new("RateLimiting:Open311Read:Window", "01:00:00"),
    ]) { TestServices = BehindProxy.AddTo };

    private int _nextClient;

    /// <summary>A fresh client address, so that each sign-in the test needs does not count against the limit under test.</summary>
    private string FreshClient() => $"198.18.{Interlocked.Increment(ref _nextClient) / 250}.{_nextClient % 250 + 1}";

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        await _app.CreateUserAsync("admin", Roles.Administrator, "2101");
        await _app.CreateUserAsync("hotline", Roles.HotlineOperator, "2101");
        await _app.CreateUserAsync("supervisor", Roles.Supervisor, "2101");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task AssertTooManyProblemAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.True(int.TryParse(response.Headers.GetValues("Retry-After").Single(), out var seconds) && seconds > 0, "Retry-After in seconds");
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(seconds, problem.GetProperty("retryAfterSeconds").GetInt32());
    }

    [Fact]
    public async Task The_fourth_token_request_from_one_client_is_a_429_problem_and_other_clients_are_still_served()
    {
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Unauthorized, (await _app.RequestTokenAsync("admin", "wrong-password", from: "203.0.113.20")).StatusCode);
        await AssertTooManyProblemAsync(await _app.RequestTokenAsync("admin", LinliFactory.Password, from: "203.0.113.20"));
        Assert.Equal(HttpStatusCode.OK, (await _app.RequestTokenAsync("admin", LinliFactory.Password, from: "203.0.113.21")).StatusCode);
    }

    [Fact]
    public async Task A_browser_over_the_sign_in_limit_gets_an_html_page_and_showing_the_form_is_not_counted()
    {
        var browser = _app.PageFrom("203.0.113.30");
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await browser.GetAsync("/account/login")).Status);
        for (var i = 0; i < 3; i++)
            await browser.SubmitAsync("/account/login", new() { ["Input.UserName"] = "admin", ["Input.Password"] = "wrong-password" });

        var refused = await browser.SubmitAsync("/account/login", new() { ["Input.UserName"] = "admin", ["Input.Password"] = LinliFactory.Password });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/html", refused.Content.Headers.ContentType?.MediaType);
        var seconds = refused.Headers.GetValues("Retry-After").Single();
        Assert.Contains($"请求次数过多，请 {seconds} 秒后再试。", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Forwarded_headers_from_a_client_that_is_not_the_proxy_do_not_start_new_counts()
    {
        for (var i = 0; i < 4; i++)
        {
            var client = _app.CreateClient().From($"192.0.2.{i + 1}");
            client.DefaultRequestHeaders.Add(BehindProxy.PeerHeader, "198.51.100.77");
            var response = await client.PostAsJsonAsync("/api/auth/token", new { userName = "admin", password = "wrong-password" });
            if (i < 3) Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
            else await AssertTooManyProblemAsync(response);
        }
    }

    [Fact]
    public async Task Intake_is_limited_per_account_whichever_client_it_comes_from()
    {
        var category = await RequestsApi.NewLeafAsync(_app);
        var hotline = await _app.TokenClientAsync("hotline", from: FreshClient());
        await hotline.From(FreshClient()).FileAsync(category);
        await hotline.From(FreshClient()).FileAsync(category);
        var third = await hotline.From(FreshClient()).PostAsJsonAsync("/api/requests/tickets",
            new { description = "第三件", categoryId = category, communityCode = CityFixture.CommunityA, contactPhone = "13812345678" });
        await AssertTooManyProblemAsync(third);
    }

    [Fact]
    public async Task Exports_are_limited_per_account()
    {
        var supervisor = await _app.TokenClientAsync("supervisor", from: FreshClient());
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/requests/metrics/export?format=csv")).StatusCode);
        await AssertTooManyProblemAsync(await supervisor.From(FreshClient()).GetAsync("/api/requests/metrics/export?format=csv"));
        // The metrics themselves (not an export) are not counted.
        Assert.Equal(HttpStatusCode.OK, (await supervisor.GetAsync("/api/requests/metrics")).StatusCode);
    }

    [Fact]
    public async Task The_audit_pages_export_is_limited_per_account_and_browsing_the_log_is_not_counted()
    {
        var browser = _app.PageFrom(FreshClient());
        var signedIn = await browser.SubmitAsync("/account/login", new() { ["Input.UserName"] = "supervisor", ["Input.Password"] = LinliFactory.Password });
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        // Where the page's export buttons post, as a browser would follow them.
        var (_, page) = await browser.GetAsync("/audit");
        (string Action, Dictionary<string, string> Fields) Button(string id)
        {
            var button = Regex.Match(page, $"<button [^>]*id=\"{id}\"[^>]*>").Value;
            var action = WebUtility.HtmlDecode(Regex.Match(button, "formaction=\"([^\"]+)\"").Groups[1].Value);
            var name = Regex.Match(button, "name=\"([^\"]+)\" value=\"([^\"]+)\"");
            return (action, name.Success ? new() { [name.Groups[1].Value] = name.Groups[2].Value } : []);
        }
        var (csvAction, csvFields) = Button("export-csv");
        var (xlsxAction, xlsxFields) = Button("export-xlsx");
        var first = await browser.SubmitAsync("/audit", csvFields, csvAction);
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.StartsWith("text/csv", first.Content.Headers.ContentType?.ToString());

        browser.Http.From(FreshClient());
        var refused = await browser.SubmitAsync("/audit", xlsxFields, xlsxAction);
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.TryParse(refused.Headers.GetValues("Retry-After").Single(), out var seconds) && seconds > 0, "Retry-After in seconds");
        // Reading and filtering the log are not exports.
        Assert.Equal(HttpStatusCode.OK, (await browser.SubmitAsync("/audit", new() { ["SubjectType"] = "resident" })).StatusCode);
    }

    [Fact]
    public async Task Open311_posts_are_limited_per_client_and_public_reads_count_apart()
    {
        var client = _app.CreateClient().From("203.0.113.40");
        static HttpContent Form() => new FormUrlEncodedContent(new Dictionary<string, string> { ["api_key"] = "not-a-key", ["service_code"] = "1", ["lat"] = "41.78", ["long"] = "123.39" });
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/open311/v2/requests.json", Form())).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/open311/v2/requests.json", Form())).StatusCode);
        // Open311 clients get the refusal as the spec's error list, with Retry-After like everyone else.
        var refused = await client.PostAsync("/open311/v2/requests.json", Form());
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(int.TryParse(refused.Headers.GetValues("Retry-After").Single(), out var seconds) && seconds > 0, "Retry-After in seconds");
        var errors = await refused.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, errors[0].GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/open311/v2/services.json")).StatusCode);
    }
}
