using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using static Linli.Tests.Residents.ResidentTestData;

namespace Linli.Tests.Audit;

/// <summary>What supervisors expect to find in the audit log: configuration changes, exports, refused out-of-scope attempts.</summary>
[Collection("city")]
public sealed class AuditedActionsTests(CityFixture city)
{
    private async Task<List<JsonElement>> EntriesAsync(object filter)
    {
        var supervisor = await city.App.ClientForAsync("supervisor");
        var page = await (await supervisor.PostAsJsonAsync("/api/audit/search", filter)).Json(HttpStatusCode.OK);
        return page.GetProperty("items").EnumerateArray().ToList();
    }

    private static string S(JsonElement e, string property) => e.GetProperty(property).GetString()!;

    [Fact]
    public async Task Adding_renaming_and_retiring_a_category_and_editing_its_rule_are_each_audited_with_the_path_and_the_change()
    {
        var admin = await city.App.ClientForAsync("admin");
        var tag = Guid.NewGuid().ToString("N")[..8];
        var top = await (await admin.PostAsJsonAsync("/api/requests/categories", new { name = "审计" + tag })).Json(HttpStatusCode.Created);
        var topId = top.GetProperty("id").GetInt32();
        await (await admin.PatchAsJsonAsync($"/api/requests/categories/{topId}", new { name = "审计改名" + tag })).Json(HttpStatusCode.OK);
        await (await admin.PatchAsJsonAsync($"/api/requests/categories/{topId}", new { retired = true })).Json(HttpStatusCode.OK);

        var entries = await EntriesAsync(new { subjectType = "category", subjectId = topId.ToString(System.Globalization.CultureInfo.InvariantCulture), pageSize = 50 });
        Assert.Equal(["retired", "renamed", "added"], entries.Select(e => S(e, "field")));
        Assert.All(entries, e => Assert.Equal(("category-changed", "修改诉求分类", "诉求分类", "admin"),
            (S(e, "action"), S(e, "actionLabel"), S(e, "subjectTypeLabel"), S(e, "userName"))));
        Assert.Equal("原名称：审计" + tag, S(entries[1], "reason"));
        Assert.Equal("审计改名" + tag, S(entries[0], "subjectLabel"));
        Assert.Equal("停用", S(entries[0], "fieldLabel"));

        var leaf = await RequestsApi.NewLeafAsync(city.App, "water");
        var rule = Assert.Single(await EntriesAsync(new { subjectType = "routing-rule", subjectId = leaf.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal("routing-rule-changed", S(rule, "action"));
        Assert.EndsWith("三级", S(rule, "subjectLabel"));
        Assert.StartsWith("第 2 版：承办 ", S(rule, "reason"));
        Assert.DoesNotContain("water", S(rule, "reason")); // the department by its name, not its code
    }

    [Fact]
    public async Task A_category_change_refused_by_its_rules_writes_no_entry()
    {
        var admin = await city.App.ClientForAsync("admin");
        var name = "重名" + Guid.NewGuid().ToString("N")[..8];
        var first = await (await admin.PostAsJsonAsync("/api/requests/categories", new { name })).Json(HttpStatusCode.Created);
        await (await admin.PostAsJsonAsync("/api/requests/categories", new { name })).Json(HttpStatusCode.Conflict);
        var added = await EntriesAsync(new { action = "category-changed", pageSize = 500 });
        Assert.Single(added, e => S(e, "subjectLabel") == name);
        Assert.Contains(added, e => S(e, "subjectId") == first.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Exporting_the_metrics_is_audited_with_the_format_and_the_rows()
    {
        var district = await city.App.ClientForAsync("district.heping");
        var response = await district.GetAsync("/api/requests/metrics/export?format=csv&groupBy=category&period=30d");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var rows = (await ExportFile.ReadAsync(response)).Rows.Count;

        var supervisor = await city.App.ClientForAsync("supervisor");
        var entry = (await EntriesAsync(new { action = "export", subjectType = "request-metrics", userName = "district.heping" })).First();
        Assert.Equal(("csv", "CSV 文件", "诉求统计", "210102"), (S(entry, "field"), S(entry, "fieldLabel"), S(entry, "subjectTypeLabel"), S(entry, "regionCode")));
        Assert.Equal(rows, entry.GetProperty("count").GetInt64()); // every row under the title and the header
        Assert.StartsWith("按分类统计", S(entry, "reason"));
        _ = supervisor;
    }

    [Fact]
    public async Task Opening_a_ticket_outside_ones_scope_answers_the_same_404_and_is_recorded_for_the_tickets_area()
    {
        var resident = await city.App.ClientForAsync("resident");
        var ticket = await resident.FileAsync(await RequestsApi.NewLeafAsync(city.App));
        var id = ticket.Id();
        var outsider = await city.App.ClientForAsync("cw.b");

        var refused = await outsider.GetAsync($"/api/requests/tickets/{id}");
        var missing = await outsider.GetAsync("/api/requests/tickets/987654321");
        Assert.Equal((HttpStatusCode.NotFound, HttpStatusCode.NotFound), (refused.StatusCode, missing.StatusCode));
        var (a, b) = (await refused.Content.ReadFromJsonAsync<JsonElement>(), await missing.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(S(b, "title"), S(a, "title"));
        Assert.Equal(b.GetProperty("status").GetInt32(), a.GetProperty("status").GetInt32());

        var entry = Assert.Single(await EntriesAsync(new { action = "out-of-scope", subjectType = "ticket", subjectId = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal(("cw.b", CityFixture.CommunityA, S(ticket, "number"), "越权访问（已拒绝）"),
            (S(entry, "userName"), S(entry, "regionCode"), S(entry, "subjectLabel"), S(entry, "actionLabel")));
        Assert.Empty(await EntriesAsync(new { action = "out-of-scope", subjectType = "ticket", subjectId = "987654321" }));

        // The page's 404 records it too; a caller in scope records nothing.
        var page = await Ui.PageClient.SignedInAsync(city.App, "cw.b");
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/requests/tickets/{id}")).Status);
        await (await city.App.ClientForAsync("cw.a")).GetTicketAsync(id);
        var entries = await EntriesAsync(new { action = "out-of-scope", subjectType = "ticket", subjectId = id.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        Assert.Equal(["cw.b", "cw.b"], entries.Select(e => S(e, "userName")));
    }

    [Fact]
    public async Task Opening_a_resident_or_household_outside_ones_area_is_recorded_with_the_name_masked()
    {
        var cwA = await city.App.ClientForAsync("cw.a");
        var idNumber = NewIdNumber();
        var residentId = await CreateAsync(cwA, CityFixture.CommunityA, idNumber);
        var householdId = (await cwA.GetFromJsonAsync<JsonElement>($"/api/residents/{residentId}")).GetProperty("household").GetProperty("id").GetInt64();
        var outsider = await city.App.ClientForAsync("cw.b");
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/residents/{residentId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await outsider.GetAsync($"/api/residents/households/{householdId}")).StatusCode);

        var resident = Assert.Single(await EntriesAsync(new { action = "out-of-scope", subjectType = "resident", subjectId = residentId.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal(("cw.b", CityFixture.CommunityA, "测**", "居民"), (S(resident, "userName"), S(resident, "regionCode"), S(resident, "subjectLabel"), S(resident, "subjectTypeLabel")));
        var household = Assert.Single(await EntriesAsync(new { action = "out-of-scope", subjectType = "household", subjectId = householdId.ToString(System.Globalization.CultureInfo.InvariantCulture) }));
        Assert.Equal("cw.b", S(household, "userName"));
        Assert.DoesNotContain(idNumber, resident.ToString() + household);
    }
}
