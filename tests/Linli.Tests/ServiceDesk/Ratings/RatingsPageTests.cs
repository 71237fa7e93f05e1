using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Platform.Calendar;
using Linli.Platform.DueTimes;
using Linli.Tests.Requests;
using Linli.Tests.ServiceDesk.Cases;
using Linli.Tests.Ui;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.ServiceDesk.Cases.ServiceDeskApp;

namespace Linli.Tests.ServiceDesk.Ratings;

/// <summary>
/// The ratings list (/service-desk/ratings, GET /api/service-desk/ratings and its export): the ratings of the cases in the
/// caller's scope only, newest first, filtered by level, 差评 and follow-up status, paged, exported with Chinese headers.
/// </summary>
public sealed class RatingsPageTests(ServiceDeskApp desk) : IClassFixture<ServiceDeskApp>
{
    private const string Api = "/api/service-desk/ratings";

    /// <summary>A case received by <paramref name="worker"/> for a resident of <see cref="Home"/>, rated through tracking; returns its number.</summary>
    private async Task<(long Id, string Number, long RatingId)> RatedAsync(string level, string worker = "cw.village")
    {
        var idNumber = await desk.NewResidentAsync();
        var created = await desk.ReceiveAsync(idNumber, worker: worker);
        var number = created.GetProperty("number").GetString()!;
        var rating = await (await desk.App.CreateClient().PostAsJsonAsync("/api/service-cases/track/ratings", new { number, idNumber = idNumber[^6..], level }))
            .Json(HttpStatusCode.Created);
        return (created.Id(), number, rating.Id());
    }

    private async Task<List<string>> NumbersAsync(string user, string query = "")
    {
        var list = await (await (await desk.App.ClientForAsync(user)).GetAsync($"{Api}?pageSize=500{query}")).Json(HttpStatusCode.OK);
        return list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("caseNumber").GetString()!).ToList();
    }

    [Fact]
    public async Task The_list_holds_only_ratings_of_cases_in_scope_filters_by_level_poor_and_follow_up_and_pages_newest_first()
    {
        var (_, satisfied, _) = await RatedAsync("Satisfied");
        var (_, poor, _) = await RatedAsync("VeryDissatisfied");
        var (homeCase, followedUp, homeRating) = await RatedAsync("Dissatisfied", worker: "cw.home");
        await (await (await desk.App.ClientForAsync("cw.home")).PostAsJsonAsync($"/api/service-cases/{homeCase}/ratings/{homeRating}/follow-up", new { note = "已上门致歉" }))
            .Json(HttpStatusCode.OK);

        // The village sees what it accepted; the applicants' home community sees its residents' cases wherever accepted; another community none.
        var village = await NumbersAsync("cw.village");
        Assert.Contains(satisfied, village);
        Assert.Contains(poor, village);
        Assert.DoesNotContain(followedUp, village);
        var home = await NumbersAsync("cw.home");
        Assert.Superset(new HashSet<string> { satisfied, poor, followedUp }, home.ToHashSet());
        var other = await NumbersAsync("cw.other");
        Assert.DoesNotContain(satisfied, other);
        Assert.DoesNotContain(poor, other);
        Assert.DoesNotContain(followedUp, other);

        var veryDissatisfied = await NumbersAsync("cw.home", "&level=VeryDissatisfied");
        Assert.Contains(poor, veryDissatisfied);
        Assert.DoesNotContain(satisfied, veryDissatisfied);
        Assert.DoesNotContain(followedUp, veryDissatisfied);
        var poorOnly = await NumbersAsync("cw.home", "&poor=true");
        Assert.Contains(poor, poorOnly);
        Assert.Contains(followedUp, poorOnly);
        Assert.DoesNotContain(satisfied, poorOnly);
        var pending = await NumbersAsync("cw.home", "&followUp=Pending");
        Assert.Contains(poor, pending);
        Assert.DoesNotContain(followedUp, pending);
        var done = await NumbersAsync("cw.home", "&followUp=Done");
        Assert.Contains(followedUp, done);
        Assert.DoesNotContain(poor, done);
        Assert.Equal(HttpStatusCode.BadRequest, (await (await desk.App.ClientForAsync("cw.home")).GetAsync($"{Api}?community=12")).StatusCode);
        var byCommunity = await NumbersAsync("cw.home", "&community=" + Home);
        Assert.Contains(followedUp, byCommunity);
        Assert.DoesNotContain(poor, byCommunity); // accepted at the village

        // Page by page, one rating each: the same ratings in the same order, newest first.
        var client = await desk.App.ClientForAsync("cw.home");
        var all = await (await client.GetAsync($"{Api}?pageSize=500")).Json(HttpStatusCode.OK);
        var ids = all.GetProperty("items").EnumerateArray().Select(i => i.Id()).ToList();
        var ratedAt = all.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("ratedAt").GetDateTime()).ToList();
        Assert.True(ratedAt.Zip(ratedAt.Skip(1)).All(p => p.First >= p.Second));
        var walked = new List<long>();
        for (var page = 1; page <= ids.Count; page++)
            walked.AddRange((await (await client.GetAsync($"{Api}?pageSize=1&page={page}")).Json(HttpStatusCode.OK)).GetProperty("items").EnumerateArray().Select(i => i.Id()));
        Assert.Equal(ids, walked);
        Assert.Contains(homeRating, ids);
    }

    [Fact]
    public async Task The_page_shows_chinese_labels_links_each_case_and_exports_the_same_rows_as_csv_with_chinese_headers()
    {
        var (id, poor, _) = await RatedAsync("VeryDissatisfied");
        var (_, satisfied, _) = await RatedAsync("Satisfied");
        var page = await PageClient.SignedInAsync(desk.App, "cw.village");

        var (status, html) = await page.GetAsync("/service-desk/ratings?Poor=true");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"/service-desk/ratings\"", html); // in the navigation
        Assert.Contains($"<td><a href=\"/service-desk/cases/{id}\">{poor}</a></td>", html);
        Assert.DoesNotContain($"data-number=\"{satisfied}\"", html);
        Assert.Contains(">非常不满意</td>", html);
        Assert.Contains("待回访", html);
        Assert.Contains("<td>收件</td>", html);
        Assert.DoesNotContain(">VeryDissatisfied<", html);
        Assert.Contains("href=\"/api/service-desk/ratings/export?format=csv&amp;poor=true\"", html);
        var (_, other) = await (await PageClient.SignedInAsync(desk.App, "cw.other")).GetAsync("/service-desk/ratings");
        Assert.DoesNotContain($"data-number=\"{poor}\"", other);
        Assert.DoesNotContain($"data-number=\"{satisfied}\"", other);

        var csv = await page.Http.GetAsync("/api/service-desk/ratings/export?format=csv&poor=true");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains("办件编号,评价时间（北京时间）,评价阶段,评价等级,是否差评,评价内容,受理社区,回访状态", text);
        Assert.Contains(poor, text);
        Assert.DoesNotContain(satisfied, text);
        Assert.Contains("非常不满意", text);
        Assert.Contains("待回访", text);
        Assert.DoesNotContain("VeryDissatisfied", text);
        Assert.DoesNotContain("Pending", text);
        var otherCsv = await (await desk.App.ClientForAsync("cw.other")).GetAsync("/api/service-desk/ratings/export?format=csv");
        Assert.DoesNotContain(poor, await otherCsv.Content.ReadAsStringAsync());
    }
}

