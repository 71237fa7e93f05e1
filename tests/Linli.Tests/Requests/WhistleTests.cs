using System.Net;
using System.Text.Json;
using Linli.Modules.Requests.Data;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests.Pages;
using Linli.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests;

/// <summary>
/// 吹哨报到 when the department does not come: the summons withdrawn with a reason, or its report recorded by the centre
/// for a department that reported by phone — over the API and through the ticket page, on the shared city.
/// </summary>
[Collection("city")]
public sealed class WhistleTests(CityFixture city)
{
    /// <summary>A ticket the community handles, with the water department summoned and not yet reported in.</summary>
    private async Task<long> WaitingForWaterAsync()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App), description: "井盖丢失（合成）")).Id();
        await hotline.OkAsync(id, "dispatch", new { unitCode = "community" });
        var community = await city.App.ClientForAsync("cw.a");
        await community.OkAsync(id, "sign");
        await community.OkAsync(id, "whistle", new { departmentCodes = new[] { "water" } });
        return id;
    }

    private static JsonElement Summons(JsonElement ticket, string department) =>
        ticket.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("role").GetString() == "Summoned" && u.GetProperty("unitCode").GetString() == department);

    private Task<List<(string Recipient, string Subject, string Body)>> OutboxAsync(long id) =>
        city.App.WithScopeAsync(async sp => (await sp.GetRequiredService<RequestsDbContext>().Outbox.AsNoTracking().Where(m => m.TicketId == id)
            .OrderBy(m => m.Id).Select(m => new { m.Recipient, m.Subject, m.Body }).ToListAsync()).Select(m => (m.Recipient, m.Subject, m.Body)).ToList());

    [Fact]
    public async Task The_community_withdraws_a_summons_with_a_reason_the_department_is_told_and_the_reply_is_open_again()
    {
        var id = await WaitingForWaterAsync();
        var community = await city.App.ClientForAsync("cw.a");
        var water = await city.App.ClientForAsync("dept.water");
        Assert.Equal(HttpStatusCode.Conflict, (await community.ActAsync(id, "reply", new { reply = "已修好" })).StatusCode);

        // Not the department itself, not a district the summons has not gone to, not without a reason, not a department never summoned.
        Assert.Equal(HttpStatusCode.Forbidden, (await water.ActAsync(id, "withdraw-summons", new { departmentCode = "water", reason = "不想来" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await (await city.App.ClientForAsync("district.heping")).ActAsync(id, "withdraw-summons", new { departmentCode = "water", reason = "区里撤回" })).StatusCode);
        var blank = await (await community.ActAsync(id, "withdraw-summons", new { departmentCode = "water", reason = "" })).Json(HttpStatusCode.BadRequest);
        Assert.True(blank.GetProperty("errors").TryGetProperty("Reason", out _));
        var never = await (await community.ActAsync(id, "withdraw-summons", new { departmentCode = "gas", reason = "召集有误" })).Json(HttpStatusCode.BadRequest);
        Assert.True(never.GetProperty("errors").TryGetProperty("DepartmentCode", out _));

        var ticket = await community.OkAsync(id, "withdraw-summons", new { departmentCode = "water", reason = "经核实为燃气井盖，召集有误" });
        var summons = Summons(ticket, "water");
        Assert.False(summons.GetProperty("isActive").GetBoolean());
        Assert.Equal("经核实为燃气井盖，召集有误", summons.GetProperty("withdrawReason").GetString());
        Assert.Equal(JsonValueKind.Null, summons.GetProperty("reportedAt").ValueKind);
        Assert.Equal("WithdrawSummons", RequestsApi.ActionsOf(await community.GetTicketAsync(id)).Last());
        Assert.Contains(await OutboxAsync(id), m => m.Recipient == "dept:water" && m.Subject == "撤回召集" && m.Body.Contains("经核实为燃气井盖，召集有误"));

        // The department's report is no longer asked for (403), it leaves its report-in queue, a second withdrawal is a 409.
        Assert.Equal(HttpStatusCode.Forbidden, (await water.ActAsync(id, "report-in", new { report = "已到场" })).StatusCode);
        var queue = await (await water.GetAsync("/api/requests/queues/ToReportIn?pageSize=500")).Json(HttpStatusCode.OK);
        Assert.DoesNotContain(queue.GetProperty("items").EnumerateArray(), t => t.GetProperty("id").GetInt64() == id);
        var again = await (await community.ActAsync(id, "withdraw-summons", new { departmentCode = "water", reason = "再撤一次" })).Json(HttpStatusCode.Conflict);
        Assert.Equal("InProgress", again.GetProperty("state").GetString());

        Assert.Equal("Replied", (await community.OkAsync(id, "reply", new { reply = "已通知燃气公司更换井盖" })).State());
    }

    [Fact]
    public async Task The_centre_records_the_report_of_a_department_that_phoned_and_names_who_reported()
    {
        var id = await WaitingForWaterAsync();
        var hotline = await city.App.ClientForAsync("hotline");
        Assert.Equal(HttpStatusCode.Forbidden,
            (await (await city.App.ClientForAsync("cw.a")).ActAsync(id, "report-in-on-behalf", new { departmentCode = "water", report = "已到场", reportedBy = "张工" })).StatusCode);
        var missingWho = await (await hotline.ActAsync(id, "report-in-on-behalf", new { departmentCode = "water", report = "已到场" })).Json(HttpStatusCode.BadRequest);
        Assert.True(missingWho.GetProperty("errors").TryGetProperty("ReportedBy", out _));

        var ticket = await hotline.OkAsync(id, "report-in-on-behalf", new { departmentCode = "water", report = "已派人关闭阀门", reportedBy = "水务集团 张工（电话）" });
        var summons = Summons(ticket, "water");
        Assert.Equal("已派人关闭阀门", summons.GetProperty("report").GetString());
        Assert.Equal("水务集团 张工（电话）", summons.GetProperty("reportedBy").GetString());
        Assert.True(summons.GetProperty("isActive").GetBoolean());
        var logged = (await hotline.GetTicketAsync(id)).GetProperty("actions").EnumerateArray().Last();
        Assert.Equal(("ReportInOnBehalf", "hotline", "water"), (logged.GetProperty("action").GetString(), logged.GetProperty("userName").GetString(), logged.GetProperty("unitCode").GetString()));
        Assert.Contains(await OutboxAsync(id), m => m.Recipient == "dept:water" && m.Subject == "代为报到" && m.Body.Contains("水务集团 张工（电话）"));
        Assert.Contains(await OutboxAsync(id), m => m.Recipient == "area:" + CityFixture.CommunityA && m.Body.Contains("市水务局 已报到"));

        // Recorded once: the department's own report-in is a 409 now, and the reply is open.
        Assert.Equal(HttpStatusCode.Conflict, (await (await city.App.ClientForAsync("dept.water")).ActAsync(id, "report-in", new { report = "已到场" })).StatusCode);
        Assert.Equal("Replied", (await (await city.App.ClientForAsync("cw.a")).OkAsync(id, "reply", new { reply = "已修复" })).State());
    }

    [Fact]
    public async Task The_page_lists_the_waiting_departments_with_a_withdraw_form_instead_of_a_reply_form_and_withdrawing_opens_the_reply()
    {
        var id = await WaitingForWaterAsync();
        var page = $"/requests/tickets/{id}";
        var worker = await PageClient.SignedInAsync(city.App, "cw.a");
        var html = (await worker.GetAsync(page)).Html;
        Assert.DoesNotContain("id=\"reply-form\"", html);
        Assert.Contains("id=\"pending-summons\"", html);
        Assert.Contains("<li data-department=\"water\">", html);
        Assert.Contains("id=\"withdraw-water\"", html);
        Assert.Contains("如召集有误或部门无法到场，可撤回召集", html);
        Assert.DoesNotContain("id=\"report-on-behalf-water\"", html); // the community does not record reports for departments

        // The centre may withdraw it or record the department's phoned report.
        var centre = await PageClient.SignedInAsync(city.App, "hotline");
        var centreHtml = (await centre.GetAsync(page)).Html;
        Assert.Contains("id=\"withdraw-water\"", centreHtml);
        Assert.Contains("id=\"report-on-behalf-water\"", centreHtml);

        var version = (await (await city.App.ClientForAsync("hotline")).GetTicketAsync(id)).GetProperty("version").GetInt32().ToString();
        var empty = await (await worker.PostAsync(page, page + "?handler=WithdrawSummons", ("Version", version), ("Department", "water"), ("Text", ""))).HtmlAsync();
        Assert.Contains("请填写意见或原因。", empty);
        var posted = await worker.PostAsync(page, page + "?handler=WithdrawSummons", ("Version", version), ("Department", "water"), ("Text", "召集有误"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        html = (await worker.GetAsync(page)).Html;
        Assert.Contains("已撤回召集，该部门将收到通知。", html);
        Assert.Contains("id=\"reply-form\"", html);
        Assert.DoesNotContain("id=\"pending-summons\"", html);
        Assert.Contains("撤回召集：召集有误", html);
        Assert.Contains("data-action=\"WithdrawSummons\"", html);

        // The same withdraw form posted again from a stale page: the department is no longer waiting.
        var stale = await (await worker.PostAsync(page, page + "?handler=WithdrawSummons",
            ("Version", (await (await city.App.ClientForAsync("hotline")).GetTicketAsync(id)).GetProperty("version").GetInt32().ToString()),
            ("Department", "water"), ("Text", "召集有误"))).HtmlAsync();
        Assert.Contains("当前状态下不能执行此操作。", stale);
    }

    [Fact]
    public async Task A_lead_department_waiting_on_a_summons_it_cannot_withdraw_is_told_whom_to_ask()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App, "water"), description: "水管爆裂（合成）")).Id();
        await hotline.OkAsync(id, "dispatch");
        var water = await city.App.ClientForAsync("dept.water");
        await water.OkAsync(id, "sign");
        await (await city.App.ClientForAsync("cw.a")).OkAsync(id, "whistle", new { departmentCodes = new[] { "gas" } });
        var html = (await (await PageClient.SignedInAsync(city.App, "dept.water")).GetAsync($"/requests/tickets/{id}")).Html;
        Assert.DoesNotContain("id=\"reply-form\"", html);
        Assert.Contains("<li data-department=\"gas\">", html);
        Assert.DoesNotContain("id=\"withdraw-gas\"", html);
        Assert.Contains("请联系吹哨的网格员或社区工作者撤回召集，或请 12345 中心代为登记部门的电话报到。", html);
    }

    [Fact]
    public async Task The_centre_records_a_phoned_report_through_the_page()
    {
        var id = await WaitingForWaterAsync();
        var page = $"/requests/tickets/{id}";
        var centre = await PageClient.SignedInAsync(city.App, "hotline");
        var version = (await (await city.App.ClientForAsync("hotline")).GetTicketAsync(id)).GetProperty("version").GetInt32().ToString();
        var missing = await (await centre.PostAsync(page, page + "?handler=ReportInOnBehalf", ("Version", version), ("Department", "water"), ("Text", "已到场"))).HtmlAsync();
        Assert.Contains("请填写报到人（姓名和单位）。", missing);
        var posted = await centre.PostAsync(page, page + "?handler=ReportInOnBehalf", ("Version", version), ("Department", "water"), ("Text", "已到场"), ("ReportedBy", "水务集团 王工"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var html = (await centre.GetAsync(page)).Html;
        Assert.Contains("已代为登记报到，该部门将收到通知。", html);
        Assert.Contains("（报到人：水务集团 王工，代为登记）", html);
        Assert.Contains("id=\"reply-form\"", (await (await PageClient.SignedInAsync(city.App, "cw.a")).GetAsync(page)).Html);
    }
}
