using System.Net;
using System.Text.RegularExpressions;
using Linli.Tests.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Linli.Tests.Ui;

/// <summary>A browser-like client for the Razor Pages: cookies, no automatic redirects, forms with their antiforgery token.</summary>
internal sealed partial class PageClient(HttpClient http)
{
    public HttpClient Http { get; } = http;

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenField();

    public static PageClient Anonymous(LinliFactory app) =>
        new(app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    public static async Task<PageClient> SignedInAsync(LinliFactory app, string userName, string password = LinliFactory.Password)
    {
        var client = Anonymous(app);
        var response = await client.SubmitAsync("/account/login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {userName} answered {(int)response.StatusCode}");
        return client;
    }

    public async Task<(HttpStatusCode Status, string Html)> GetAsync(string url)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Accept.ParseAdd("text/html");
        var response = await Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>Opens the form's page (for its antiforgery token), then posts the fields to <paramref name="action"/> (default: the same page).</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, Dictionary<string, string> fields, string? action = null)
    {
        var (status, html) = await GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        var form = new Dictionary<string, string>(fields) { ["__RequestVerificationToken"] = TokenField().Match(html).Groups[1].Value };
        using var request = new HttpRequestMessage(HttpMethod.Post, action ?? page) { Content = new FormUrlEncodedContent(form) };
        request.Headers.Accept.ParseAdd("text/html");
        return await Http.SendAsync(request);
    }
}
