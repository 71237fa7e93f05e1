using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Requests;

[Collection("city")]
public sealed class CategoryApiTests(CityFixture city)
{
    private static async Task<JsonElement> Json(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"{(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement;
    }

    private static async Task<JsonElement> AddAsync(HttpClient admin, string name, int? parentId) =>
        await Json(await admin.PostAsJsonAsync("/api/requests/categories", new { name, parentId }), HttpStatusCode.Created);

    [Fact]
    public async Task Any_signed_in_caller_reads_the_tree_page_by_page_with_paths()
    {
        var client = await city.App.ClientForAsync("resident");
        var top = await client.GetFromJsonAsync<JsonElement>("/api/requests/categories?level=1&pageSize=100");
        Assert.True(top.GetProperty("total").GetInt64() >= 15);
        var building = top.GetProperty("items").EnumerateArray().Single(c => c.GetProperty("name").GetString() == "城乡建设");

        var leaves = await client.GetFromJsonAsync<JsonElement>("/api/requests/categories?level=3&search=燃气供应");
        var gas = leaves.GetProperty("items").EnumerateArray().First();
        Assert.Equal("城乡建设 / 城市建设和市政管理 / 燃气供应", gas.GetProperty("path").GetString());

        var page = await client.GetFromJsonAsync<JsonElement>($"/api/requests/categories?parentId={building.GetProperty("id").GetInt32()}&pageSize=5");
        Assert.Equal(5, page.GetProperty("items").GetArrayLength());
        Assert.True(page.GetProperty("total").GetInt64() > 5);
    }

    [Fact]
    public async Task An_administrator_adds_renames_moves_and_retires_categories()
    {
        var admin = await city.App.ClientForAsync("admin");
        var top = await AddAsync(admin, "测试大类" + Random.Shared.Next(100_000, 1_000_000), null);
        var otherTop = await AddAsync(admin, "测试大类" + Random.Shared.Next(100_000, 1_000_000), null);
        var middle = await AddAsync(admin, "二级", top.GetProperty("id").GetInt32());
        var leaf = await AddAsync(admin, "三级", middle.GetProperty("id").GetInt32());
        Assert.Equal(3, leaf.GetProperty("level").GetInt32());

        // A new leaf is routed to the community until an administrator edits its rule.
        var rules = await admin.GetFromJsonAsync<JsonElement>($"/api/requests/routing-rules?categoryId={leaf.GetProperty("id").GetInt32()}");
        var rule = rules.GetProperty("items").EnumerateArray().Single();
        Assert.True(rule.GetProperty("toCommunity").GetBoolean());

        var renamed = await Json(await admin.PatchAsJsonAsync($"/api/requests/categories/{middle.GetProperty("id").GetInt32()}", new { name = "二级改名" }), HttpStatusCode.OK);
        Assert.Equal("二级改名", renamed.GetProperty("name").GetString());

        var moved = await Json(await admin.PatchAsJsonAsync($"/api/requests/categories/{middle.GetProperty("id").GetInt32()}",
            new { parentId = otherTop.GetProperty("id").GetInt32() }), HttpStatusCode.OK);
        Assert.StartsWith(otherTop.GetProperty("name").GetString()!, moved.GetProperty("path").GetString());
        var leafAfter = await admin.GetFromJsonAsync<JsonElement>($"/api/requests/categories?parentId={middle.GetProperty("id").GetInt32()}");
        Assert.Equal($"{otherTop.GetProperty("name").GetString()} / 二级改名 / 三级", leafAfter.GetProperty("items")[0].GetProperty("path").GetString());

        await Json(await admin.PatchAsJsonAsync($"/api/requests/categories/{middle.GetProperty("id").GetInt32()}", new { retired = true }), HttpStatusCode.OK);
        // Retiring a parent retires what is under it; retired categories are listed only on request.
        var hidden = await admin.GetFromJsonAsync<JsonElement>($"/api/requests/categories?parentId={middle.GetProperty("id").GetInt32()}");
        Assert.Equal(0, hidden.GetProperty("total").GetInt64());
        var shown = await admin.GetFromJsonAsync<JsonElement>($"/api/requests/categories?parentId={middle.GetProperty("id").GetInt32()}&includeRetired=true");
        Assert.True(shown.GetProperty("items")[0].GetProperty("isRetired").GetBoolean());
    }

