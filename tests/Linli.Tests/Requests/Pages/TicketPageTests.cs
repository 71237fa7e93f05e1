using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Linli.Tests.Ui;

namespace Linli.Tests.Requests.Pages;

/// <summary>The ticket page's forms run the module's workflow; queues per unit; the admin pages; the inbox.</summary>
[Collection("city")]
public sealed class TicketPageTests(CityFixture city)
{
    private async Task<long> DispatchedToCommunityAsync(string description = "楼道灯坏了")
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App), description: description)).Id();
        await hotline.OkAsync(id, "dispatch", new { unitCode = "community" });
        return id;
    }


    [Fact]
    public async Task The_unit_signs_whistles_and_replies_through_the_page_and_the_history_shows_each_step()
    {
        var id = await DispatchedToCommunityAsync();
        var page = $"/requests/tickets/{id}";
        var worker = await PageClient.SignedInAsync(city.App, "cw.a");
        var html = (await worker.GetAsync(page)).Html;
        Assert.Contains("id=\"sign-form\"", html);
        Assert.Contains("id=\"return-form\"", html);
        Assert.DoesNotContain("id=\"dispatch-form\"", html);

        var seen = await RequestPages.VersionAsync(city.App, id);
        var signed = await worker.PostAsync(page, page + "?handler=Sign", ("Version", seen), ("Text", "马上处理"));
        Assert.Equal(HttpStatusCode.Redirect, signed.StatusCode);
        html = (await worker.GetAsync(page)).Html;
        Assert.Contains("已签收。", html);
        Assert.Contains("data-action=\"Sign\"", html);
        Assert.Contains("马上处理", html);
        Assert.Contains("id=\"reply-form\"", html);

        // The same form again, from the page as it was: someone else changed it — reload.
        html = await (await worker.PostAsync(page, page + "?handler=Sign", ("Version", seen))).HtmlAsync();
        Assert.Contains("工单已被他人更新，请刷新页面后重试。", html);
        // With the current version, signing is not possible in this state: the message names the state.
        html = await (await worker.PostAsync(page, page + "?handler=Sign", ("Version", await RequestPages.VersionAsync(city.App, id)))).HtmlAsync();
        Assert.Contains("当前状态下不能执行此操作。", html);
        Assert.Contains("当前状态：办理中", html);

        var whistled = await worker.PostAsync(page, page + "?handler=Whistle", ("Version", await RequestPages.VersionAsync(city.App, id)), ("DepartmentCodes", "water"), ("Text", "管线"));
        Assert.Equal(HttpStatusCode.Redirect, whistled.StatusCode);
        html = await (await worker.PostAsync(page, page + "?handler=Reply", ("Version", await RequestPages.VersionAsync(city.App, id)), ("Text", "已修好"))).HtmlAsync();
        Assert.Contains("尚有被召集部门未报到（市水务局），暂不能答复或办结。", html);

        var water = await PageClient.SignedInAsync(city.App, "dept.water");
        Assert.Contains("id=\"report-in-form\"", (await water.GetAsync(page)).Html);
        Assert.Equal(HttpStatusCode.Redirect, (await water.PostAsync(page, page + "?handler=ReportIn", ("Version", await RequestPages.VersionAsync(city.App, id)), ("Text", "已派人检修"))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostAsync(page, page + "?handler=Reply", ("Version", await RequestPages.VersionAsync(city.App, id)), ("Text", "已修好"))).StatusCode);

        var ticket = await (await city.App.ClientForAsync("hotline")).GetTicketAsync(id);
        Assert.Equal("Replied", ticket.State());
        Assert.Equal(["File", "Dispatch", "Sign", "Whistle", "ReportIn", "Reply"], RequestsApi.ActionsOf(ticket));

        // Outside the scope the page does not exist.
        Assert.Equal(HttpStatusCode.NotFound, (await (await PageClient.SignedInAsync(city.App, "cw.b")).GetAsync(page)).Status);
    }

    [Fact]
    public async Task The_centre_sees_earlier_tickets_nearby_of_the_same_category_and_merges_the_later_one_from_the_page()
    {
        var grid = (await RequestsApi.GridsAsync(city.App, CityFixture.CommunityA))[0];
        var category = await RequestsApi.NewLeafAsync(city.App);
        var hotline = await city.App.ClientForAsync("hotline");
        var first = await hotline.FileAsync(category, lon: grid.Longitude, lat: grid.Latitude, description: "路灯不亮");
        var later = await hotline.FileAsync(category, lon: grid.Longitude + 0.0005, lat: grid.Latitude, description: "路灯又不亮了");
        var elsewhere = await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App), lon: grid.Longitude, lat: grid.Latitude, description: "别的问题");

        var centre = await PageClient.SignedInAsync(city.App, "hotline");
        var page = $"/requests/tickets/{later.Id()}";
        var html = (await centre.GetAsync(page)).Html;
        Assert.Contains("id=\"duplicates\"", html);
        Assert.Contains($"data-merge-into=\"{first.GetProperty("number").GetString()}\"", html);
        Assert.DoesNotContain(elsewhere.GetProperty("number").GetString()!, html);
        // The first ticket offers none: a duplicate follows the one filed before it.
        Assert.DoesNotContain("id=\"duplicates\"", (await centre.GetAsync($"/requests/tickets/{first.Id()}")).Html);

        var merged = await centre.PostAsync(page, page + "?handler=Merge", ("Version", await RequestPages.VersionAsync(city.App, later.Id())), ("IntoTicketId", first.Id().ToString(CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.Redirect, merged.StatusCode);
        Assert.Equal("Merged", (await hotline.GetTicketAsync(later.Id())).State());
        Assert.Contains("Merge", RequestsApi.ActionsOf(await hotline.GetTicketAsync(first.Id())));
        Assert.DoesNotContain("id=\"duplicates\"", (await centre.GetAsync(page)).Html);
    }

    [Fact]
    public async Task A_form_without_its_required_text_is_a_message_not_an_error()
    {
        var id = await DispatchedToCommunityAsync();
        var page = $"/requests/tickets/{id}";
        var worker = await PageClient.SignedInAsync(city.App, "cw.a");
        var html = await (await worker.PostAsync(page, page + "?handler=Return", ("Version", await RequestPages.VersionAsync(city.App, id)), ("Text", ""))).HtmlAsync();
        Assert.Contains("请填写意见或原因。", html);
        Assert.Equal("Dispatched", (await (await city.App.ClientForAsync("cw.a")).GetTicketAsync(id)).State());
    }

    [Fact]
    public async Task Queues_show_each_unit_its_own_tickets()
    {
        var id = await DispatchedToCommunityAsync("队列测试" + Guid.NewGuid().ToString("N")[..6]);
        var number = (await (await city.App.ClientForAsync("hotline")).GetTicketAsync(id)).GetProperty("number").GetString()!;

        async Task<string> QueueAsync(string user, string queue) =>
            (await (await PageClient.SignedInAsync(city.App, user)).GetAsync($"/requests/queues?queue={queue}&pageNumber=1")).Html;

        Assert.Contains(number, await QueueAsync("cw.a", "ToSign"));
        Assert.DoesNotContain(number, await QueueAsync("cw.b", "ToSign"));
        Assert.DoesNotContain(number, await QueueAsync("dept.water", "ToSign"));
        Assert.Contains(number, await QueueAsync("street.a", "ToSign"));
        Assert.Contains(number, await QueueAsync("district.heping", "ToSign"));
        Assert.Contains("待派单", await QueueAsync("hotline", "ToDispatch"));

        // The department's own queue: summoned by a whistle, to report in.
        var cw = await city.App.ClientForAsync("cw.a");
        await cw.OkAsync(id, "sign");
        await cw.OkAsync(id, "whistle", new { departmentCodes = new[] { "water" } });
        Assert.Contains(number, await QueueAsync("dept.water", "ToReportIn"));
        Assert.Contains(number, await QueueAsync("cw.a", "InProgress"));

        // The API answers the same lists.
        var api = await (await city.App.ClientForAsync("dept.water")).GetAsync("/api/requests/queues/ToReportIn?pageSize=500");
        Assert.Contains((await api.Json(HttpStatusCode.OK)).GetProperty("items").EnumerateArray(), t => t.Id() == id);
    }

    [Fact]
    public async Task The_admin_pages_add_categories_and_save_rule_versions_with_history()
    {
        var admin = await PageClient.SignedInAsync(city.App, "admin");
        var name = "页面测试" + Guid.NewGuid().ToString("N")[..6];
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostAsync("/requests/admin/categories", "/requests/admin/categories?handler=Add", ("Name", name))).StatusCode);
        var html = (await admin.GetAsync("/requests/admin/categories?search=" + Uri.EscapeDataString(name))).Html;
        Assert.Contains(name, html);
        // A duplicate name under the same parent is a form message.
        html = await (await admin.PostAsync("/requests/admin/categories", "/requests/admin/categories?handler=Add", ("Name", name))).HtmlAsync();
        Assert.Contains("同一上级下已有同名分类。", html);

        var leaf = await RequestsApi.NewLeafAsync(city.App);
        var rulePage = $"/requests/admin/rules/{leaf}";
        Assert.Contains("当前为第 1 版", (await admin.GetAsync(rulePage)).Html);
        var saved = await admin.PostAsync(rulePage, rulePage, ("DepartmentCode", "water"), ("SignHoursUrgent", "1"), ("SignHoursNormal", "4"),
            ("FinishDaysUrgent", "2"), ("FinishDaysNormal", "7"), ("DuplicateRadiusMeters", "300"), ("BasedOnVersion", "1"));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        html = (await admin.GetAsync(rulePage)).Html;
        Assert.Contains("已保存为第 2 版。", html);
        Assert.Contains("当前为第 2 版", html);
        Assert.Contains("市水务局", html);

        var rules = await (await (await city.App.ClientForAsync("admin")).GetAsync($"/api/requests/routing-rules?categoryId={leaf}&history=true")).Json(HttpStatusCode.OK);
        Assert.Equal(2, rules.GetProperty("total").GetInt32());

        // A stale form: the rule moved on since version 1.
        html = await (await admin.PostAsync(rulePage, rulePage, ("SignHoursUrgent", "1"), ("SignHoursNormal", "2"), ("FinishDaysUrgent", "1"),
            ("FinishDaysNormal", "5"), ("BasedOnVersion", "1"))).HtmlAsync();
        Assert.Contains("规则已被他人修改，请刷新页面后重试。", html);
        html = await (await admin.PostAsync(rulePage, rulePage, ("SignHoursUrgent", "9"), ("SignHoursNormal", "2"), ("FinishDaysUrgent", "1"),
            ("FinishDaysNormal", "5"), ("BasedOnVersion", "2"))).HtmlAsync();
        Assert.Contains("紧急诉求的签收时限不能长于一般诉求。", html);

        var denied = await (await PageClient.SignedInAsync(city.App, "cw.a")).Http.GetAsync(rulePage);
        Assert.Equal(HttpStatusCode.Redirect, denied.StatusCode);
        Assert.Contains("/account/denied", denied.Headers.Location!.OriginalString);
    }

    [Fact]
    public async Task The_inbox_lists_a_units_messages_and_marks_them_read()
    {
        var id = await DispatchedToCommunityAsync();
        var number = (await (await city.App.ClientForAsync("hotline")).GetTicketAsync(id)).GetProperty("number").GetString()!;
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Linli.Platform.Notifications.NotificationSender>(city.App.Services).RunOnceAsync();
        var worker = await PageClient.SignedInAsync(city.App, "cw.a");
        var html = (await worker.GetAsync("/inbox?unread=true")).Html;
        Assert.Contains(number, html);
        Assert.Contains("href=\"/inbox\"", html);
        var messageId = System.Text.RegularExpressions.Regex.Match(html, "data-id=\"(\\d+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostAsync("/inbox", "/inbox?handler=Read", ("MessageId", messageId))).StatusCode);
        Assert.DoesNotContain($"data-id=\"{messageId}\"", (await worker.GetAsync("/inbox?unread=true")).Html);
        Assert.Contains($"data-id=\"{messageId}\"", (await worker.GetAsync("/inbox")).Html);

        // "Mark all read" empties the unread list, and leaves another unit's messages unread.
        await DispatchedToCommunityAsync("楼道灯又坏了");
        await Microsoft.Extensions.DependencyInjection.ServiceProviderServiceExtensions
            .GetRequiredService<Linli.Platform.Notifications.NotificationSender>(city.App.Services).RunOnceAsync();
        var otherBefore = (await (await city.App.ClientForAsync("cw.b")).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/inbox?unread=true")).GetProperty("total").GetInt64();
        Assert.Contains("data-id=", (await worker.GetAsync("/inbox?unread=true")).Html);
        Assert.Equal(HttpStatusCode.Redirect, (await worker.PostAsync("/inbox", "/inbox?handler=ReadAll")).StatusCode);
        Assert.DoesNotContain("data-id=", (await worker.GetAsync("/inbox?unread=true")).Html);
        var otherAfter = (await (await city.App.ClientForAsync("cw.b")).GetFromJsonAsync<System.Text.Json.JsonElement>("/api/inbox?unread=true")).GetProperty("total").GetInt64();
        Assert.Equal(otherBefore, otherAfter);
    }
}
