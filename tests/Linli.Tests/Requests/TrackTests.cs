using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests.Pages;
using Linli.Tests.Ui;

namespace Linli.Tests.Requests;

/// <summary>
/// A caller of 12345 or an anonymous reporter follows a request by its number and the phone given at intake: posted,
/// matched by keyed hash, answered alike whether the number or the phone is wrong; a resident's unknown number gets a
/// page that says so.
/// </summary>
[Collection("city2")]
public sealed class TrackTests(CityFixture city)
{
    private const string Phone = "13912340077";

    private async Task<(long Id, string Number)> CalledInAsync(string? phone = Phone)
    {
        var ticket = await (await city.App.ClientForAsync("hotline")).FileAsync(await RequestsApi.NewLeafAsync(city.App), description: "路灯不亮（合成）", phone: phone);
        return (ticket.Id(), ticket.GetProperty("number").GetString()!);
    }

    private HttpClient Anonymous() => city.App.CreateClient();

    private static Task<HttpResponseMessage> TrackAsync(HttpClient client, string number, string phone) =>
        client.PostAsJsonAsync("/api/requests/track", new { number, phone });

    [Fact]
    public async Task The_number_and_the_phone_given_at_intake_show_the_request_as_its_reporter_sees_it_without_an_account()
    {
        var (id, number) = await CalledInAsync();
        var hotline = await city.App.ClientForAsync("hotline");
        await hotline.OkAsync(id, "dispatch", new { unitCode = "community", opinion = "请社区核实（内部意见）" });

        // Typed the way people type it: spaces, dashes and the country code make no difference (one E.164 number, one hash).
        foreach (var typed in new[] { Phone, "139 1234 0077", "139-1234-0077", "+86 139 1234 0077", "0086 13912340077" })
        {
            var found = await (await TrackAsync(Anonymous(), number, typed)).Json(HttpStatusCode.OK);
            Assert.Equal(id, found.Id());
            Assert.Equal("Dispatched", found.State());
            // What the reporter sees: the steps, not the staff's names and notes.
            Assert.All(found.GetProperty("actions").EnumerateArray(), a =>
            {
                Assert.Equal(JsonValueKind.Null, a.GetProperty("userName").ValueKind);
                Assert.Equal(JsonValueKind.Null, a.GetProperty("opinion").ValueKind);
            });
        }
    }

