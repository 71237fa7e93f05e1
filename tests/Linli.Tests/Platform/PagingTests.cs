using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Residents.Data;
using Linli.Platform.Paging;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Platform;

/// <summary>
/// Paging of the lists that hold millions at full scale: page numbers reach the first <see cref="Paging.MaxOffset"/> rows,
/// cursors (next/previous) go anywhere and give the same rows as the offsets they replace, and counts stop at
/// <see cref="Paging.CountLimit"/> unless kept counters give them exactly.
/// </summary>
[Collection("city")]
public sealed class PagingTests(CityFixture city)
{
    private static long[] Ids(JsonElement page) => page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToArray();

    private static string Cursor(JsonElement page, string name) => page.GetProperty(name).GetString()!;

    [Fact]
    public async Task Next_and_previous_cursors_walk_the_residents_as_the_page_numbers_do()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var url = "/api/residents?communityCode=210102&pageSize=7";
        var page1 = await client.GetFromJsonAsync<JsonElement>(url);
        var page2 = await client.GetFromJsonAsync<JsonElement>(url + "&page=2");
        var page3 = await client.GetFromJsonAsync<JsonElement>(url + "&page=3");
        Assert.Equal(JsonValueKind.Null, page1.GetProperty("previous").ValueKind);

        var next = await client.GetFromJsonAsync<JsonElement>(url + "&after=" + Uri.EscapeDataString(Cursor(page1, "next")));
        Assert.Equal(Ids(page2), Ids(next));
        Assert.Equal(0, next.GetProperty("page").GetInt32()); // reached by cursor: position not counted
        var nextAgain = await client.GetFromJsonAsync<JsonElement>(url + "&after=" + Uri.EscapeDataString(Cursor(next, "next")));
        Assert.Equal(Ids(page3), Ids(nextAgain));

        var back = await client.GetFromJsonAsync<JsonElement>(url + "&before=" + Uri.EscapeDataString(Cursor(nextAgain, "previous")));
        Assert.Equal(Ids(page2), Ids(back));
        var first = await client.GetFromJsonAsync<JsonElement>(url + "&before=" + Uri.EscapeDataString(Cursor(back, "previous")));
        Assert.Equal(Ids(page1), Ids(first));
        // Back at the start: nothing before it.
        Assert.Equal(JsonValueKind.Null, first.GetProperty("previous").ValueKind);
        Assert.Equal(page1.GetProperty("total").GetInt64(), next.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task The_ticket_list_pages_newest_first_by_cursor_as_by_page_number()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var page2 = await client.GetFromJsonAsync<JsonElement>("/api/requests/tickets?pageSize=9&page=2");
        var page1 = await client.GetFromJsonAsync<JsonElement>("/api/requests/tickets?pageSize=9");
        var next = await client.GetFromJsonAsync<JsonElement>("/api/requests/tickets?pageSize=9&after=" + Uri.EscapeDataString(Cursor(page1, "next")));
        Assert.Equal(Ids(page2), Ids(next));
        Assert.Equal(9, Ids(next).Length);
        var back = await client.GetFromJsonAsync<JsonElement>("/api/requests/tickets?pageSize=9&before=" + Uri.EscapeDataString(Cursor(next, "previous")));
        Assert.Equal(Ids(page1), Ids(back));
        // The same filters apply along the cursor: one state only.
        var closed = await client.GetFromJsonAsync<JsonElement>("/api/requests/tickets?state=Closed&pageSize=5");
        var closedNext = await client.GetFromJsonAsync<JsonElement>("/api/requests/tickets?state=Closed&pageSize=5&after=" + Uri.EscapeDataString(Cursor(closed, "next")));
        Assert.All(closedNext.GetProperty("items").EnumerateArray(), t => Assert.Equal("Closed", t.GetProperty("state").GetString()));
        Assert.Empty(Ids(closed).Intersect(Ids(closedNext)));
    }

    [Fact]
    public async Task A_page_number_deeper_than_an_offset_may_go_is_a_400_and_the_cursor_goes_on_from_the_deepest_page()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var all = await client.GetFromJsonAsync<JsonElement>("/api/residents?pageSize=1");
        var total = all.GetProperty("total").GetInt64();
        Assert.True(total > Paging.MaxOffset + 100, $"the test city has {total} residents");
        Assert.False(all.GetProperty("totalIsCapped").GetBoolean()); // a region alone: counted exactly from the unit counts

        var deep = await client.GetAsync($"/api/residents?pageSize=50&page={Paging.MaxOffset / 50 + 2}");
        Assert.Equal(HttpStatusCode.BadRequest, deep.StatusCode);
        Assert.Equal("application/problem+json", deep.Content.Headers.ContentType?.MediaType);
        Assert.True((await deep.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("page", out _));

        var deepest = await client.GetFromJsonAsync<JsonElement>($"/api/residents?pageSize=50&page={Paging.MaxOffset / 50}");
        var beyond = await client.GetFromJsonAsync<JsonElement>("/api/residents?pageSize=50&after=" + Uri.EscapeDataString(Cursor(deepest, "next")));
        var expected = await city.App.WithScopeAsync(sp => sp.GetRequiredService<ResidentsDbContext>().Residents
            .OrderBy(r => r.Id).Skip(Paging.MaxOffset).Take(50).Select(r => r.Id).ToArrayAsync());
        Assert.Equal(expected, Ids(beyond));

        // A cursor that was not made by the list is a 400 naming it, not a 500.
        foreach (var bad in new[] { "not-a-cursor", "bDEubDI", "ZDEyMw", "bHg", new string('A', 300) })
        {
            var response = await client.GetAsync("/api/residents?after=" + Uri.EscapeDataString(bad));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").EnumerateObject().Select(e => e.Name.ToLowerInvariant());
            Assert.Contains("after", errors);
        }
    }

