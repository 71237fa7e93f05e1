using System.Net;
using Linli.Modules.Requests.Data;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests.Pages;
using Linli.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests;

/// <summary>
/// A wrong category corrected after intake by the centre or the handling unit, with a reason and a line in the history
/// naming both categories; re-routed under the new category's rule only before dispatch.
/// </summary>
[Collection("city2")]
public sealed class TicketCategoryChangeTests(CityFixture city)
{
    private async Task<(int Id, string Path)> LeafAsync(string? department)
    {
        var id = await RequestsApi.NewLeafAsync(city.App, department);
        var path = await city.App.WithScopeAsync(async sp =>
        {
            var categories = sp.GetRequiredService<RequestsDbContext>().Categories.AsNoTracking();
            var leaf = await categories.SingleAsync(c => c.Id == id);
            var middle = await categories.SingleAsync(c => c.Id == leaf.ParentId);
            var top = await categories.SingleAsync(c => c.Id == middle.ParentId);
            return $"{top.Name} / {middle.Name} / {leaf.Name}";
        });
        return (id, path);
    }

    private Task<int> CurrentRuleAsync(int categoryId) =>
        city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().RoutingRules.AsNoTracking()
            .Where(r => r.CategoryId == categoryId && r.IsCurrent).Select(r => r.Id).SingleAsync());

    [Fact]
    public async Task The_centre_corrects_the_category_before_dispatch_and_the_ticket_is_dispatched_by_the_new_rule()
    {
        var (wrong, wrongPath) = await LeafAsync(null);
        var (right, rightPath) = await LeafAsync("heating");
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(wrong, description: "暖气不热（合成）")).Id();

        var changed = await hotline.OkAsync(id, "category", new { categoryId = right, reason = "来电人说明是暖气不热" });
        Assert.Equal(right, changed.GetProperty("categoryId").GetInt32());
        Assert.Equal(await CurrentRuleAsync(right), changed.GetProperty("routingRuleId").GetInt32());
        Assert.Equal("Received", changed.State());
        var logged = (await hotline.GetTicketAsync(id)).GetProperty("actions").EnumerateArray().Last();
        Assert.Equal("ChangeCategory", logged.GetProperty("action").GetString());
        Assert.Equal($"{wrongPath} → {rightPath}：来电人说明是暖气不热（按新分类的派单规则派单）", logged.GetProperty("opinion").GetString());

        // Dispatched "by the rule": to the new category's department.
        Assert.Equal("heating", (await hotline.OkAsync(id, "dispatch")).GetProperty("assignedUnitCode").GetString());
    }

    [Fact]
    public async Task The_handling_unit_corrects_the_category_after_dispatch_and_keeps_the_ticket_and_its_deadlines_and_the_centre_is_told()
    {
        var (wrong, _) = await LeafAsync("water");
        var (right, rightPath) = await LeafAsync("heating");
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(wrong, description: "楼道水管冻裂（合成）")).Id();
        var dispatched = await hotline.OkAsync(id, "dispatch");
        var water = await city.App.ClientForAsync("dept.water");
        await water.OkAsync(id, "sign");

        var changed = await water.OkAsync(id, "category", new { categoryId = right, reason = "实为供热管线" });
        Assert.Equal(right, changed.GetProperty("categoryId").GetInt32());
        Assert.Equal(dispatched.GetProperty("routingRuleId").GetInt32(), changed.GetProperty("routingRuleId").GetInt32());
        Assert.Equal("water", changed.GetProperty("assignedUnitCode").GetString());
        Assert.Equal(dispatched.GetProperty("finishDueAt").GetDateTime(), changed.GetProperty("finishDueAt").GetDateTime());
        Assert.EndsWith($"{rightPath}：实为供热管线（承办单位和时限不变）", (await water.GetTicketAsync(id)).GetProperty("actions").EnumerateArray().Last().GetProperty("opinion").GetString());
        var told = await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Outbox.AsNoTracking()
            .Where(m => m.TicketId == id && m.Subject == "诉求分类已修改").Select(m => m.Recipient).ToListAsync());
        Assert.Equal(["area:2101"], told);
    }

    [Fact]
    public async Task Others_are_refused_a_finished_ticket_is_a_conflict_and_bad_categories_are_a_400()
    {
        var (first, _) = await LeafAsync(null);
        var (second, _) = await LeafAsync(null);
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(first)).Id();
        // A department the ticket was never sent to does not see it; a community worker of the place, before it is sent there, may not change it.
        Assert.Equal(HttpStatusCode.NotFound, (await (await city.App.ClientForAsync("dept.water")).ActAsync(id, "category", new { categoryId = second, reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await city.App.ClientForAsync("cw.a")).ActAsync(id, "category", new { categoryId = second, reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await (await city.App.ClientForAsync("supervisor")).ActAsync(id, "category", new { categoryId = second, reason = "x" })).StatusCode);

        foreach (var (body, field) in new (object, string)[]
                 {
                     (new { categoryId = first, reason = "同一分类" }, "CategoryId"),
                     (new { categoryId = 999_999, reason = "不存在" }, "CategoryId"),
                     (new { categoryId = second, reason = "" }, "Reason"),
                 })
        {
            var problem = await (await hotline.ActAsync(id, "category", body)).Json(HttpStatusCode.BadRequest);
            Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), $"{field}: {problem}");
        }

        await hotline.OkAsync(id, "close", new { opinion = "已电话解答" });
        var conflict = await (await hotline.ActAsync(id, "category", new { categoryId = second, reason = "补改" })).Json(HttpStatusCode.Conflict);
        Assert.Equal("Closed", conflict.GetProperty("state").GetString());
    }

    [Fact]
    public async Task The_page_offers_the_change_and_says_what_it_does_in_each_state()
    {
        var (first, _) = await LeafAsync(null);
        var (second, secondPath) = await LeafAsync(null);
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(first)).Id();
        var page = $"/requests/tickets/{id}";
        var centre = await PageClient.SignedInAsync(city.App, "hotline");
        var html = (await centre.GetAsync(page)).Html;
        Assert.Contains("id=\"change-category-form\"", html);
        Assert.Contains("尚未派单：修改后按新分类的派单规则派单和计算时限。", html);
        Assert.DoesNotContain($"<option value=\"{first}\">", html); // not offered its own category

        var version = (await hotline.GetTicketAsync(id)).GetProperty("version").GetInt32().ToString();
        var posted = await centre.PostAsync(page, page + "?handler=ChangeCategory", ("Version", version), ("NewCategoryId", second.ToString()), ("Text", "分类有误"));
        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        html = (await centre.GetAsync(page)).Html;
        Assert.Contains("已修改诉求分类。", html);
        Assert.Contains(secondPath, html);
        Assert.Contains("data-action=\"ChangeCategory\"", html);

        await hotline.OkAsync(id, "dispatch", new { unitCode = "community" });
        var worker = await PageClient.SignedInAsync(city.App, "cw.a");
        Assert.Contains("已派单：只更正分类，承办单位和办理时限不变；如不属于本单位办理，请退单。", (await worker.GetAsync(page)).Html);
        var missing = await (await worker.PostAsync(page, page + "?handler=ChangeCategory",
            ("Version", (await hotline.GetTicketAsync(id)).GetProperty("version").GetInt32().ToString()), ("Text", "分类有误"))).HtmlAsync();
        Assert.Contains("请选择新的诉求分类。", missing);
    }
}
