using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Tests.Infrastructure;
using Linli.Tests.Ui;

namespace Linli.Tests.Requests;

/// <summary>The centre dispatches several tickets to one unit at once: each under the single dispatch's rules, failures named, once per submit.</summary>
[Collection("city")]
public sealed class BulkDispatchTests(CityFixture city)
{
    private async Task<List<long>> FileAsync(int count)
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var hotline = await city.App.ClientForAsync("hotline");
        var ids = new List<long>();
        for (var i = 0; i < count; i++) ids.Add((await hotline.FileAsync(category, description: "楼道灯坏了第" + i + "处", phone: null)).Id());
        return ids;
    }

    private static List<long> Ids(JsonElement result, string list) => [.. result.GetProperty(list).EnumerateArray().Select(e => e.GetProperty("id").GetInt64())];

    [Fact]
    public async Task Each_ticket_is_dispatched_under_the_single_rules_and_each_failure_is_named_leaving_the_others_done()
    {
        var ids = await FileAsync(3);
        var hotline = await city.App.ClientForAsync("hotline");
        var already = await hotline.OkAsync(ids[2], "dispatch", new { unitCode = "community" });
        const long missing = 987_654_321;

        var result = await (await hotline.PostAsJsonAsync("/api/requests/tickets/bulk-dispatch", new { ticketIds = new[] { ids[0], ids[1], ids[2], missing }, unitCode = "water" }))
            .Json(HttpStatusCode.OK);
        Assert.Equal([ids[0], ids[1]], Ids(result, "dispatched"));
        Assert.Equal([ids[2], missing], Ids(result, "failed"));
        Assert.All(result.GetProperty("failed").EnumerateArray(), f => Assert.False(string.IsNullOrWhiteSpace(f.GetProperty("reason").GetString())));
        Assert.Equal("工单不存在或不在您的辖区内。", result.GetProperty("failed")[1].GetProperty("reason").GetString());

        foreach (var id in ids[..2])
        {
            var ticket = await hotline.GetTicketAsync(id);
            Assert.Equal(("Dispatched", "water"), (ticket.State(), ticket.GetProperty("assignedUnitCode").GetString()));
        }
        // The one that failed is as it was: its own dispatch, its own version.
        var unchanged = await hotline.GetTicketAsync(ids[2]);
        Assert.Equal((already.GetProperty("version").GetInt32(), already.GetProperty("assignedUnitCode").GetString()),
            (unchanged.GetProperty("version").GetInt32(), unchanged.GetProperty("assignedUnitCode").GetString()));
    }

    [Fact]
    public async Task A_double_submit_under_one_key_dispatches_once_and_answers_the_first_answer_again()
    {
        var ids = await FileAsync(2);
        var hotline = await city.App.ClientForAsync("hotline");
        var key = "bulk-" + Guid.NewGuid().ToString("N");
        async Task<HttpResponseMessage> SubmitAsync(long[] tickets)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/requests/tickets/bulk-dispatch")
                { Content = JsonContent.Create(new { ticketIds = tickets, unitCode = "water" }) };
            request.Headers.Add("Idempotency-Key", key);
            return await hotline.SendAsync(request);
        }
        var first = await (await SubmitAsync([.. ids])).Json(HttpStatusCode.OK);
        Assert.Equal(ids, Ids(first, "dispatched"));
        var versions = new List<int>();
        foreach (var id in ids) versions.Add((await hotline.GetTicketAsync(id)).GetProperty("version").GetInt32());

        var repeat = await SubmitAsync([.. ids]);
        Assert.True(repeat.Headers.TryGetValues("Idempotent-Replayed", out var replayed) && replayed.Single() == "true");
        var again = await repeat.Json(HttpStatusCode.OK);
        Assert.Equal(ids, Ids(again, "dispatched"));
        Assert.Empty(Ids(again, "failed"));
        foreach (var (id, version) in ids.Zip(versions)) Assert.Equal(version, (await hotline.GetTicketAsync(id)).GetProperty("version").GetInt32());

        // The same key for another selection is refused, not mistaken for a repeat.
        Assert.Equal(HttpStatusCode.UnprocessableEntity, (await SubmitAsync([ids[0]])).StatusCode);
    }

    [Fact]
    public async Task Only_the_centre_dispatches_and_an_empty_or_oversized_selection_is_a_400()
    {
        var ids = await FileAsync(1);
        var community = await city.App.ClientForAsync("cw.a");
        var refused = await (await community.PostAsJsonAsync("/api/requests/tickets/bulk-dispatch", new { ticketIds = ids, unitCode = "water" })).Json(HttpStatusCode.OK);
        Assert.Empty(Ids(refused, "dispatched"));
        Assert.Equal(ids, Ids(refused, "failed"));
        Assert.Equal("Received", (await (await city.App.ClientForAsync("hotline")).GetTicketAsync(ids[0])).State());

        var hotline = await city.App.ClientForAsync("hotline");
        var empty = await (await hotline.PostAsJsonAsync("/api/requests/tickets/bulk-dispatch", new { ticketIds = Array.Empty<long>() })).Json(HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("ticketIds", out _));
        var tooMany = await (await hotline.PostAsJsonAsync("/api/requests/tickets/bulk-dispatch", new { ticketIds = Enumerable.Range(1, 101).Select(i => (long)i) })).Json(HttpStatusCode.BadRequest);
        Assert.True(tooMany.GetProperty("errors").TryGetProperty("ticketIds", out _));
    }

    [Fact]
    public async Task The_centres_queue_page_dispatches_the_selected_tickets_and_says_what_happened()
    {
        var ids = await FileAsync(1);
        var page = await PageClient.SignedInAsync(city.App, "hotline");
        var (_, html) = await page.GetAsync("/requests/queues?queue=ToDispatch&Sort=Created");
        Assert.Contains("id=\"bulk-form\"", html);
        var response = await page.SubmitAsync("/requests/queues?queue=ToDispatch", new() { ["ticketIds"] = ids[0].ToString(), ["unitCode"] = "water" },
            "/requests/queues?handler=BulkDispatch&queue=ToDispatch");
        var answer = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        Assert.Contains("已派发 1 件。", answer);
        Assert.Equal("Dispatched", (await (await city.App.ClientForAsync("hotline")).GetTicketAsync(ids[0])).State());
    }

    [Fact]
    public async Task The_queue_page_keeps_its_filters_after_a_dispatch_and_after_a_refusal()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var hotline = await city.App.ClientForAsync("hotline");
        var first = (await hotline.FileAsync(category, description: "路灯闪烁一号", phone: null, urgency: "Urgent")).Id();
        var second = (await hotline.FileAsync(category, description: "路灯闪烁二号", phone: null, urgency: "Urgent")).Id();
        var unmatched = (await hotline.FileAsync(category, description: "井盖松动", phone: null, urgency: "Urgent")).Id();
        var page = await PageClient.SignedInAsync(city.App, "hotline");
        var filtered = $"/requests/queues?queue=ToDispatch&CategoryId={category}&Urgency=Urgent&Text=路灯闪烁&Sort=Created&pageNumber=1";
        var (_, html) = await page.GetAsync(filtered);
        var action = WebUtility.HtmlDecode(Regex.Match(html, "<form method=\"post\" action=\"([^\"]+)\" id=\"bulk-form\"").Groups[1].Value);

        void AssertFiltersShown(string answer)
        {
            Assert.Contains("id=\"Text\" name=\"Text\" value=\"路灯闪烁\"", answer);
            Assert.Matches($"<option value=\"{category}\" selected=\"selected\">", answer);
            Assert.Contains("<option value=\"Urgent\" selected=\"selected\">", answer);
            Assert.Contains("<option value=\"Created\" selected=\"selected\">", answer);
            Assert.DoesNotContain($"href=\"/requests/tickets/{unmatched}\"", answer);
        }

        // A refusal (nothing selected): the same filtered list, with the message.
        var refused = WebUtility.HtmlDecode(await (await page.SubmitAsync(filtered, new() { ["unitCode"] = "water" }, action)).Content.ReadAsStringAsync());
        Assert.Contains("请选择要派发的工单。", refused);
        AssertFiltersShown(refused);
        Assert.Contains($"href=\"/requests/tickets/{first}\"", refused);

        var done = WebUtility.HtmlDecode(await (await page.SubmitAsync(filtered, new() { ["ticketIds"] = first.ToString(), ["unitCode"] = "water" }, action)).Content.ReadAsStringAsync());
        Assert.Contains("已派发 1 件。", done);
        AssertFiltersShown(done);
        Assert.DoesNotContain($"href=\"/requests/tickets/{first}\"", done);
        Assert.Contains($"href=\"/requests/tickets/{second}\"", done);
    }
}
