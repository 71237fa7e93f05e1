using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Modules.Accounts.Domain;
using Linli.Platform.Audit;
using Linli.Tests.Infrastructure;
using Linli.Tests.Ui;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Accounts;

/// <summary>What the account tests do again and again: tokens, page clients from a given client address, account ids, audit entries.</summary>
internal static partial class AccountTestKit
{
    public static Task<HttpResponseMessage> RequestTokenAsync(this LinliFactory app, string userName, string password, string? from = null)
    {
        var client = app.CreateClient();
        if (from is not null) client.From(from);
        return client.PostAsJsonAsync("/api/auth/token", new { userName, password });
    }

    /// <summary>A client holding a bearer token of <paramref name="userName"/>, signed in from <paramref name="from"/> (behind the test proxy) if given.</summary>
    public static async Task<HttpClient> TokenClientAsync(this LinliFactory app, string userName, string password = LinliFactory.Password, string? from = null)
    {
        var response = await app.RequestTokenAsync(userName, password, from);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"token for {userName}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        var client = app.CreateClient();
        if (from is not null) client.From(from);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static PageClient PageFrom(this LinliFactory app, string from)
    {
        var http = app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        return new PageClient(http.From(from));
    }

    public static async Task<PageClient> SignedInPageAsync(this LinliFactory app, string userName, string password = LinliFactory.Password, string from = "198.51.100.200")
    {
        var client = app.PageFrom(from);
        var response = await client.SubmitAsync("/account/login", new() { ["Input.UserName"] = userName, ["Input.Password"] = password });
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {userName} answered {(int)response.StatusCode}");
        return client;
    }

    public static Task<string> IdOfAsync(this LinliFactory app, string userName) =>
        app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<LinliUser>>().FindByNameAsync(userName))!.Id);

    public static Task<LinliUser> AccountAsync(this LinliFactory app, string userName) =>
        app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<LinliUser>>().FindByNameAsync(userName))!);

    public static Task<List<AuditEntry>> AuditAsync(this LinliFactory app, string action) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries.AsNoTracking().Where(e => e.Action == action).OrderBy(e => e.Id).ToListAsync());

    public static Task<List<AuditEntry>> AllAuditAsync(this LinliFactory app) =>
        app.WithScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries.AsNoTracking().OrderBy(e => e.Id).ToListAsync());

    /// <summary>Status of an API call with the client's token (200 while it is valid, 401 once revoked).</summary>
    public static async Task<HttpStatusCode> ApiStatusAsync(this HttpClient client) => (await client.GetAsync("/api/regions/2101")).StatusCode;

    /// <summary>Status of a page for a browser session (200 while valid, a redirect to sign in once ended).</summary>
    public static async Task<HttpStatusCode> PageStatusAsync(this PageClient client) => (await client.GetAsync("/regions")).Status;

    [GeneratedRegex("<code class=\"one-time-password\">([^<]+)</code>")]
    public static partial Regex OneTimePasswordShown();
}
