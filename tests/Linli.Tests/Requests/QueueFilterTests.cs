using System.Net;
using System.Text.Json;
using Linli.Platform.Calendar;
using Linli.Tests.Infrastructure;
using Linli.Tests.Ui;

namespace Linli.Tests.Requests;

/// <summary>The centre's queues narrowed by category, urgency, due date and text, and sorted, over HTTP (API and page).</summary>
[Collection("city2")]
public sealed class QueueFilterTests(CityFixture city)
{
    private sealed record Filed(int Category, long Normal, long Urgent, long Other, string OtherNumber);

    private async Task<Filed> FileThreeAsync()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var hotline = await city.App.ClientForAsync("hotline");
        var normal = await hotline.FileAsync(category, description: "甲楼暖气不热已经三天", phone: null);
        var urgent = await hotline.FileAsync(category, description: "乙楼暖气管漏水", phone: null, urgency: "Urgent");
        var other = await hotline.FileAsync(category, description: "路灯不亮", phone: null);
        return new Filed(category, normal.Id(), urgent.Id(), other.Id(), other.GetProperty("number").GetString()!);
    }

    private async Task<JsonElement> QueueAsync(string query, HttpStatusCode expected = HttpStatusCode.OK, string queue = "ToDispatch") =>
        await (await (await city.App.ClientForAsync("hotline")).GetAsync($"/api/requests/queues/{queue}?{(query.Contains("pageSize=") ? "" : "pageSize=50&")}{query}")).Json(expected);

    private static List<long> Ids(JsonElement page) => [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64())];

    [Fact]
    public async Task The_queue_is_narrowed_by_category_urgency_and_text_and_the_count_follows_the_filter()
    {
        var filed = await FileThreeAsync();
        var all = await QueueAsync($"categoryId={filed.Category}");
        Assert.Equal([filed.Normal, filed.Urgent, filed.Other], Ids(all));
        Assert.Equal(3, all.GetProperty("total").GetInt64());

        Assert.Equal([filed.Urgent], Ids(await QueueAsync($"categoryId={filed.Category}&urgency=Urgent")));
        Assert.Equal([filed.Normal, filed.Urgent], Ids(await QueueAsync($"categoryId={filed.Category}&text={Uri.EscapeDataString("暖气")}")));
        Assert.Equal([filed.Other], Ids(await QueueAsync($"text={filed.OtherNumber}")));

        var paged = await QueueAsync($"categoryId={filed.Category}&pageSize=1&page=2");
        Assert.Equal([filed.Urgent], Ids(paged));
        Assert.Equal(3, paged.GetProperty("total").GetInt64());
    }

    [Fact]
    public async Task Urgent_first_and_newest_orders_are_applied()
    {
        var filed = await FileThreeAsync();
        Assert.Equal(filed.Urgent, Ids(await QueueAsync($"categoryId={filed.Category}&sort=Urgency"))[0]);
        Assert.Equal([filed.Normal, filed.Urgent, filed.Other], Ids(await QueueAsync($"categoryId={filed.Category}&sort=Created")));
    }

    [Fact]
    public async Task The_due_date_range_keeps_the_tickets_whose_running_deadline_falls_in_it()
    {
        var filed = await FileThreeAsync();
        var hotline = await city.App.ClientForAsync("hotline");
        foreach (var id in new[] { filed.Normal, filed.Urgent, filed.Other }) await hotline.OkAsync(id, "dispatch");
        // Waiting to be signed for: the running deadline is the sign-for one.
        var all = (await QueueAsync($"categoryId={filed.Category}", queue: "ToSign")).GetProperty("items").EnumerateArray().ToList();
        Assert.Equal(3, all.Count);
        static DateOnly DayOf(JsonElement item) => WorkingCalendar.ChinaDay(item.GetProperty("signDueAt").GetDateTime().ToUniversalTime());
        var day = DayOf(all[0]);
        var expected = all.Where(i => DayOf(i) == day).Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal(expected, Ids(await QueueAsync($"categoryId={filed.Category}&dueFrom={day:yyyy-MM-dd}&dueTo={day:yyyy-MM-dd}", queue: "ToSign")));
        Assert.Empty(Ids(await QueueAsync($"categoryId={filed.Category}&dueTo={day.AddDays(-1):yyyy-MM-dd}", queue: "ToSign")));
        var later = Ids(await QueueAsync($"categoryId={filed.Category}&dueFrom={day.AddDays(1):yyyy-MM-dd}&dueTo={day.AddDays(400):yyyy-MM-dd}", queue: "ToSign"));
        Assert.Equal(all.Select(i => i.GetProperty("id").GetInt64()).Except(expected).Order(), later.Order());
    }

    [Fact]
    public async Task A_bad_filter_is_a_400_naming_its_field()
    {
        var inverted = await QueueAsync("dueFrom=2026-12-02&dueTo=2026-12-01", HttpStatusCode.BadRequest);
        Assert.True(inverted.GetProperty("errors").TryGetProperty("dueFrom", out _));
        var shortText = await QueueAsync("text=x", HttpStatusCode.BadRequest);
        Assert.True(shortText.GetProperty("errors").TryGetProperty("text", out _));
        var category = await QueueAsync("categoryId=999999999", HttpStatusCode.BadRequest);
        Assert.True(category.GetProperty("errors").TryGetProperty("categoryId", out _));
    }

    [Fact]
    public async Task The_queue_page_filters_and_keeps_the_filter_in_its_form_for_the_pager()
    {
        var filed = await FileThreeAsync();
        var page = await PageClient.SignedInAsync(city.App, "hotline");
        var (status, html) = await page.GetAsync($"/requests/queues?queue=ToDispatch&CategoryId={filed.Category}&Urgency=Urgent&Sort=Urgency");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"href=\"/requests/tickets/{filed.Urgent}\"", html);
        Assert.DoesNotContain($"href=\"/requests/tickets/{filed.Normal}\"", html);
        Assert.Contains($"<option value=\"{filed.Category}\" selected=\"selected\">", html);
        Assert.Contains("<option value=\"Urgent\" selected=\"selected\">", html);

        (status, html) = await page.GetAsync("/requests/queues?queue=ToDispatch&Text=x");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("搜索内容请输入", html);
    }
}
