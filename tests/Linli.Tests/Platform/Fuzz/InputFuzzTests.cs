using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Modules.Accounts.Domain;
using Linli.Modules.Requests.Data;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Linli.Tests.Requests.Open311;
using Linli.Tests.Residents;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages.Infrastructure;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;

namespace Linli.Tests.Platform.Fuzz;

/// <summary>
/// Malformed input to everything that takes input: every operation of the OpenAPI document as served, every Open311
/// endpoint, every Razor Pages handler (found in the endpoint data source), each as anonymous and as signed-in users,
/// with wrong types, nulls, null elements, huge strings, deep nesting, invalid UTF-8, NUL and other control characters,
/// bad dates and numbers, wrong content types and charsets, empty and garbage bodies. Nothing may answer 5xx, and
/// nothing may log an error or a stack trace. The variants are fixed (random bytes from a fixed seed) and sent in order.
/// </summary>
public sealed partial class InputFuzzTests(ITestOutputHelper output) : IAsyncLifetime
{
    private sealed class QuietApp : LinliFactory
    {
        // No background jobs: the run stays the same every time.
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Requests:RunJobs", "false")];
    }

    /// <summary>A signed-in (or anonymous) user: an API client with a bearer token, a browser-like client with its cookie and antiforgery token.</summary>
    private sealed record Caller(string Name, HttpClient Api, HttpClient Pages, string Antiforgery);

    private readonly LogCapture _logs = new();
    private LinliFactory _app = null!;
    private FuzzTargets _targets = null!;

    /// <summary>Anonymous lookups that need a case or ticket number together with its applicant's own number.</summary>
    private static readonly HashSet<string> ProvedByNumber =
        ["/api/requests/track", "/api/service-cases/track", "/api/service-cases/track/ratings", "/api/service-cases/track/ratings/follow-up"];
    private readonly List<Caller> _callers = [];

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryField();

    private static bool EndsSessions(string template) =>
        template.Contains("logout", StringComparison.Ordinal) || template.EndsWith("/auth/revoke", StringComparison.Ordinal)
        || template.EndsWith("/auth/password", StringComparison.Ordinal) || template.Contains("change-password", StringComparison.Ordinal);

