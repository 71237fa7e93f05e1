using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Linli.Modules.Requests.Data;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests.Pages;
using Linli.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests;

/// <summary>
/// A grid worker's patrol reports: routed to the worker's own community when the category's rule leaves it to the
/// community (else to the centre), and listed back to the worker (我的上报) with their state, filters and pages.
/// </summary>
[Collection("city2")]
public sealed class PatrolReportsTests(CityFixture city)
{
    private async Task<string> GridWorkerAsync()
    {
        var grid = (await RequestsApi.GridsAsync(city.App, CityFixture.CommunityA))[0].Code;
        var user = "grid." + Guid.NewGuid().ToString("N")[..8];
        await city.App.CreateUserAsync(user, Roles.GridWorker, grid);
        return user;
    }

    private static async Task<System.Text.Json.JsonElement> PatrolAsync(HttpClient worker, int category, string description) =>
        (await (await worker.PostAsJsonAsync("/api/requests/tickets", new { description, categoryId = category })).Json(HttpStatusCode.Created)).GetProperty("ticket");

    [Fact]
    public async Task A_patrol_finding_the_rule_leaves_to_the_community_goes_to_the_workers_community_at_once_and_the_rest_to_the_centre()
    {
        var worker = await city.App.ClientForAsync(await GridWorkerAsync());
        var toCommunity = await PatrolAsync(worker, await RequestsApi.NewLeafAsync(city.App), "楼道堆物（合成）");
        Assert.Equal("Dispatched", toCommunity.State());
        Assert.Equal(CityFixture.CommunityA, toCommunity.GetProperty("assignedUnitCode").GetString());
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, toCommunity.GetProperty("signDueAt").ValueKind);
        var id = toCommunity.Id();
        var history = await (await city.App.ClientForAsync("cw.a")).GetTicketAsync(id);
        Assert.Equal(["File", "RouteToCommunity"], RequestsApi.ActionsOf(history));
        // The community has it to sign, and was told; the centre's dispatch queue does not.
        var toSign = await (await (await city.App.ClientForAsync("cw.a")).GetAsync("/api/requests/queues/ToSign?pageSize=500")).Json(HttpStatusCode.OK);
        Assert.Contains(toSign.GetProperty("items").EnumerateArray(), t => t.Id() == id);
        var told = await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Outbox.AsNoTracking()
            .Where(m => m.TicketId == id).Select(m => m.Recipient).ToListAsync());
        Assert.Equal(["area:" + CityFixture.CommunityA], told);
        Assert.Equal("InProgress", (await (await city.App.ClientForAsync("cw.a")).OkAsync(id, "sign")).State());

        var toDepartment = await PatrolAsync(worker, await RequestsApi.NewLeafAsync(city.App, "water"), "消火栓漏水（合成）");
        Assert.Equal("Received", toDepartment.State());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, toDepartment.GetProperty("assignedUnitCode").ValueKind);

        // A call to the hotline about the same kind of thing still waits for the centre: routing at intake is the patrol's.
        Assert.Equal("Received", (await (await city.App.ClientForAsync("hotline")).FileAsync(await RequestsApi.NewLeafAsync(city.App))).State());
    }

    [Fact]
    public async Task The_patrol_page_says_where_the_report_went_and_links_my_reports()
    {
        var user = await GridWorkerAsync();
        var page = await PageClient.SignedInAsync(city.App, user);
        var category = await RequestsApi.NewLeafAsync(city.App);
        var response = await page.PostMultipartAsync("/requests/patrol", "/requests/patrol", [("Description", "井盖缺失（合成）"), ("CategoryId", category.ToString()), ("Step", "file")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var confirmation = (await page.GetAsync("/requests/patrol")).Html;
        Assert.Contains("按派单规则已派至本社区办理。", confirmation);
        Assert.Contains("href=\"/requests/my-reports\"", confirmation);

        var water = await RequestsApi.NewLeafAsync(city.App, "water");
        await page.PostMultipartAsync("/requests/patrol", "/requests/patrol", [("Description", "消火栓漏水（合成）"), ("CategoryId", water.ToString()), ("Step", "file")]);
        Assert.Contains("已报 12345 中心分派。", (await page.GetAsync("/requests/patrol")).Html);
    }

    [Fact]
    public async Task My_reports_lists_only_the_workers_own_findings_newest_first_by_state_and_day_in_pages()
    {
        var user = await GridWorkerAsync();
        var worker = await city.App.ClientForAsync(user);
        var community = await RequestsApi.NewLeafAsync(city.App);
        var department = await RequestsApi.NewLeafAsync(city.App, "water");
        var first = (await PatrolAsync(worker, community, "第一条（合成）")).Id();
        var second = (await PatrolAsync(worker, department, "第二条（合成）")).Id();
        var third = (await PatrolAsync(worker, community, "第三条（合成）")).Id();
        // Someone else's finding in the same grid, and a call about it, are not this worker's reports.
        await PatrolAsync(await city.App.ClientForAsync(await GridWorkerAsync()), community, "别人的（合成）");
        await (await city.App.ClientForAsync("hotline")).FileAsync(community);

        async Task<List<long>> Ids(string query)
        {
            var page = await (await worker.GetAsync("/api/requests/my-reports" + query)).Json(HttpStatusCode.OK);
            return page.GetProperty("items").EnumerateArray().Select(t => t.Id()).ToList();
        }
        Assert.Equal([third, second, first], await Ids(""));
        Assert.Equal([third, first], await Ids("?state=Dispatched"));
        Assert.Equal([second], await Ids("?state=Received"));
        var today = WorkingCalendar.ChinaDay(DateTime.UtcNow);
        Assert.Equal([third, second, first], await Ids($"?from={today.AddDays(-1):yyyy-MM-dd}&to={today.AddDays(1):yyyy-MM-dd}"));
        Assert.Empty(await Ids($"?from={today.AddDays(2):yyyy-MM-dd}"));
        var paged = await (await worker.GetAsync("/api/requests/my-reports?pageSize=2&page=2")).Json(HttpStatusCode.OK);
        Assert.Equal(3, paged.GetProperty("total").GetInt64());
        Assert.Equal([first], paged.GetProperty("items").EnumerateArray().Select(t => t.Id()));

        var backwards = await (await worker.GetAsync($"/api/requests/my-reports?from={today:yyyy-MM-dd}&to={today.AddDays(-1):yyyy-MM-dd}")).Json(HttpStatusCode.BadRequest);
        Assert.True(backwards.GetProperty("errors").TryGetProperty("to", out _));
        Assert.Equal(HttpStatusCode.Forbidden, (await (await city.App.ClientForAsync("resident")).GetAsync("/api/requests/my-reports")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await city.App.ClientForAsync("hotline")).GetAsync("/api/requests/my-reports")).StatusCode);
    }

    [Fact]
    public async Task The_my_reports_page_shows_each_report_with_its_state_and_follows_it_to_the_ticket()
    {
        var user = await GridWorkerAsync();
        var worker = await city.App.ClientForAsync(user);
        var id = (await PatrolAsync(worker, await RequestsApi.NewLeafAsync(city.App), "路灯不亮（合成）")).Id();
        var received = (await PatrolAsync(worker, await RequestsApi.NewLeafAsync(city.App, "water"), "自来水停水（合成）")).Id();
        var page = await PageClient.SignedInAsync(city.App, user);
        var (status, html) = await page.GetAsync("/requests/my-reports");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("href=\"/requests/my-reports\"", html); // in the navigation
        Assert.Contains($"href=\"/requests/tickets/{id}\"", html);
        Assert.Contains("路灯不亮（合成）", html);
        Assert.Contains("待 12345 中心分派", html);
        var rows = Regex.Matches(html, "<tr data-state=\"(\\w+)\">").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["Received", "Dispatched"], rows);

        var filtered = (await page.GetAsync("/requests/my-reports?State=Received")).Html;
        Assert.Contains($"href=\"/requests/tickets/{received}\"", filtered);
        Assert.DoesNotContain($"href=\"/requests/tickets/{id}\"", filtered);
        Assert.Contains("结束日期不能早于开始日期。", (await page.GetAsync("/requests/my-reports?From=2026-05-02&To=2026-05-01")).Html);
        Assert.Contains("筛选条件有误", (await page.GetAsync("/requests/my-reports?From=not-a-date")).Html);

        // Followed to its ticket page, which the worker may open.
        var (ticketStatus, ticket) = await page.GetAsync($"/requests/tickets/{id}");
        Assert.Equal(HttpStatusCode.OK, ticketStatus);
        Assert.Contains("路灯不亮（合成）", ticket);
        Assert.DoesNotContain("href=\"/requests/my-reports\"", (await (await PageClient.SignedInAsync(city.App, "dept.water")).GetAsync("/requests/queues")).Html);
    }
}