    [Fact]
    public async Task Moves_that_would_break_the_three_levels_are_refused_naming_the_field()
    {
        var admin = await city.App.ClientForAsync("admin");
        var top = await AddAsync(admin, "测试大类" + Random.Shared.Next(100_000, 1_000_000), null);
        var middle = await AddAsync(admin, "二级", top.GetProperty("id").GetInt32());
        var leaf = await AddAsync(admin, "三级", middle.GetProperty("id").GetInt32());

        var problem = await Json(await admin.PatchAsJsonAsync($"/api/requests/categories/{leaf.GetProperty("id").GetInt32()}",
            new { parentId = top.GetProperty("id").GetInt32() }), HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("ParentId", out _));
        var under = await Json(await admin.PostAsJsonAsync("/api/requests/categories", new { name = "四级", parentId = leaf.GetProperty("id").GetInt32() }), HttpStatusCode.BadRequest);
        Assert.True(under.GetProperty("errors").TryGetProperty("ParentId", out _));
        var empty = await Json(await admin.PostAsJsonAsync("/api/requests/categories", new { name = new string('长', 101) }), HttpStatusCode.BadRequest);
        Assert.True(empty.GetProperty("errors").TryGetProperty("Name", out _));
    }

    [Theory]
    [InlineData("hotline")]
    [InlineData("dept.water")]
    [InlineData("cw.a")]
    public async Task Only_administrators_change_categories_and_rules(string user)
    {
        var client = await city.App.ClientForAsync(user);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsJsonAsync("/api/requests/categories", new { name = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/requests/routing-rules")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PutAsJsonAsync("/api/requests/routing-rules/1",
            new { signHoursUrgent = 1, signHoursNormal = 2, finishDaysUrgent = 1, finishDaysNormal = 5 })).StatusCode);
    }

    [Fact]
    public async Task Editing_a_rule_adds_a_version_and_keeps_the_old_one_in_the_history()
    {
        var admin = await city.App.ClientForAsync("admin");
        var top = await AddAsync(admin, "测试大类" + Random.Shared.Next(100_000, 1_000_000), null);
        var leaf = await AddAsync(admin, "三级", (await AddAsync(admin, "二级", top.GetProperty("id").GetInt32())).GetProperty("id").GetInt32());
        var id = leaf.GetProperty("id").GetInt32();

        var v2 = await Json(await admin.PutAsJsonAsync($"/api/requests/routing-rules/{id}", new
        {
            departmentCode = "water", signHoursUrgent = 1, signHoursNormal = 4, finishDaysUrgent = 2, finishDaysNormal = 10,
            duplicateRadiusMeters = 500, basedOnVersion = 1,
        }), HttpStatusCode.OK);
        Assert.Equal(2, v2.GetProperty("version").GetInt32());
        Assert.Equal("water", v2.GetProperty("departmentCode").GetString());
        Assert.Equal(500, v2.GetProperty("duplicateRadiusMeters").GetInt32());

        // Someone still looking at version 1 is told the rule moved on.
        var stale = await Json(await admin.PutAsJsonAsync($"/api/requests/routing-rules/{id}", new
        {
            signHoursUrgent = 1, signHoursNormal = 2, finishDaysUrgent = 1, finishDaysNormal = 5, basedOnVersion = 1,
        }), HttpStatusCode.Conflict);
        Assert.Equal(2, stale.GetProperty("currentVersion").GetInt32());

        var history = await admin.GetFromJsonAsync<JsonElement>($"/api/requests/routing-rules?categoryId={id}&history=true");
        var versions = history.GetProperty("items").EnumerateArray().Select(r => (r.GetProperty("version").GetInt32(), r.GetProperty("isCurrent").GetBoolean())).ToList();
        Assert.Equal([(2, true), (1, false)], versions);
    }

    [Fact]
    public async Task A_rule_naming_an_unknown_department_or_impossible_deadlines_is_refused_naming_the_field()
    {
        var admin = await city.App.ClientForAsync("admin");
        var leaves = await admin.GetFromJsonAsync<JsonElement>("/api/requests/categories?level=3&pageSize=1");
        var id = leaves.GetProperty("items")[0].GetProperty("id").GetInt32();

        var unknown = await Json(await admin.PutAsJsonAsync($"/api/requests/routing-rules/{id}",
            new { departmentCode = "nope", signHoursUrgent = 1, signHoursNormal = 2, finishDaysUrgent = 1, finishDaysNormal = 5 }), HttpStatusCode.BadRequest);
        Assert.True(unknown.GetProperty("errors").TryGetProperty("DepartmentCode", out _));
        var zero = await Json(await admin.PutAsJsonAsync($"/api/requests/routing-rules/{id}",
            new { signHoursUrgent = 0, signHoursNormal = 2, finishDaysUrgent = 1, finishDaysNormal = 5 }), HttpStatusCode.BadRequest);
        Assert.True(zero.GetProperty("errors").TryGetProperty("SignHoursUrgent", out _));
        var top = await admin.GetFromJsonAsync<JsonElement>("/api/requests/categories?level=1&pageSize=1");
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/requests/routing-rules/{top.GetProperty("items")[0].GetProperty("id").GetInt32()}",
            new { signHoursUrgent = 1, signHoursNormal = 2, finishDaysUrgent = 1, finishDaysNormal = 5 })).StatusCode);
    }
}
