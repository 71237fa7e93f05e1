using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests;

[Collection("city")]
public sealed class TicketLifeTests(CityFixture city)
{
    [Fact]
    public async Task A_hotline_ticket_gets_a_day_number_keeps_its_rule_version_and_shows_the_phone_only_masked()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var category = await RequestsApi.NewLeafAsync(city.App, "water");
        var response = await hotline.PostAsJsonAsync("/api/requests/tickets", new { description = "停水三天", categoryId = category, communityCode = CityFixture.CommunityA, contactPhone = "13812345678" });
        var raw = await response.Content.ReadAsStringAsync();
        var ticket = (await response.Json(HttpStatusCode.Created)).GetProperty("ticket");

        Assert.Matches(@"^\d{8}\d{6}$", ticket.GetProperty("number").GetString());
        Assert.Equal("Received", ticket.State());
        Assert.Equal("Hotline", ticket.GetProperty("channel").GetString());
        Assert.Equal("138****5678", ticket.GetProperty("phoneMasked").GetString());
        Assert.DoesNotContain("13812345678", raw);
        Assert.Equal(CityFixture.CommunityA, ticket.GetProperty("communityCode").GetString());

        // Editing the rule afterwards does not move the ticket: it is dispatched under the version it was routed by.
        var admin = await city.App.ClientForAsync("admin");
        await (await admin.PutAsJsonAsync($"/api/requests/routing-rules/{category}",
            new { departmentCode = "gas", signHoursUrgent = 1, signHoursNormal = 2, finishDaysUrgent = 1, finishDaysNormal = 5 })).Json(HttpStatusCode.OK);
        var dispatched = await hotline.OkAsync(ticket.Id(), "dispatch");
        Assert.Equal("water", dispatched.GetProperty("assignedUnitCode").GetString());
        Assert.Equal(ticket.GetProperty("routingRuleId").GetInt32(), dispatched.GetProperty("routingRuleId").GetInt32());
        Assert.True(dispatched.GetProperty("signDueAt").GetDateTime() > dispatched.GetProperty("dispatchedAt").GetDateTime());
        Assert.True(dispatched.GetProperty("finishDueAt").GetDateTime() >= dispatched.GetProperty("signDueAt").GetDateTime());
    }

    [Fact]
    public async Task The_whole_journey_dispatch_sign_whistle_report_in_reply_dissatisfied_reopen_and_close()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var community = await city.App.ClientForAsync("cw.a");
        var water = await city.App.ClientForAsync("dept.water");
        var ticket = await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App));
        var id = ticket.Id();

        Assert.Equal(CityFixture.CommunityA, (await hotline.OkAsync(id, "dispatch", new { opinion = "请社区处理" })).GetProperty("assignedUnitCode").GetString());
        Assert.Equal("InProgress", (await community.OkAsync(id, "sign")).State());
        await community.OkAsync(id, "whistle", new { departmentCodes = new[] { "water" }, opinion = "管线问题" });

        // Not replied while the summoned department has not reported in.
        var refused = await (await community.ActAsync(id, "reply", new { reply = "已修好" })).Json(HttpStatusCode.Conflict);
        Assert.Equal("InProgress", refused.GetProperty("state").GetString());
        Assert.Equal("water", refused.GetProperty("pendingDepartments")[0].GetString());

        // The summoned department now sees the ticket and reports in.
        var seen = await water.GetTicketAsync(id);
        Assert.Contains(seen.GetProperty("units").EnumerateArray(), u => u.GetProperty("unitCode").GetString() == "water" && u.GetProperty("role").GetString() == "Summoned");
        await water.OkAsync(id, "report-in", new { report = "已派人检修管线" });

        Assert.Equal("Replied", (await community.OkAsync(id, "reply", new { reply = "已修好" })).State());
        var reopened = await hotline.OkAsync(id, "evaluate", new { rating = "Dissatisfied", opinion = "没修好" });
        Assert.Equal("Dispatched", reopened.State());
        Assert.Equal(1, reopened.GetProperty("reopenCount").GetInt32());
        Assert.True(reopened.GetProperty("underSupervision").GetBoolean());

        await community.OkAsync(id, "sign");
        await community.OkAsync(id, "reply", new { reply = "重新修好" });
        var closed = await hotline.OkAsync(id, "evaluate", new { rating = "Satisfied" });
        Assert.Equal("Closed", closed.State());

        var history = await hotline.GetTicketAsync(id);
        Assert.Equal(["File", "Dispatch", "Sign", "Whistle", "ReportIn", "Reply", "Evaluate", "Reopen", "Sign", "Reply", "Evaluate"], RequestsApi.ActionsOf(history));
        var dispatch = history.GetProperty("actions")[1];
        Assert.Equal("hotline", dispatch.GetProperty("userName").GetString());
        Assert.Equal(CityFixture.CommunityA, dispatch.GetProperty("unitCode").GetString());
        Assert.Equal("请社区处理", dispatch.GetProperty("opinion").GetString());
    }

    [Fact]
    public async Task A_returned_ticket_goes_back_to_the_centre_with_its_reason_and_is_dispatched_again()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var water = await city.App.ClientForAsync("dept.water");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App, "water"))).Id();
        await hotline.OkAsync(id, "dispatch");

        var noReason = await (await water.ActAsync(id, "return", new { })).Json(HttpStatusCode.BadRequest);
        Assert.True(noReason.GetProperty("errors").TryGetProperty("Reason", out _));
        var returned = await water.OkAsync(id, "return", new { reason = "不属于本单位职责" });
        Assert.Equal("Returned", returned.State());
        Assert.Equal(1, returned.GetProperty("returnCount").GetInt32());
        Assert.Equal(JsonValueKind.Null, returned.GetProperty("assignedUnitCode").ValueKind);
        // The centre is told by the department's name, never its code.
        var told = await city.App.WithScopeAsync(sp => sp.GetRequiredService<Linli.Modules.Requests.Data.RequestsDbContext>().Outbox
            .Where(m => m.TicketId == id && m.Subject == "工单被退回").Select(m => m.Body).SingleAsync());
        Assert.Contains("被 市水务局 退回：不属于本单位职责", told);

        var again = await hotline.OkAsync(id, "dispatch", new { unitCode = "community" });
        Assert.Equal("Dispatched", again.State());
        Assert.Equal(CityFixture.CommunityA, again.GetProperty("assignedUnitCode").GetString());
        // The department it was once sent to still sees it (what was sent to it), but can no longer act as the lead.
        Assert.Equal(HttpStatusCode.Forbidden, (await water.ActAsync(id, "sign")).StatusCode);
    }

    [Fact]
    public async Task Co_handlers_extension_and_suspension_move_the_finish_deadline_as_they_should()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var water = await city.App.ClientForAsync("dept.water");
        var street = await city.App.ClientForAsync("street.a");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App, "water"))).Id();
        await hotline.OkAsync(id, "dispatch");
        await water.OkAsync(id, "sign");

        var co = await water.OkAsync(id, "co-handlers", new { unitCodes = new[] { "gas", "power" } });
        Assert.Equal(2, co.GetProperty("units").EnumerateArray().Count(u => u.GetProperty("role").GetString() == "CoHandler"));
        var unknown = await (await water.ActAsync(id, "co-handlers", new { unitCodes = new[] { "nope" } })).Json(HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("UnitCodes", out _));

        var due = co.GetProperty("finishDueAt").GetDateTime();
        var asked = await water.OkAsync(id, "extension", new { days = 3, reason = "需要采购配件" });
        Assert.Equal(3, asked.GetProperty("extensionRequestedDays").GetInt32());
        var twice = await (await water.ActAsync(id, "extension", new { days = 3, reason = "再来" })).Json(HttpStatusCode.Conflict);
        Assert.Equal("InProgress", twice.GetProperty("state").GetString());
        // The unit cannot approve its own request; the street over the place can.
        Assert.Equal(HttpStatusCode.Forbidden, (await water.ActAsync(id, "extension/decision", new { approve = true })).StatusCode);
        var approved = await street.OkAsync(id, "extension/decision", new { approve = true });
        Assert.True(approved.GetProperty("finishDueAt").GetDateTime() > due);
        Assert.Equal(JsonValueKind.Null, approved.GetProperty("extensionRequestedDays").ValueKind);

        await water.OkAsync(id, "extension", new { days = 5, reason = "还要更久" });
        var refused = await hotline.OkAsync(id, "extension/decision", new { approve = false, opinion = "不同意" });
        Assert.Equal(approved.GetProperty("finishDueAt").GetDateTime(), refused.GetProperty("finishDueAt").GetDateTime());

        Assert.Equal("Suspended", (await water.OkAsync(id, "suspend", new { reason = "等待业主回家" })).State());
        Assert.Equal(HttpStatusCode.Conflict, (await water.ActAsync(id, "reply", new { reply = "x" })).StatusCode);
        var resumed = await water.OkAsync(id, "resume", new { reason = "业主已回" });
        Assert.Equal("InProgress", resumed.State());
        Assert.True(resumed.GetProperty("finishDueAt").GetDateTime() >= refused.GetProperty("finishDueAt").GetDateTime());
        var actions = RequestsApi.ActionsOf(await hotline.GetTicketAsync(id)).ToList();
        Assert.Equal(["File", "Dispatch", "Sign", "AddCoHandlers", "RequestExtension", "ApproveExtension", "RequestExtension", "RefuseExtension", "Suspend", "Resume"], actions);
    }

    [Theory]
    [InlineData("cw.a", "reply")]
    [InlineData("cw.a", "extension")]
    [InlineData("cw.a", "suspend")]
    [InlineData("cw.a", "resume")]
    [InlineData("cw.a", "co-handlers")]
    [InlineData("hotline", "evaluate")]
    [InlineData("hotline", "close")]
    [InlineData("hotline", "dispatch")]
    public async Task Illegal_actions_on_a_dispatched_ticket_answer_409_with_its_state(string user, string action)
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App))).Id();
        await hotline.OkAsync(id, "dispatch");
        object body = action switch
        {
            "reply" => new { reply = "x" },
            "extension" => new { days = 1, reason = "x" },
            "suspend" => new { reason = "x" },
            "co-handlers" => new { unitCodes = new[] { "gas" } },
            "evaluate" => new { rating = "Satisfied" },
            "close" => new { opinion = "x" },
            _ => new { },
        };
        var client = await city.App.ClientForAsync(user);
        var problem = await (await client.ActAsync(id, action, body)).Json(HttpStatusCode.Conflict);
        Assert.Equal("Dispatched", problem.GetProperty("state").GetString());
        Assert.Equal(409, problem.GetProperty("status").GetInt32());
        Assert.Equal(["File", "Dispatch"], RequestsApi.ActionsOf(await hotline.GetTicketAsync(id)));
    }

    [Fact]
    public async Task A_closed_ticket_takes_no_more_actions()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App))).Id();
        var closed = await hotline.OkAsync(id, "close", new { opinion = "已电话解答（直接答复）" });
        Assert.Equal("Closed", closed.State());
        Assert.Equal(["File", "AnswerDirectly"], RequestsApi.ActionsOf(await hotline.GetTicketAsync(id)));
        foreach (var (action, body) in new (string, object)[] { ("dispatch", new { }), ("close", new { opinion = "x" }), ("evaluate", new { rating = "Satisfied" }) })
        {
            var problem = await (await hotline.ActAsync(id, action, body)).Json(HttpStatusCode.Conflict);
            Assert.Equal("Closed", problem.GetProperty("state").GetString());
        }
    }

    [Fact]
    public async Task A_ticket_cannot_be_closed_while_a_summoned_department_has_not_reported_in()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var community = await city.App.ClientForAsync("cw.a");
        var water = await city.App.ClientForAsync("dept.water");
        // A patrol finding of a department's category: it waits at the centre (one the rule leaves to the community would go there at once).
        var id = (await community.FileAsync(await RequestsApi.NewLeafAsync(city.App, "heating"))).Id();
        await community.OkAsync(id, "whistle", new { departmentCodes = new[] { "water" } });

        var refused = await (await hotline.ActAsync(id, "close", new { opinion = "直接答复" })).Json(HttpStatusCode.Conflict);
        Assert.Equal("Received", refused.GetProperty("state").GetString());
        // Only a summoned department reports in; a worker from elsewhere cannot whistle here.
        Assert.Equal(HttpStatusCode.Forbidden, (await hotline.ActAsync(id, "report-in", new { report = "x" })).StatusCode);
        await water.OkAsync(id, "report-in", new { report = "已到现场处置" });
        Assert.Equal(HttpStatusCode.Conflict, (await water.ActAsync(id, "report-in", new { report = "again" })).StatusCode);
        Assert.Equal("Closed", (await hotline.OkAsync(id, "close", new { opinion = "直接答复" })).State());
        var ticket = await hotline.GetTicketAsync(id);
        var unit = ticket.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("role").GetString() == "Summoned");
        Assert.Equal("已到现场处置", unit.GetProperty("report").GetString());
        Assert.True(unit.GetProperty("reportDueAt").GetDateTime() > unit.GetProperty("addedAt").GetDateTime());
    }

    [Fact]
    public async Task Dissatisfied_reopens_only_as_often_as_configured_then_closes()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var community = await city.App.ClientForAsync("cw.a");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App))).Id();
        await hotline.OkAsync(id, "dispatch");
        JsonElement last = default;
        for (var round = 0; round <= 2; round++)
        {
            await community.OkAsync(id, "sign");
            await community.OkAsync(id, "reply", new { reply = $"第{round}次答复" });
            last = await hotline.OkAsync(id, "evaluate", new { rating = "Dissatisfied" });
        }
        Assert.Equal("Closed", last.State());
        Assert.Equal(2, last.GetProperty("reopenCount").GetInt32());
        Assert.Equal("Dissatisfied", last.GetProperty("rating").GetString());
    }

    [Fact]
    public async Task Two_people_acting_on_one_ticket_at_once_one_wins_the_other_gets_409_and_nothing_is_half_applied()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App, "water"))).Id();
        var version = (await hotline.OkAsync(id, "dispatch")).GetProperty("version").GetInt32();
        var first = await city.App.ClientForAsync("dept.water");
        var second = await city.App.ClientForAsync("dept.water");

        // Both saw the same version; one signs, the other returns it, at the same moment.
        var responses = await Task.WhenAll(
            first.ActAsync(id, "sign", new { version }),
            second.ActAsync(id, "return", new { reason = "不归我们管", version }));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        var loser = responses.Single(r => r.StatusCode != HttpStatusCode.OK);
        var problem = await loser.Json(HttpStatusCode.Conflict);
        Assert.True(problem.TryGetProperty("state", out _));

        var ticket = await hotline.GetTicketAsync(id);
        var actions = RequestsApi.ActionsOf(ticket).ToList();
        Assert.Equal(3, actions.Count);
        Assert.Equal(version + 1, ticket.GetProperty("version").GetInt32());
        Assert.Equal(actions[^1] == "Sign" ? "InProgress" : "Returned", ticket.State());

        // A stale version is refused outright.
        var stale = await (await first.ActAsync(id, "sign", new { version })).Json(HttpStatusCode.Conflict);
        Assert.Equal(version + 1, stale.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task Many_simultaneous_signs_leave_exactly_one_sign_in_the_log()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App, "water"))).Id();
        await hotline.OkAsync(id, "dispatch");
        var clients = await Task.WhenAll(Enumerable.Range(0, 6).Select(_ => city.App.ClientForAsync("dept.water")));
        var responses = await Task.WhenAll(clients.Select(c => c.ActAsync(id, "sign")));
        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.All(responses.Where(r => r.StatusCode != HttpStatusCode.OK), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Single(RequestsApi.ActionsOf(await hotline.GetTicketAsync(id)), a => a == "Sign");
    }
}
