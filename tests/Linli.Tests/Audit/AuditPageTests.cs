using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Platform.Audit;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Linli.Tests.Ui;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Audit;

/// <summary>The audit page and API read as people read: labels, names and region names, filters, an export that is audited, verification.</summary>
[Collection("city2")]
public sealed class AuditPageTests(CityFixture city)
{
    private async Task<string> RevealEntryAsync()
    {
        var subject = "p-" + Guid.NewGuid().ToString("N")[..10];
        await city.App.WithScopeAsync(async sp =>
        {
            await sp.GetRequiredService<IAuditLog>().RecordAsync(new AuditRecord(AuditActions.Reveal, AuditSubjects.Resident, subject, CityFixture.CommunityA)
            {
                Field = "idNumber", Reason = "高龄津贴核对", Actor = new AuditActor("u-page", "cw.a", "王小社"),
            });
            return 0;
        });
        return subject;
    }

    [Fact]
    public async Task The_page_shows_labels_the_users_name_and_the_regions_name_instead_of_codes()
    {
        var subject = await RevealEntryAsync();
        var page = await PageClient.SignedInAsync(city.App, "supervisor");
        var response = await page.SubmitAsync("/audit", new() { ["SubjectId"] = subject });
        var html = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
        var row = html[html.IndexOf("<tr data-action=\"reveal\">", StringComparison.Ordinal)..];
        row = row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
        Assert.Contains("查看完整号码", row);
        Assert.Contains("居民", row);
        Assert.Contains("身份证号", row);
        Assert.Contains("王小社", row);
        Assert.Contains("水源地社区", row);
        Assert.DoesNotContain(">reveal<", row);
        Assert.DoesNotContain(">idNumber<", row);

        var english = await page.Http.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/api/audit?subjectType=resident&subjectId=" + subject + "&culture=en"));
        var entry = (await english.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0];
        Assert.Equal(("Show the full number", "Resident", "ID number"), (entry.GetProperty("actionLabel").GetString(), entry.GetProperty("subjectTypeLabel").GetString(), entry.GetProperty("fieldLabel").GetString()));
    }