    [Fact]
    public async Task Counts_of_filtered_lists_stop_at_the_limit_and_say_so()
    {
        // The cap itself, on a real query: a limit below the rows there are stops the count there and says so.
        var (capped, isCapped, exact, isExact) = await city.App.WithScopeAsync(async sp =>
        {
            var residents = sp.GetRequiredService<ResidentsDbContext>().Residents.Where(r => r.CommunityCode.StartsWith("210102"));
            var n = await residents.LongCountAsync();
            var (c, cc) = await Paging.CountUpToLimitAsync(residents, 100, CancellationToken.None);
            var (e, ec) = await Paging.CountUpToLimitAsync(residents, (int)n, CancellationToken.None);
            return (c, cc, e == n, !ec);
        });
        Assert.Equal(100, capped);
        Assert.True(isCapped);
        Assert.True(isExact);

        // Below the limit, a filtered list (a tag) is counted exactly and not marked capped.
        var client = await city.App.ClientForAsync("supervisor");
        var elderly = await client.GetFromJsonAsync<JsonElement>("/api/residents?tag=Elderly80&pageSize=1");
        var expected = await city.App.WithScopeAsync(sp =>
        {
            var today = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8));
            return sp.GetRequiredService<ResidentsDbContext>().Residents.LongCountAsync(r => r.Tags.Any(t =>
                t.Tag == Linli.Modules.Residents.Contracts.PopulationTagKind.Elderly80 && t.StartDate <= today && (t.EndDate == null || t.EndDate >= today)));
        });
        Assert.Equal(expected, elderly.GetProperty("total").GetInt64());
        Assert.False(elderly.GetProperty("totalIsCapped").GetBoolean());
    }

    [Fact]
    public async Task A_name_with_a_tag_is_not_counted_past_the_page_but_pages_on()
    {
        var client = await city.App.ClientForAsync("supervisor");
        var someone = (await client.GetFromJsonAsync<JsonElement>("/api/residents?tag=Elderly60&pageSize=1")).GetProperty("items")[0];
        var surname = someone.GetProperty("name").GetString()![..1];
        var all = await (await client.PostAsJsonAsync("/api/residents/search", new { name = surname, tag = "Elderly60", pageSize = 500 })).Json(HttpStatusCode.OK);
        var expected = Ids(all);
        Assert.True(expected.Length >= 3, $"{expected.Length} elderly named {surname}");

        var first = await (await client.PostAsJsonAsync("/api/residents/search", new { name = surname, tag = "Elderly60", pageSize = 2 })).Json(HttpStatusCode.OK);
        Assert.Equal(expected[..2], Ids(first));
        Assert.Equal(2, first.GetProperty("total").GetInt64()); // the rows up to here …
        Assert.True(first.GetProperty("totalIsCapped").GetBoolean()); // … and more
        var second = await (await client.PostAsJsonAsync("/api/residents/search",
            new { name = surname, tag = "Elderly60", pageSize = 2, after = Cursor(first, "next") })).Json(HttpStatusCode.OK);
        Assert.Equal(expected[2..Math.Min(4, expected.Length)], Ids(second));
    }

    [Fact]
    public async Task The_queue_counts_of_one_grouped_query_match_each_queue_list()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var hotline = await city.App.ClientForAsync("hotline");
        var cw = await city.App.ClientForAsync("cw.a");
        var a = (await hotline.FileAsync(category)).Id();
        var b = (await hotline.FileAsync(category)).Id();
        await hotline.OkAsync(a, "dispatch", new { unitCode = "community" });
        await hotline.OkAsync(b, "dispatch", new { unitCode = "community" });
        await cw.OkAsync(b, "sign");
        foreach (var user in new[] { "hotline", "cw.a", "dept.water", "district.heping" })
        {
            var page = await PageAsync(user);
            foreach (var (queue, count) in page)
            {
                var list = await (await city.App.ClientForAsync(user)).GetFromJsonAsync<JsonElement>($"/api/requests/queues/{queue}?pageSize=1");
                Assert.True(count == list.GetProperty("total").GetInt64(), $"{user} {queue}: tab {count}, list {list.GetProperty("total").GetInt64()}");
            }
        }
    }

    /// <summary>The queue tabs' counts as the queues page shows them.</summary>
    private async Task<Dictionary<string, long>> PageAsync(string user)
    {
        var page = await Linli.Tests.Ui.PageClient.SignedInAsync(city.App, user);
        var (status, html) = await page.GetAsync("/requests/queues");
        Assert.Equal(HttpStatusCode.OK, status);
        return System.Text.RegularExpressions.Regex.Matches(html, "data-queue=\"(\\w+)\">[^<]*<span class=\"count\">(\\d+)</span>")
            .ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));
    }
}
