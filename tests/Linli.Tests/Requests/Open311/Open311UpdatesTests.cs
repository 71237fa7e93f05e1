using System.Globalization;
using System.Net;
using System.Text.Json;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests.Open311;

/// <summary>
/// mySociety's GeoReport v2 extension for service request updates (as mysociety/open311-adapter serves it): GET lists each
/// status change and the reply of the public requests, so a reporting site shows them to its users; POST passes a
/// reporter's comment on to the unit handling the request.
/// </summary>
[Collection("city2")]
public sealed class Open311UpdatesTests(CityFixture city)
{
    private static string W3c(DateTime utc) => Uri.EscapeDataString(new DateTimeOffset(utc).ToOffset(TimeSpan.FromHours(8)).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture));

    private async Task<(Open311Api Api, string Number, long Id)> FiledAsync(int category, bool withContact = true)
    {
        var api = await Open311Api.WithNewKeyAsync(city.App);
        var grid = (await RequestsApi.GridsAsync(city.App, CityFixture.CommunityA))[0];
        (string, string)[] place = [("lat", grid.Latitude!.Value.ToString("R", CultureInfo.InvariantCulture)), ("long", grid.Longitude!.Value.ToString("R", CultureInfo.InvariantCulture)),
            ("description", "消防栓漏水")];
        var posted = await Open311Api.Json(await api.PostAsync("json", api.Form(category, [.. place, .. withContact ? [("email", "someone@example.cn")] : Array.Empty<(string, string)>()])),
            HttpStatusCode.Created);
        var number = posted[0].GetProperty("service_request_id").GetString()!;
        var id = await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Tickets.IgnoreQueryFilters().Where(t => t.Number == number).Select(t => t.Id).SingleAsync());
        return (api, number, id);
    }

    /// <summary>GET servicerequestupdates as field dictionaries, whatever the format; checks the extension's shape.</summary>
    private static async Task<List<Dictionary<string, string>>> UpdatesAsync(Open311Api api, string format, string query)
    {
        var response = await api.GetAsync($"/servicerequestupdates.{format}?{query}");
        if (format == "xml")
        {
            var xml = await Open311Api.Xml(response, HttpStatusCode.OK);
            Assert.Equal("service_request_updates", xml.Name.LocalName);
            Assert.All(xml.Elements(), e => Assert.Equal("request_update", e.Name.LocalName));
            return xml.Elements("request_update").Select(r => r.Elements().ToDictionary(e => e.Name.LocalName, e => e.Value)).ToList();
        }
        var json = await Open311Api.Json(response, HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Array, json.ValueKind);
        Assert.All(json.EnumerateArray(), u => Assert.Equal(JsonValueKind.String, u.GetProperty("update_id").ValueKind));
        return json.EnumerateArray().Select(r => r.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.ValueKind == JsonValueKind.Null ? "" : p.Value.ToString())).ToList();
    }

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task Each_status_change_and_the_reply_of_a_public_request_is_an_update_oldest_first_without_internal_notes(string format)
    {
        var category = await RequestsApi.NewLeafAsync(city.App, "water");
        var before = DateTime.UtcNow.AddSeconds(-2);
        var (api, number, id) = await FiledAsync(category);
        var hotline = await city.App.ClientForAsync("hotline");
        var water = await city.App.ClientForAsync("dept.water");
        await hotline.OkAsync(id, "dispatch", new { opinion = "内部备注：请水务优先" });
        await water.OkAsync(id, "sign", new { opinion = "已安排班组" });
        await water.OkAsync(id, "reply", new { reply = "已更换阀门，漏水已止住。" });
        await hotline.OkAsync(id, "close", new { opinion = "回访：居民未接电话" });
        // Neither an anonymous Open311 request nor a hotline ticket has public updates.
        var (_, hidden, hiddenId) = await FiledAsync(category, withContact: false);
        await hotline.OkAsync(hiddenId, "dispatch", new { });
        var hotlineTicket = await hotline.FileAsync(category);
        await hotline.OkAsync(hotlineTicket.Id(), "dispatch", new { });

        var all = await UpdatesAsync(api, format, $"start_date={W3c(before)}");
        var mine = all.Where(u => u["service_request_id"] == number).ToList();
        Assert.Equal(["update_id", "service_request_id", "status", "updated_datetime", "description", "media_url"], mine[0].Keys);
        Assert.Equal(["open", "in_progress", "in_progress", "closed"], mine.Select(u => u["status"]));
        Assert.Equal(["已派单，待承办单位签收", "承办单位办理中", "已更换阀门，漏水已止住。", "已办结"], mine.Select(u => u["description"]));
        Assert.All(mine, u => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+08:00$", u["updated_datetime"]));
        Assert.All(mine, u => Assert.Equal("", u["media_url"]));
        Assert.Equal(mine.Count, mine.Select(u => u["update_id"]).Distinct().Count());
        var body = string.Concat(all.SelectMany(u => u.Values));
        foreach (var secret in new[] { "内部备注", "已安排班组", "回访", "someone@" }) Assert.DoesNotContain(secret, body);
        Assert.DoesNotContain(all, u => u["service_request_id"] == hidden || u["service_request_id"] == hotlineTicket.GetProperty("number").GetString());
        // Oldest first over the whole list, the order a client applies them in.
        var times = all.Select(u => DateTimeOffset.Parse(u["updated_datetime"], CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(times.Order(), times);

        // Paged, and bounded by the dates like requests.
        var firstTwo = await UpdatesAsync(api, format, $"start_date={W3c(before)}&page_size=2");
        Assert.Equal(all.Take(2).Select(u => u["update_id"]), firstTwo.Select(u => u["update_id"]));
        Assert.Equal(all.Skip(2).Take(2).Select(u => u["update_id"]), (await UpdatesAsync(api, format, $"start_date={W3c(before)}&page=2&page_size=2")).Select(u => u["update_id"]));
        Assert.DoesNotContain(await UpdatesAsync(api, format, $"start_date={W3c(before.AddDays(-2))}&end_date={W3c(before.AddDays(-1))}"), u => u["service_request_id"] == number);
        foreach (var bad in new[] { "start_date=yesterday", "start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z", "page=0", "page_size=1001" })
            await Open311Api.ErrorAsync(await api.GetAsync($"/servicerequestupdates.{format}?{bad}"), format, HttpStatusCode.BadRequest);
    }

    private static (string, string)[] Update(Open311Api api, string number, string updateId, string description = "阀门又开始滴水了", string status = "OPEN") =>
    [
        ("api_key", api.Key), ("service_request_id", number), ("update_id", updateId), ("status", status),
        ("updated_datetime", "2026-11-30T10:00:00+08:00"), ("description", description), ("email", "someone@example.cn"), ("first_name", "李"),
    ];

    private static Task<HttpResponseMessage> PostUpdateAsync(Open311Api api, string format, (string, string)[] fields) =>
        api.Http.PostAsync($"{Open311Api.Root}/servicerequestupdates.{format}", new FormUrlEncodedContent(fields.Select(f => new KeyValuePair<string, string>(f.Item1, f.Item2))));

    [Theory]
    [InlineData("xml")]
    [InlineData("json")]
    public async Task A_clients_update_is_a_comment_for_the_handling_unit_and_a_retry_is_the_same_update(string format)
    {
        var category = await RequestsApi.NewLeafAsync(city.App, "water");
        var (api, number, id) = await FiledAsync(category);
        await (await city.App.ClientForAsync("hotline")).OkAsync(id, "dispatch", new { });
        var updateId = "fms-" + Guid.NewGuid().ToString("N")[..8];

        async Task<string> UpdateIdAsync(HttpResponseMessage response)
        {
            if (format == "xml")
            {
                var xml = await Open311Api.Xml(response, HttpStatusCode.OK);
                Assert.Equal("service_request_updates", xml.Name.LocalName);
                return Assert.Single(xml.Elements("request_update")).Element("update_id")!.Value;
            }
            return Assert.Single((await Open311Api.Json(response, HttpStatusCode.OK)).EnumerateArray().ToList()).GetProperty("update_id").GetString()!;
        }
        var first = await UpdateIdAsync(await PostUpdateAsync(api, format, Update(api, number, updateId, status: "reopen")));
        var retried = await UpdateIdAsync(await PostUpdateAsync(api, format, Update(api, number, updateId, status: "reopen")));
        Assert.Equal(first, retried);

        // In the ticket's history, where the water department reads it, and in its inbox.
        var ticket = await (await city.App.ClientForAsync("dept.water")).GetTicketAsync(id);
        var comments = ticket.GetProperty("actions").EnumerateArray().Where(a => a.GetProperty("action").GetString() == "Comment").ToList();
        var comment = Assert.Single(comments);
        Assert.Equal("【群众反映：问题仍未解决】阀门又开始滴水了", comment.GetProperty("opinion").GetString());
        Assert.Equal("Dispatched", ticket.State());
        var (told, kept) = await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RequestsDbContext>();
            var outbox = await db.Outbox.CountAsync(m => m.TicketId == id && m.Recipient == "dept:water" && m.Subject == "群众补充意见");
            var row = await db.Open311ClientUpdates.SingleAsync(u => u.ClientUpdateId == updateId);
            return (outbox, row);
        });
        Assert.Equal(1, told);
        Assert.Equal("REOPEN", kept.Status);
        Assert.Equal(first, kept.ActionId.ToString(CultureInfo.InvariantCulture));
        // A comment changes no state: it is not a status update for the GET.
        Assert.DoesNotContain(await UpdatesAsync(api, format, $"start_date={W3c(DateTime.UtcNow.AddMinutes(-5))}"), u => u["update_id"] == first);
    }

    [Fact]
    public async Task Racing_posts_of_one_update_make_one_comment()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var (api, number, id) = await FiledAsync(category);
        var updateId = "race-" + Guid.NewGuid().ToString("N")[..8];
        var responses = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => PostUpdateAsync(api, "json", Update(api, number, updateId))));
        var ids = new List<string>();
        foreach (var response in responses) ids.Add((await Open311Api.Json(response, HttpStatusCode.OK))[0].GetProperty("update_id").GetString()!);
        Assert.Single(ids.Distinct());
        var comments = await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().TicketActions
            .CountAsync(a => a.TicketId == id && a.Action == TicketActionKind.Comment));
        Assert.Equal(1, comments);
    }

    [Theory]
    [InlineData("json", "another client's request", HttpStatusCode.NotFound)]
    [InlineData("xml", "an unknown request", HttpStatusCode.NotFound)]
    [InlineData("json", "no key", HttpStatusCode.Forbidden)]
    [InlineData("xml", "-update_id", HttpStatusCode.BadRequest)]
    [InlineData("json", "-description", HttpStatusCode.BadRequest)]
    [InlineData("xml", "-updated_datetime", HttpStatusCode.BadRequest)]
    [InlineData("json", "-status", HttpStatusCode.BadRequest)]
    [InlineData("xml", "status=MAYBE", HttpStatusCode.BadRequest)]
    [InlineData("json", "updated_datetime=yesterday", HttpStatusCode.BadRequest)]
    [InlineData("xml", "media_url=ftp://example.cn/a.jpg", HttpStatusCode.BadRequest)]
    public async Task A_bad_update_is_the_specs_error_list_and_no_comment(string format, string change, HttpStatusCode expected)
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var (api, number, id) = await FiledAsync(category);
        var fields = Update(api, number, "bad-" + Guid.NewGuid().ToString("N")[..8]).ToList();
        switch (change)
        {
            case "another client's request":
                var other = await Open311Api.WithNewKeyAsync(city.App, "另一客户端");
                fields[0] = ("api_key", other.Key);
                break;
            case "an unknown request": fields[1] = ("service_request_id", "19990101000001"); break;
            case "no key": fields.RemoveAt(0); break;
            default:
                if (change.StartsWith('-')) fields.RemoveAll(f => f.Item1 == change[1..]);
                else
                {
                    var (key, value) = (change[..change.IndexOf('=')], change[(change.IndexOf('=') + 1)..]);
                    fields.RemoveAll(f => f.Item1 == key);
                    fields.Add((key, value));
                }
                break;
        }
        await Open311Api.ErrorAsync(await PostUpdateAsync(api, format, [.. fields]), format, expected);
        var comments = await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().TicketActions
            .CountAsync(a => a.TicketId == id && a.Action == TicketActionKind.Comment));
        Assert.Equal(0, comments);
    }
}