    [Fact]
    public async Task Every_action_kind_and_field_code_has_a_chinese_label()
    {
        Assert.All(AuditActions.All, a => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", AuditLabels.Action(a)));
        Assert.All(AuditSubjects.All, s => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", AuditLabels.Subject(s)));
        Assert.All(Enum.GetValues<AuditBreakKind>(), k => Assert.Matches(@"\p{IsCJKUnifiedIdeographs}", AuditLabels.Field(AuditVerificationRecord.Code(k))));
        await Task.CompletedTask;
    }

    [Fact]
    public async Task Filters_by_action_region_and_user_narrow_the_list_and_a_user_name_never_goes_into_a_url()
    {
        var subject = await RevealEntryAsync();
        var supervisor = await city.App.ClientForAsync("supervisor");
        var byAction = await (await supervisor.PostAsJsonAsync("/api/audit/search", new { action = "reveal", region = CityFixture.CommunityA, userName = "cw.a", pageSize = 500 }))
            .Json(HttpStatusCode.OK);
        Assert.Contains(byAction.GetProperty("items").EnumerateArray(), e => e.GetProperty("subjectId").GetString() == subject);
        Assert.All(byAction.GetProperty("items").EnumerateArray(), e =>
            Assert.Equal(("reveal", "cw.a", true), (e.GetProperty("action").GetString(), e.GetProperty("userName").GetString(), e.GetProperty("regionCode").GetString()!.StartsWith(CityFixture.CommunityA, StringComparison.Ordinal))));
        var otherRegion = await supervisor.GetFromJsonAsync<JsonElement>($"/api/audit?subjectId={subject}&region=210103");
        Assert.Equal(0, otherRegion.GetProperty("total").GetInt64());
        // The query string takes no user name (the API document lists none), and the page posts its filters.
        var document = await supervisor.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        var parameters = document.GetProperty("paths").GetProperty("/api/audit").GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Select(p => p.GetProperty("name").GetString()!.ToLowerInvariant()).ToList();
        Assert.Contains("action", parameters);
        Assert.DoesNotContain("username", parameters);
        var page = await PageClient.SignedInAsync(city.App, "supervisor");
        var (_, html) = await page.GetAsync("/audit");
        Assert.Contains("<form method=\"post\" id=\"audit-filters\"", html);

        var invalid = await supervisor.PostAsJsonAsync("/api/audit/search", new { region = "21a" });
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task The_export_holds_the_filtered_entries_with_labels_and_is_itself_audited()
    {
        var subject = await RevealEntryAsync();
        var supervisor = await city.App.ClientForAsync("supervisor");
        var xlsx = await ExportFile.ReadAsync(await supervisor.PostAsJsonAsync("/api/audit/export", new { subjectId = subject, format = "xlsx" }));
        Assert.StartsWith("审计日志 · 区域：沈阳市（2101）", xlsx.Title);
        Assert.Matches("导出人：.*supervisor", xlsx.Title);
        Assert.EndsWith("筛选：对象编号=" + subject, xlsx.Title);
        Assert.Equal(AuditExport.Headers, xlsx.Headers);
        var row = Assert.Single(xlsx.Rows);
        Assert.Equal(("查看完整号码", "居民", "身份证号", "王小社", "水源地社区"), (row["操作"], row["对象类型"], row["字段"], row["姓名"], row["行政区划"]));

        var page = await PageClient.SignedInAsync(city.App, "supervisor");
        var csv = await ExportFile.ReadAsync(await page.SubmitAsync("/audit", new() { ["SubjectId"] = subject, ["format"] = "csv" }, "/audit/export"));
        Assert.StartsWith("审计日志 · ", csv.Title);
        Assert.Equal("高龄津贴核对", Assert.Single(csv.Rows)["事由"]);

        var exports = await (await supervisor.PostAsJsonAsync("/api/audit/search", new { action = "export", subjectType = "audit-log", userName = "supervisor", pageSize = 500 }))
            .Json(HttpStatusCode.OK);
        var recorded = exports.GetProperty("items").EnumerateArray().Where(e => e.GetProperty("reason").GetString() == "对象编号=" + subject).ToList();
        Assert.Equal(["csv", "xlsx"], recorded.Select(e => e.GetProperty("field").GetString()));
        Assert.All(recorded, e => Assert.Equal(1, e.GetProperty("count").GetInt64()));
    }

    [Theory]
    [InlineData(10_001, 3, 10_000, true, 3)]
    [InlineData(10_001, 999, 10_000, true, 999)]
    [InlineData(120, 9, 120, false, 9)]
    [InlineData(0, 0, 0, false, 1)]
    public void The_count_stops_at_ten_thousand(long counted, int page, long total, bool capped, int shown) =>
        Assert.Equal((total, capped, shown), AuditQuery.Bound(counted, page));

    [Fact]
    public async Task The_verification_page_runs_with_progress_and_reports_the_log_intact()
    {
        var page = await PageClient.SignedInAsync(city.App, "supervisor");
        var started = await page.SubmitAsync("/audit/verify", []);
        Assert.Equal(HttpStatusCode.Redirect, started.StatusCode);
        var html = "";
        for (var i = 0; i < 300; i++)
        {
            (_, html) = await page.GetAsync("/audit/verify");
            if (!html.Contains("data-state=\"running\"", StringComparison.Ordinal)) break;
            Assert.Contains("http-equiv=\"refresh\"", html);
            await Task.Delay(100);
        }
        Assert.Contains("data-state=\"intact\"", html);
        Assert.Contains("审计日志完好", WebUtility.HtmlDecode(html));
        var supervisor = await city.App.ClientForAsync("supervisor");
        var recorded = await supervisor.GetFromJsonAsync<JsonElement>("/api/audit?action=audit-verified&pageSize=1");
        Assert.Equal(("intact", "完好"), (recorded.GetProperty("items")[0].GetProperty("field").GetString(), recorded.GetProperty("items")[0].GetProperty("fieldLabel").GetString()));
    }
}
