using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Linli.Tests.Ui;

namespace Linli.Tests.Requests.Pages;

/// <summary>The intake pages over HTTP, as a phone without JavaScript uses them.</summary>
[Collection("city2")]
public sealed class IntakePageTests(CityFixture city)
{
    private static (string, string)[] Fields(int? category, string description = "楼道灯坏了", string? community = CityFixture.CommunityA, string phone = "13900001111") =>
    [
        ("Description", description), ("CategoryId", category?.ToString(CultureInfo.InvariantCulture) ?? ""), ("CommunityCode", community ?? ""), ("ContactPhone", phone),
        ("Urgency", "Normal"), ("Step", "file"),
    ];

    [Fact]
    public async Task A_resident_files_a_request_gets_its_number_and_follows_it_with_the_text_escaped()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var resident = await PageClient.SignedInAsync(city.App, "resident");
        var (status, form) = await resident.GetAsync("/requests/new");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("enctype=\"multipart/form-data\"", form);
        Assert.Contains("name=\"DistrictCode\"", form);

        var response = await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, "<script>alert(1)</script>下水道堵了"));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Matches(@"^/requests/track/\d{14}$", location);
        Assert.DoesNotContain("13900001111", location);

        var (trackStatus, track) = await resident.GetAsync(location);
        Assert.Equal(HttpStatusCode.OK, trackStatus);
        var number = location[^14..];
        Assert.Contains($"诉求已提交，编号 {number}", track);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;下水道堵了", track);
        Assert.DoesNotContain("<script>alert(1)", track);
        Assert.Contains("已受理", track);

        // Another resident cannot follow it: 404.
        await city.App.CreateUserAsync("resident." + number, Roles.Resident);
        var other = await PageClient.SignedInAsync(city.App, "resident." + number);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync(location)).Status);
        // And the list of one's own requests has it.
        Assert.Contains(number, (await resident.GetAsync("/requests/mine")).Html);
    }

    [Fact]
    public async Task Missing_fields_come_back_as_form_messages()
    {
        var resident = await PageClient.SignedInAsync(city.App, "resident");
        var html = await (await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(null, "", null))).HtmlAsync();
        Assert.Contains("请描述问题。", html);
        Assert.Contains("请选择诉求分类。", html);

        var category = await RequestsApi.NewLeafAsync(city.App);
        html = await (await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, "路灯不亮", null))).HtmlAsync();
        Assert.Contains("请选择社区，或填写地图上的位置。", html);

        html = await (await resident.PostMultipartAsync("/requests/new", "/requests/new",
            [.. Fields(category, "路灯不亮", null), ("Longitude", "100.0"), ("Latitude", "20.0")])).HtmlAsync();
        Assert.Contains("该位置不在本市范围内。", html);

        html = await (await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category, "路灯不亮", phone: "abc"))).HtmlAsync();
        Assert.Contains("手机号格式不正确。", html);
    }

    [Fact]
    public async Task The_category_is_suggested_from_the_text_and_the_picker_offers_the_next_level()
    {
        var resident = await PageClient.SignedInAsync(city.App, "resident");
        var html = await (await resident.PostMultipartAsync("/requests/new", "/requests/new",
            [("Description", "小区自来水停水三天了"), ("Step", "suggest")])).HtmlAsync();
        Assert.Matches("name=\"SuggestedCategoryId\" value=\"\\d+\" /> [^<]*自来水供应", html);
        Assert.DoesNotContain("请选择诉求分类", html);

        html = await (await resident.PostMultipartAsync("/requests/new", "/requests/new", [("Description", "x"), ("DistrictCode", "210102"), ("Step", "place")])).HtmlAsync();
        Assert.Contains("name=\"StreetCode\"", html);
        Assert.Contains("value=\"210102001\"", html);
        Assert.DoesNotContain("name=\"CommunityCode\"", html);

        html = await (await resident.PostMultipartAsync("/requests/new", "/requests/new", [("Description", "x"), ("DistrictCode", "210102"), ("StreetCode", "210102001"), ("Step", "place")])).HtmlAsync();
        Assert.Contains($"value=\"{CityFixture.CommunityA}\"", html);
    }

    [Fact]
    public async Task Photos_are_checked_by_content_and_size_and_served_only_inside_the_scope()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var resident = await PageClient.SignedInAsync(city.App, "resident");

        var html = await (await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category),
            [("photo.jpg", "not an image at all"u8.ToArray())])).HtmlAsync();
        Assert.Contains("照片只能是 JPEG、PNG 或 WebP 图片。", html);

        html = await (await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category),
            [("big.jpg", RequestPages.Jpeg(5 * 1024 * 1024 + 1))])).HtmlAsync();
        Assert.Contains("每张照片不能超过 5 MB。", html);

        html = await (await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category),
            [("a.png", RequestPages.Png), ("b.png", RequestPages.Png), ("c.png", RequestPages.Png), ("d.png", RequestPages.Png)])).HtmlAsync();
        Assert.Contains("最多上传 3 张照片。", html);

        var filed = await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(category), [("a.png", RequestPages.Png), ("b.jpg", RequestPages.Jpeg(100))]);
        Assert.Equal(HttpStatusCode.Redirect, filed.StatusCode);
        var number = filed.Headers.Location!.OriginalString[^14..];
        var api = await city.App.ClientForAsync("cw.a");
        var id = (await (await api.GetAsync($"/api/requests/tickets?number={number}")).Json(HttpStatusCode.OK)).GetProperty("items")[0].Id();

        var worker = await PageClient.SignedInAsync(city.App, "cw.a");
        var page = (await worker.GetAsync($"/requests/tickets/{id}")).Html;
        Assert.Contains($"/requests/tickets/{id}?handler=Photo&amp;name=1.png", page);
        var photo = await worker.Http.GetAsync($"/requests/tickets/{id}?handler=Photo&name=1.png");
        Assert.Equal(HttpStatusCode.OK, photo.StatusCode);
        Assert.Equal("image/png", photo.Content.Headers.ContentType?.MediaType);
        Assert.Equal(RequestPages.Png, await photo.Content.ReadAsByteArrayAsync());

        var outsider = await PageClient.SignedInAsync(city.App, "cw.b");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.Http.GetAsync($"/requests/tickets/{id}?handler=Photo&name=1.png")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await worker.Http.GetAsync($"/requests/tickets/{id}?handler=Photo&name=..%2F..%2Flinli.db")).StatusCode);
    }

    [Fact]
    public async Task The_callers_history_stays_on_the_console_while_the_call_is_taken_without_a_second_search_by_number()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var phone = "1370001" + Random.Shared.Next(1000, 9999);
        var earlier = await (await city.App.ClientForAsync("hotline")).FileAsync(category, phone: phone);
        var number = earlier.GetProperty("number").GetString()!;
        var console = await PageClient.SignedInAsync(city.App, "hotline");
        var html = await (await console.PostAsync("/requests/console", "/requests/console?handler=Lookup", ("LookupPhone", phone))).HtmlAsync();
        Assert.Contains(number, html);
        var token = WebUtility.HtmlDecode(Regex.Match(html, "name=\"HistoryToken\" value=\"([^\"]+)\"").Groups[1].Value);
        Assert.NotEqual("", token);
        var searches = await SearchesByNumberAsync();

        // Intake starts: suggestions asked for, then a submit refused for want of a category — the history is still there.
        foreach (var step in new[] { "suggest", "file" })
        {
            html = await (await console.PostMultipartAsync("/requests/console", "/requests/console",
                [("Description", "楼下烧烤油烟很大"), ("ContactPhone", phone), ("Step", step), ("HistoryToken", token), ("LookupPhone", phone)])).HtmlAsync();
            Assert.Contains("id=\"caller-history\"", html);
            Assert.Contains(number, html);
            Assert.Contains("该来电人共有 1 条历史诉求。", html);
        }
        Assert.Equal(searches, await SearchesByNumberAsync());

        // A forged token shows nothing (and is no error).
        html = await (await console.PostMultipartAsync("/requests/console", "/requests/console",
            [("Description", "楼下烧烤油烟很大"), ("Step", "suggest"), ("HistoryToken", "forged")])).HtmlAsync();
        Assert.DoesNotContain("id=\"caller-history\"", html);
    }

    private async Task<long> SearchesByNumberAsync() =>
        (await (await (await city.App.ClientForAsync("supervisor")).PostAsJsonAsync("/api/audit/search", new { action = "search-by-number", userName = "hotline", pageSize = 1 }))
            .Json(HttpStatusCode.OK)).GetProperty("total").GetInt64();

    [Fact]
    public async Task The_console_finds_a_callers_earlier_tickets_and_files_dispatches_or_answers_at_once()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var phone = "1370000" + Random.Shared.Next(1000, 9999);
        var hotlineApi = await city.App.ClientForAsync("hotline");
        var earlier = await hotlineApi.FileAsync(category, phone: phone);

        var console = await PageClient.SignedInAsync(city.App, "hotline");
        var lookup = await console.PostAsync("/requests/console", "/requests/console?handler=Lookup", ("LookupPhone", phone));
        var html = await lookup.HtmlAsync();
        Assert.Contains(earlier.GetProperty("number").GetString()!, html);
        Assert.Contains("该来电人共有 1 条历史诉求。", html);

        var dispatched = await console.PostMultipartAsync("/requests/console", "/requests/console",
            [.. Fields(category, "噪音扰民", phone: phone), ("Then", "dispatch"), ("DispatchTo", "community")]);
        Assert.Equal(HttpStatusCode.Redirect, dispatched.StatusCode);
        var id = long.Parse(dispatched.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture);
        var ticket = await hotlineApi.GetTicketAsync(id);
        Assert.Equal("Dispatched", ticket.State());
        Assert.Equal("Hotline", ticket.GetProperty("channel").GetString());
        Assert.Equal(CityFixture.CommunityA, ticket.GetProperty("assignedUnitCode").GetString());

        var answered = await console.PostMultipartAsync("/requests/console", "/requests/console",
            [.. Fields(category, "咨询办事时间", phone: phone), ("Then", "answer"), ("Answer", "工作日 9:00–17:00")]);
        Assert.Equal(HttpStatusCode.Redirect, answered.StatusCode);
        var closed = await hotlineApi.GetTicketAsync(long.Parse(answered.Headers.Location!.OriginalString.Split('/')[^1], CultureInfo.InvariantCulture));
        Assert.Equal("Closed", closed.State());
        Assert.Contains("AnswerDirectly", RequestsApi.ActionsOf(closed));

        html = await (await console.PostAsync("/requests/console", "/requests/console?handler=Lookup", ("LookupPhone", phone))).HtmlAsync();
        Assert.Contains("该来电人共有 3 条历史诉求。", html);

        // Only the hotline has the console.
        var denied = await (await PageClient.SignedInAsync(city.App, "cw.a")).Http.GetAsync("/requests/console");
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task A_patrol_finding_is_placed_in_the_workers_grid()
    {
        var grid = (await RequestsApi.GridsAsync(city.App, CityFixture.CommunityA))[0].Code;
        var user = "grid." + Guid.NewGuid().ToString("N")[..6];
        await city.App.CreateUserAsync(user, Roles.GridWorker, grid);
        var category = await RequestsApi.NewLeafAsync(city.App);
        var worker = await PageClient.SignedInAsync(city.App, user);
        var (status, form) = await worker.GetAsync("/requests/patrol");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(grid, form);
        Assert.DoesNotContain("name=\"DistrictCode\"", form);

        var response = await worker.PostMultipartAsync("/requests/patrol", "/requests/patrol", [("Description", "井盖缺失"), ("CategoryId", category.ToString(CultureInfo.InvariantCulture)), ("Step", "file")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/requests/patrol", response.Headers.Location!.OriginalString);
        var confirmation = (await worker.GetAsync("/requests/patrol")).Html;
        var number = System.Text.RegularExpressions.Regex.Match(confirmation, @"巡查发现已上报，编号 (\d{14})").Groups[1].Value;
        var cw = await city.App.ClientForAsync("cw.a");
        var ticket = (await (await cw.GetAsync($"/api/requests/tickets?number={number}")).Json(HttpStatusCode.OK)).GetProperty("items")[0];
        Assert.Equal("GridPatrol", ticket.GetProperty("channel").GetString());
        Assert.Equal(grid, ticket.GetProperty("gridCode").GetString());
        Assert.Equal(CityFixture.CommunityA, ticket.GetProperty("communityCode").GetString());
    }
}