    private async Task<List<JsonElement>> LookupsAsync(string subjectId)
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        var page = await supervisor.GetFromJsonAsync<JsonElement>($"/api/audit?action=search-by-number&subjectType=ticket&subjectId={subjectId}&pageSize=100");
        return page.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("field").GetString() == "phone").ToList();
    }

    [Fact]
    public async Task Every_lookup_by_number_and_phone_is_audited_as_a_search_by_number_without_the_number()
    {
        var (id, number) = await CalledInAsync();
        var before = (await LookupsAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture))).Count;
        (await TrackAsync(Anonymous(), number, Phone)).EnsureSuccessStatusCode();
        Assert.Equal(HttpStatusCode.NotFound, (await TrackAsync(Anonymous(), number, "13912340079")).StatusCode);

        var matched = await LookupsAsync(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(before + 1, matched.Count);
        Assert.Contains("匹配 1 件", matched[0].GetProperty("reason").GetString());
        // The refused lookup is written too, against no ticket, so that a run of guesses shows in the log.
        var refused = await LookupsAsync("");
        Assert.Contains(refused, e => e.GetProperty("reason").GetString()!.Contains("匹配 0 件"));
        Assert.All(matched.Concat(refused), e =>
        {
            Assert.DoesNotContain("1391234", e.GetRawText());
            Assert.DoesNotContain(number, e.GetProperty("reason").GetString());
        });
    }

    [Fact]
    public async Task A_wrong_number_and_a_wrong_phone_get_the_same_not_found()
    {
        var (_, number) = await CalledInAsync();
        var (_, other) = await CalledInAsync("13912340088");
        var wrongPhone = await (await TrackAsync(Anonymous(), number, "13912340078")).Json(HttpStatusCode.NotFound);
        var wrongNumber = await (await TrackAsync(Anonymous(), "20990101000001", Phone)).Json(HttpStatusCode.NotFound);
        var someoneElses = await (await TrackAsync(Anonymous(), other, Phone)).Json(HttpStatusCode.NotFound);
        var notAPhone = await (await TrackAsync(Anonymous(), number, "1391234")).Json(HttpStatusCode.NotFound);
        foreach (var problem in new[] { wrongNumber, someoneElses, notAPhone })
        {
            Assert.Equal(wrongPhone.GetProperty("title").GetString(), problem.GetProperty("title").GetString());
            Assert.Equal(wrongPhone.GetProperty("detail").GetString(), problem.GetProperty("detail").GetString());
            Assert.Equal(404, problem.GetProperty("status").GetInt32());
        }
        // A request left without a phone cannot be followed this way at all.
        var (_, noPhone) = await CalledInAsync(phone: null);
        Assert.Equal(HttpStatusCode.NotFound, (await TrackAsync(Anonymous(), noPhone, Phone)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await Anonymous().PostAsJsonAsync("/api/requests/track", new { number })).StatusCode);
    }

    [Fact]
    public async Task The_track_page_posts_the_phone_and_answers_a_wrong_number_and_a_wrong_phone_with_the_same_page()
    {
        var (_, number) = await CalledInAsync();
        var visitor = PageClient.Anonymous(city.App);
        var (status, form) = await visitor.GetAsync("/requests/track");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<form method=\"post\" action=\"/requests/track\"", form);

        var found = await visitor.PostAsync("/requests/track", "/requests/track", ("Number", number), ("Phone", Phone));
        var html = await found.HtmlAsync();
        Assert.Contains($"诉求 {number}", html);
        Assert.Contains("data-state=\"Received\"", html);
        Assert.Contains("路灯不亮（合成）", html);
        Assert.Contains("no-store", found.Headers.CacheControl?.ToString());
        Assert.DoesNotContain(Phone, html);

        static string NotFoundText(string page) => Regex.Match(page, "<div class=\"error\" role=\"alert\" id=\"track-not-found\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;
        var wrongPhone = await (await visitor.PostAsync("/requests/track", "/requests/track", ("Number", number), ("Phone", "13912340078"))).HtmlAsync(HttpStatusCode.NotFound);
        var wrongNumber = await (await visitor.PostAsync("/requests/track", "/requests/track", ("Number", "20990101000001"), ("Phone", Phone))).HtmlAsync(HttpStatusCode.NotFound);
        Assert.Contains("诉求编号和手机号不匹配，或没有这条诉求。", NotFoundText(wrongPhone));
        Assert.Equal(NotFoundText(wrongPhone), NotFoundText(wrongNumber));
        // What was typed stays in the form.
        Assert.Contains($"value=\"{number}\"", wrongPhone);

        var blank = await (await visitor.PostAsync("/requests/track", "/requests/track", ("Number", number), ("Phone", ""))).HtmlAsync();
        Assert.Contains("请填写诉求编号和受理时留下的手机号。", blank);
    }

    [Fact]
    public async Task A_resident_following_a_number_that_is_not_theirs_gets_a_page_that_says_so_and_points_to_the_lookup()
    {
        var (_, number) = await CalledInAsync();
        var resident = await PageClient.SignedInAsync(city.App, "resident");
        foreach (var asked in new[] { number, "20990101000001" })
        {
            var (status, html) = await resident.GetAsync($"/requests/track/{asked}");
            Assert.Equal(HttpStatusCode.NotFound, status);
            Assert.Contains("id=\"track-not-found\"", html);
            Assert.Contains($"您的账号下没有编号为 {asked} 的诉求。", html);
            Assert.Contains("href=\"/requests/track\"", html);
        }
    }
}

/// <summary>The lookup by number and phone is limited per client: guessing a phone for a known number runs into 429.</summary>
public sealed class TrackRateLimitTests : IAsyncLifetime
{
    private readonly LinliFactory _app = new ConfiguredFactory(
        [.. BehindProxy.Settings, new("RateLimiting:Track:PerClient", "3"), new("RateLimiting:Track:Window", "01:00:00")]) { TestServices = BehindProxy.AddTo };

    public async Task InitializeAsync()
    {
        _ = _app.Server;
        await _app.CreateUserAsync("admin", Roles.Administrator, "2101");
        await _app.CreateUserAsync("hotline", Roles.HotlineOperator, "2101");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_fourth_lookup_from_one_client_is_a_429_and_showing_the_form_does_not_count()
    {
        var hotline = (await _app.ClientForAsync("hotline")).From("203.0.113.60");
        var number = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(_app), phone: "13912340099")).GetProperty("number").GetString();
        var guesser = _app.CreateClient().From("203.0.113.61");
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync("/requests/track")).StatusCode);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await guesser.PostAsJsonAsync("/api/requests/track", new { number, phone = $"1391234{i:D4}" })).StatusCode);
        var refused = await guesser.PostAsJsonAsync("/api/requests/track", new { number, phone = "13912340099" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter is not null);
        // Another client is still served, and finds it with the right phone.
        Assert.Equal(HttpStatusCode.OK, (await _app.CreateClient().From("203.0.113.62").PostAsJsonAsync("/api/requests/track", new { number, phone = "13912340099" })).StatusCode);
    }
}