    public async Task InitializeAsync()
    {
        _app = new QuietApp { TestServices = services => services.AddSingleton<ILoggerProvider>(_logs) };
        _ = _app.Server;
        await _app.CreateUserAsync("admin", Roles.Administrator, "2101");
        await _app.CreateUserAsync("hotline", Roles.HotlineOperator, "2101");
        await _app.CreateUserAsync("cw.a", Roles.CommunityWorker, CityFixture.CommunityA);
        await _app.CreateUserAsync("resident", Roles.Resident);
        await _app.CreateUserAsync("victim", Roles.Resident);

        var admin = await _app.ClientForAsync("admin");
        var hotline = await _app.ClientForAsync("hotline");
        var category = await RequestsApi.NewLeafAsync(_app);
        var ticket = await hotline.FileAsync(category);
        var other = await hotline.FileAsync(category, description: "楼道灯又坏了");
        var mine = await (await _app.ClientForAsync("resident")).FileAsync(category, phone: null);
        var idNumber = ResidentTestData.NewIdNumber();
        var worker = await _app.ClientForAsync("cw.a");
        var residentIdNumber = ResidentTestData.NewIdNumber();
        var resident = await ResidentTestData.CreateAsync(worker, CityFixture.CommunityA, residentIdNumber, ResidentTestData.NewPhone());
        var household = (await (await worker.GetAsync($"/api/residents/{resident}")).Json(HttpStatusCode.OK)).GetProperty("household").GetProperty("id").GetInt64();
        var open311 = await Open311Api.WithNewKeyAsync(_app, "模糊测试客户端");
        var spare = (await (await admin.PostAsJsonAsync("/api/requests/open311/clients", new { name = "将被撤销" })).Json(HttpStatusCode.Created)).GetProperty("id").GetInt32();
        var posted = (await Open311Api.Json(await open311.PostAsync("json", open311.Form(category, ("address_id", CityFixture.CommunityA), ("description", "路灯不亮"),
            ("email", "someone@example.cn"))), HttpStatusCode.Created))[0];
        var victim = await _app.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<LinliUser>>().FindByNameAsync("victim"))!.Id);
        // The answer carries no token once it has the id (GeoReport v2), but GET tokens/{token} still answers for the stored one.
        var number = posted.GetProperty("service_request_id").GetString()!;
        var token = await _app.WithScopeAsync(sp =>
        {
            var db = sp.GetRequiredService<RequestsDbContext>();
            return db.Open311Submissions.Where(s => db.Tickets.Any(t => t.Id == s.TicketId && t.Number == number)).Select(s => s.Token).SingleAsync();
        });
        // A published city-wide item of the seeded catalog and a case of it at the community worker's window, so that the
        // catalog's and the case's operations reach their handlers (a step not legal now answers 409, which counts).
        var item = await _app.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ServiceDeskDbContext>();
            var published = await db.ServiceItems.Where(i => !i.Retired && i.PublishedVersionId != null).OrderBy(i => i.Code)
                .Join(db.ServiceItemVersions, i => i.PublishedVersionId, v => v.Id, (i, v) => new { i.Code, v.CityWide, v.Modes }).ToListAsync();
            return published.First(i => i.CityWide && i.Modes.HasFlag(HandlingModes.Window)).Code;
        });
        var serviceCase = (await (await worker.PostAsJsonAsync("/api/service-cases", new { applicant = new { idNumber = residentIdNumber }, itemCode = item, mode = "Window" }))
            .Json(HttpStatusCode.Created)).GetProperty("id").GetInt64();
        _targets = new FuzzTargets(category, ticket.Id(), other.Id(), mine.GetProperty("number").GetString()!, resident, household, spare, open311.Key,
            number, token.ToString(), victim, idNumber, item, serviceCase);

        _callers.Add(await CallerAsync("anonymous", null));
        foreach (var user in new[] { "admin", "hotline", "cw.a", "resident" }) _callers.Add(await CallerAsync(user, user));
    }

    private async Task<Caller> CallerAsync(string name, string? userName)
    {
        var api = userName is null ? _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false }) : await _app.ClientForAsync(userName);
        var pages = _app.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        var login = await pages.GetStringAsync("/account/login");
        if (userName is not null)
        {
            var signIn = await pages.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = userName, ["Input.Password"] = LinliFactory.Password,
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(AntiforgeryField().Match(login).Groups[1].Value),
            }));
            Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        }
        var page = await pages.GetStringAsync(userName is null ? "/account/login" : "/");
        var token = WebUtility.HtmlDecode(AntiforgeryField().Match(page).Groups[1].Value);
        Assert.False(string.IsNullOrEmpty(token), $"no antiforgery token on the page for {name}");
        return new Caller(name, api, pages, token);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<(int Status, string Body)> SendAsync(HttpClient client, FuzzRequest request, bool page)
    {
        using var message = new HttpRequestMessage(new HttpMethod(request.Method), request.Url);
        if (request.Body is not null)
        {
            message.Content = new ByteArrayContent(request.Body);
            if (request.ContentType is not null) message.Content.Headers.TryAddWithoutValidation("Content-Type", request.ContentType);
        }
        if (page) message.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));
        foreach (var (name, value) in request.Headers ?? []) message.Headers.TryAddWithoutValidation(name, value);
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            using var response = await client.SendAsync(message, timeout.Token);
            var status = (int)response.StatusCode;
            return (status, status >= 500 ? await response.Content.ReadAsStringAsync() : "");
        }
        catch (Exception e) when (e is HttpRequestException or InvalidOperationException or IOException or OperationCanceledException)
        {
            // The test server passes on what the app let escape; a timeout is a failure too.
            return (599, $"{e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>Whether the caller got past authorization with the well-formed request: only then do the variants reach the code they are meant for.</summary>
    private static bool Admitted(int status, FuzzOperation operation) =>
        status is not (401 or 403) && !(operation.Origin == "page" && status == 302);

    [Fact]
    public async Task Malformed_input_to_every_operation_open311_endpoint_and_form_is_never_a_5xx_and_logs_no_error()
    {
        var watch = Stopwatch.StartNew();
        var document = await _callers[0].Api.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var documented = FuzzOperations.FromOpenApi(document).ToList();
        var endpoints = _app.Services.GetRequiredService<EndpointDataSource>();
        var pages = await FuzzOperations.FromPagesAsync(endpoints, _app.Services.GetRequiredService<PageLoader>());
        // What ends the callers' sessions goes last: signing out, revoking every session, changing the password.
        var operations = documented.Concat(FuzzOperations.Open311(endpoints, documented)).Concat(pages)
            .OrderBy(o => EndsSessions(o.Template)).ToList();
        // Discovery itself is checked, so that an empty document or data source cannot pass.
        Assert.True(documented.Count >= 50, $"{documented.Count} operations in the OpenAPI document");
        Assert.Contains(documented, o => o.Template == "/api/auth/token" && o.BodyKind == FuzzBodyKind.Json);
        Assert.Contains(operations, o => o.Origin == "open311" && o.BodyKind == FuzzBodyKind.Multipart);
        Assert.True(pages.Count(p => p.Method == "POST") >= 20, $"{pages.Count(p => p.Method == "POST")} page POST handlers");
        Assert.Contains(pages, p => p.Template == "/requests/tickets/{id}" && p.Handler == "Whistle"
                                    && p.Body!.Properties!.Any(f => f.Name == "DepartmentCodes"));

        var failures = new List<string>();
        var sent = 0;
        var pagesInFull = new HashSet<string>();
        var answered = new HashSet<FuzzOperation>(); // operations whose well-formed request reached the handler for someone
        var wellFormed = new Dictionary<FuzzOperation, List<string>>();
        foreach (var operation in operations)
        {
            var page = operation.Origin == "page";
            var fullSent = false;
            foreach (var caller in _callers)
            {
                var client = page ? caller.Pages : caller.Api;
                var requests = FuzzRequests.For(operation, _targets, caller.Antiforgery, FuzzDepth.Minimal).ToList();
                var (status, body) = await SendAsync(client, requests[0], page);
                sent++;
                if (status >= 500) failures.Add($"{caller.Name} {operation} [{requests[0].Variant}] → {status} {Short(body)}");
                if (status is < 400 or 409) answered.Add(operation); // a conflict is the record's state: the handler was reached
                (wellFormed.TryGetValue(operation, out var seen) ? seen : wellFormed[operation] = []).Add($"{caller.Name}:{status}");
                // All variants once per operation, as the first caller admitted (the last caller if none is: a 403 may come
                // after validation); the further handlers of a page bind the same fields, so they get three values a field.
                var admitted = Admitted(status, operation);
                FuzzDepth depth;
                if (!fullSent && (admitted || caller == _callers[^1]))
                {
                    fullSent = true;
                    depth = !page || pagesInFull.Add(operation.Template) ? FuzzDepth.Full : FuzzDepth.Lite;
                }
                // The other admitted callers get the body-parsing variants only (their role changes which code runs, not
                // how a body is read); the whole set for each of them was a quarter of the suite's longest test.
                else depth = !admitted ? FuzzDepth.Minimal : FuzzDepth.Few;
                foreach (var request in FuzzRequests.For(operation, _targets, caller.Antiforgery, depth).Skip(1))
                {
                    (status, body) = await SendAsync(client, request, page);
                    sent++;
                    if (status >= 500) failures.Add($"{caller.Name} {operation} [{request.Variant}] → {status} {Short(body)}");
                }
            }
        }
        output.WriteLine($"{operations.Count} operations ({answered.Count} reached their handler with the well-formed request), {sent} requests, {failures.Count} answered 5xx, "
                         + $"{watch.Elapsed.TotalSeconds:F1} s ({TestDatabase.Provider})");
        output.WriteLine("Well-formed requests that did not reach their handler:\n"
                         + string.Join("\n", operations.Where(o => !answered.Contains(o)).Select(o => $"{o} {string.Join(" ", wellFormed[o])}")));
        // The well-formed requests name records that exist, so the variants reach the handlers, not only a 404. The lookups by
        // a number and its proof (an ID or phone number on record) answer every other request with the same 404 by design:
        // they are sent every variant above, but no generated request can reach them, so they are not counted here.
        var reachable = documented.Where(o => !ProvedByNumber.Contains(o.Template)).ToList();
        Assert.True(answered.Count(o => o.Origin == "openapi" && reachable.Contains(o)) * 10 >= reachable.Count * 7,
            $"only {answered.Count(o => o.Origin == "openapi" && reachable.Contains(o))} of {reachable.Count} documented operations reached their handler with the well-formed request");

        var logged = _logs.Failures().Select(e => $"{e.Level} {e.Category}: {Short(e.Message)}{(e.Exception is null ? "" : " — " + e.Exception.GetType().Name)}")
            .Distinct().ToList();
        Assert.True(failures.Count == 0 && logged.Count == 0,
            $"{failures.Count} of {sent} requests answered 5xx:\n{string.Join("\n", failures.Take(300))}\n\nLogged errors or stack traces:\n{string.Join("\n", logged.Take(100))}");
    }

    private static string Short(string text) => text.Length <= 300 ? text.ReplaceLineEndings(" ") : text[..300].ReplaceLineEndings(" ") + "…";
}
