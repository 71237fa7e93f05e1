using System.Net;
using System.Text.RegularExpressions;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Linli.Tests.Ui;

namespace Linli.Tests.Platform;

/// <summary>Security headers on pages, API answers and static files; nothing with personal data is stored by a cache.</summary>
[Collection("city2")]
public sealed partial class SecurityHeaderTests(CityFixture city)
{
    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self';", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.Contains("style-src 'self';", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Single(csp.Split(';'), d => d.Contains("unsafe-inline")); // style attributes only (ECharts' tooltips)
        Assert.Contains("style-src-attr 'unsafe-inline'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("same-origin", response.Headers.GetValues("Referrer-Policy").Single());
    }

    private static bool NotStored(HttpResponseMessage response) => response.Headers.CacheControl?.NoStore == true;

    [Fact]
    public async Task A_page_an_api_answer_a_static_file_and_an_error_carry_the_security_headers()
    {
        var browser = PageClient.Anonymous(city.App);
        var page = await browser.Http.GetAsync("/account/login");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        AssertSecurityHeaders(page);

        var api = await (await city.App.ClientForAsync("cw.a")).GetAsync("/api/regions/2101");
        Assert.Equal(HttpStatusCode.OK, api.StatusCode);
        AssertSecurityHeaders(api);

        var script = await browser.Http.GetAsync("/js/region-map.js");
        Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        AssertSecurityHeaders(script);
        Assert.False(NotStored(script), "static files stay cacheable");

        var missing = await city.App.CreateClient().GetAsync("/api/nothing-here");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        AssertSecurityHeaders(missing);
    }

    [Fact]
    public async Task The_api_reference_alone_may_run_its_inline_starter_and_still_cannot_be_framed()
    {
        var response = await city.App.CreateClient().GetAsync("/api-docs/");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var csp = string.Join(" ", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self' 'unsafe-inline'", csp);
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
    }

    [Theory]
    [InlineData("cw.a", "/residents")]
    [InlineData("cw.a", "/requests/queues")]
    [InlineData("supervisor", "/audit")]
    [InlineData("hotline", "/requests/console")]
    [InlineData("resident", "/inbox")]
    [InlineData("resident", "/requests/mine")]
    [InlineData("admin", "/admin/accounts")]
    public async Task Pages_with_personal_data_are_not_stored(string userName, string path)
    {
        var client = await PageClient.SignedInAsync(city.App, userName);
        var response = await client.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(NotStored(response), $"{path}: Cache-Control {response.Headers.CacheControl}");
        AssertSecurityHeaders(response);
    }

    [Theory]
    [InlineData("cw.a", "/api/residents?communityCode=210102001002")]
    [InlineData("cw.a", "/api/requests/tickets")]
    [InlineData("supervisor", "/api/audit")]
    [InlineData("resident", "/api/inbox")]
    public async Task Api_answers_with_personal_data_are_not_stored(string userName, string path)
    {
        var response = await (await city.App.ClientForAsync(userName)).GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(NotStored(response), $"{path}: Cache-Control {response.Headers.CacheControl}");
    }

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandlerAttribute();

    [GeneratedRegex(@"<style[\s>]|javascript:", RegexOptions.IgnoreCase)]
    private static partial Regex StyleElementOrScriptUrl();

    [Fact]
    public void No_page_has_inline_script_an_event_handler_a_script_url_or_a_style_element()
    {
        var root = SourceRoot();
        var offences = Directory.EnumerateFiles(root, "*.cshtml", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(file => File.ReadAllLines(file).Select((line, i) => (file, line, i)))
            .Where(x => InlineScript().IsMatch(x.line) || EventHandlerAttribute().IsMatch(x.line) || StyleElementOrScriptUrl().IsMatch(x.line))
            .Select(x => $"{Path.GetRelativePath(root, x.file)}:{x.i + 1}: {x.line.Trim()}")
            .ToList();
        Assert.True(offences.Count == 0, "Move these into wwwroot/js or wwwroot/css:\n" + string.Join("\n", offences));
    }

    private static string SourceRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Linli.slnx"))) dir = dir.Parent;
        return Path.Combine(dir?.FullName ?? throw new DirectoryNotFoundException("Linli.slnx not found above the test output."), "src", "Linli");
    }
}

/// <summary>Behind a TLS-terminating proxy named in configuration: HSTS and Secure cookies; forwarded headers from anyone else change nothing.</summary>
public sealed class ReverseProxyTests : IAsyncLifetime
{
    private readonly LinliFactory _app = new ConfiguredFactory(BehindProxy.Settings) { TestServices = BehindProxy.AddTo };

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        await _app.CreateUserAsync("worker", Roles.CommunityWorker, "210102001002");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static HttpRequestMessage Get(string path, string? forwardedProto, string? peer = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Host = "linli.example.cn";
        request.Headers.Accept.ParseAdd("text/html");
        if (forwardedProto is not null) request.Headers.Add("X-Forwarded-Proto", forwardedProto);
        if (peer is not null) request.Headers.Add(BehindProxy.PeerHeader, peer);
        return request;
    }

    private static IEnumerable<string> Cookies(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];

    [Fact]
    public async Task Behind_the_tls_proxy_the_answer_has_hsts_and_secure_cookies()
    {
        var client = _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { HandleCookies = false });
        var page = await client.SendAsync(Get("/account/login", "https"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains("max-age=", page.Headers.GetValues("Strict-Transport-Security").Single());
        var antiforgery = Assert.Single(Cookies(page), c => c.StartsWith(".AspNetCore.Antiforgery", StringComparison.Ordinal));
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);

        // Signing in through the proxy: the session cookie is Secure too. (The form is posted by hand: a cookie jar would
        // not send the Secure antiforgery cookie back over the test's plain-HTTP connection.)
        var token = System.Text.RegularExpressions.Regex.Match(await page.Content.ReadAsStringAsync(),
            "name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"").Groups[1].Value;
        var post = new HttpRequestMessage(HttpMethod.Post, "/account/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = "worker", ["Input.Password"] = LinliFactory.Password, ["__RequestVerificationToken"] = token,
            }),
        };
        post.Headers.Add("X-Forwarded-Proto", "https");
        post.Headers.Add("Cookie", antiforgery.Split(';')[0]);
        var signIn = await _app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false })
            .SendAsync(post);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var session = Assert.Single(Cookies(signIn), c => c.StartsWith("linli.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Over_plain_http_there_is_no_hsts_and_cookies_are_not_marked_secure()
    {
        var page = await _app.CreateClient().SendAsync(Get("/account/login", null));
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", Assert.Single(Cookies(page)), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_client_that_is_not_the_proxy_cannot_claim_https()
    {
        var page = await _app.CreateClient().SendAsync(Get("/account/login", "https", peer: "198.51.100.99"));
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.False(page.Headers.Contains("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", Assert.Single(Cookies(page)), StringComparison.OrdinalIgnoreCase);
    }
}