/// <summary>回访超期 in the ratings list: on a clock of its own, since it moves past the follow-up's due time.</summary>
public sealed class RatingsOverdueTests : IAsyncLifetime
{
    private readonly ServiceDeskApp _desk = new();

    public Task InitializeAsync() => _desk.InitializeAsync();
    public Task DisposeAsync() => _desk.DisposeAsync();

    [Fact]
    public async Task A_poor_rating_not_followed_up_by_its_due_time_is_listed_as_overdue_and_no_longer_as_pending()
    {
        var idNumber = await _desk.NewResidentAsync();
        var number = (await _desk.ReceiveAsync(idNumber)).GetProperty("number").GetString()!;
        await (await _desk.App.CreateClient().PostAsJsonAsync("/api/service-cases/track/ratings", new { number, idNumber, level = "Dissatisfied" })).Json(HttpStatusCode.Created);
        async Task<List<JsonElement>> ListAsync(string status) =>
            (await (await (await _desk.App.ClientForAsync("cw.village")).GetAsync($"/api/service-desk/ratings?followUp={status}")).Json(HttpStatusCode.OK))
            .GetProperty("items").EnumerateArray().ToList();
        Assert.Contains(await ListAsync("Pending"), r => r.GetProperty("caseNumber").GetString() == number);

        _desk.Clock.SetUtcNow(new DateTimeOffset(WorkingCalendar.ToUtc(new DateTime(2026, 11, 10, 9, 0, 0)), TimeSpan.Zero)); // past the 5 working days
        await _desk.App.Services.GetRequiredService<DueTimeWatcher>().RunOnceAsync();

        var overdue = Assert.Single(await ListAsync("Overdue"), r => r.GetProperty("caseNumber").GetString() == number);
        Assert.Equal("回访超期", overdue.GetProperty("followUpLabel").GetString());
        Assert.DoesNotContain(await ListAsync("Pending"), r => r.GetProperty("caseNumber").GetString() == number);
        var (_, html) = await (await PageClient.SignedInAsync(_desk.App, "cw.village")).GetAsync("/service-desk/ratings?FollowUp=Overdue");
        Assert.Contains($"data-number=\"{number}\"", html);
        Assert.Contains("回访超期", html);
    }
}
