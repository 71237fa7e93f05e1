using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Linli.Modules.ServiceDesk.Data;
using Linli.Platform.Audit;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Linli.Tests.Requests.Pages;
using Linli.Tests.Residents;
using Linli.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Linli.Tests.ServiceDesk.Cases.ServiceDeskApp;

namespace Linli.Tests.ServiceDesk.Cases;

/// <summary>The case pages as a browser without script uses them: the list and its export, the intake form, the case page's action forms, the printed notice, public tracking.</summary>
public sealed class CasePageTests(ServiceDeskApp desk) : IClassFixture<ServiceDeskApp>
{
    private static string S(long value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private Task<PageClient> Page(string user) => PageClient.SignedInAsync(desk.App, user);

    private async Task<(long Id, string Number, int Version)> NoticedAsync(PageClient page, string reason)
    {
        var created = await desk.ReceiveAsync(await desk.NewResidentAsync());
        var id = created.Id();
        var noticed = await page.SubmitAsync($"/service-desk/cases/{id}", new()
        {
            ["Action"] = "Notice", ["Version"] = created.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture),
            [$"Problem[{desk.IncomeMaterial}]"] = "Missing", [$"ProblemReason[{desk.IncomeMaterial}]"] = reason,
        }, $"/service-desk/cases/{id}?handler=Act");
        Assert.Equal(HttpStatusCode.Redirect, noticed.StatusCode);
        var now = await (await desk.App.ClientForAsync("cw.village")).GetCaseAsync(id);
        return (id, created.GetProperty("number").GetString()!, now.GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task The_case_list_filters_by_state_number_mode_and_days_in_chinese_and_exports_the_same_rows()
    {
        var page = await Page("cw.village");
        var (_, waiting, _) = await NoticedAsync(page, "缺少收入证明");
        var received = (await desk.ReceiveAsync(await desk.NewResidentAsync())).GetProperty("number").GetString()!;

        var (status, html) = await page.GetAsync("/service-desk/cases?State=AwaitingCompletion");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"data-number=\"{waiting}\"", html);
        Assert.DoesNotContain($"data-number=\"{received}\"", html);
        Assert.Contains("<td>待补正</td>", html);
        Assert.Contains("<td>窗口办</td>", html);

        var (_, byNumber) = await page.GetAsync($"/service-desk/cases?Q={received}");
        Assert.Contains($"data-number=\"{received}\"", byNumber);
        Assert.DoesNotContain($"data-number=\"{waiting}\"", byNumber);
        Assert.Contains("测试事项 TEST-CW-001", byNumber);

        var (_, otherMode) = await page.GetAsync($"/service-desk/cases?Q={received}&Mode=Proxy");
        Assert.Contains("id=\"cases-empty\"", otherMode);
        var (_, sameDay) = await page.GetAsync($"/service-desk/cases?Q={received}&From=2026-11-02&To=2026-11-02");
        Assert.Contains($"data-number=\"{received}\"", sameDay);
        var (_, later) = await page.GetAsync($"/service-desk/cases?Q={received}&From=2026-11-03");
        Assert.Contains("id=\"cases-empty\"", later);
        // A range that runs backwards is a message on the form, not an error page.
        var (backwardsStatus, backwards) = await page.GetAsync("/service-desk/cases?From=2026-11-05&To=2026-11-01");
        Assert.Equal(HttpStatusCode.OK, backwardsStatus);
        Assert.Contains("结束日期不能早于开始日期。", backwards);

        // Another community sees neither case.
        var (_, other) = await (await Page("cw.other")).GetAsync($"/service-desk/cases?Q={received}");
        Assert.Contains("id=\"cases-empty\"", other);

        Assert.Contains("href=\"/api/service-cases/export?format=csv&amp;state=AwaitingCompletion\"", html);
        var csv = await page.Http.GetAsync("/api/service-cases/export?format=csv&state=AwaitingCompletion");
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        var text = await csv.Content.ReadAsStringAsync();
        Assert.Contains(waiting, text);
        Assert.DoesNotContain(received, text);
        Assert.Contains("待补正", text);
        Assert.DoesNotContain("AwaitingCompletion", text);
    }

    [Fact]
    public async Task The_intake_form_names_a_bad_id_number_keeps_what_was_typed_and_a_double_submit_creates_one_case()
    {
        var page = await Page("cw.village");
        var form = $"/service-desk/cases/new?ItemCode={CityWideItem}";
        var (status, html) = await page.GetAsync(form);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"name=\"Received\" value=\"{desk.FormMaterial}\"", html);
        Assert.Contains("<option value=\"Window\" selected=\"selected\">窗口办</option>", html);
        // A non-city-wide item outside its district is not offered in the village.
        Assert.DoesNotContain(LocalItem, html);

        var idNumber = await desk.NewResidentAsync();
        var bad = idNumber[..17] + (idNumber[17] == '0' ? '1' : '0');
        var key = Guid.NewGuid().ToString("N");
        Dictionary<string, string> Fields(string id) => new()
        {
            ["ItemCode"] = CityWideItem, ["IdNumber"] = id, ["Name"] = "王小明", ["Mode"] = "Window", ["Received"] = S(desk.FormMaterial), ["SubmissionKey"] = key,
        };
        var before = await CountAsync();
        var refused = await page.SubmitAsync(form, Fields(bad), "/service-desk/cases/new");
        var refusedHtml = await refused.HtmlAsync();
        Assert.Matches(new Regex("data-valmsg-for=\"IdNumber\"[^>]*>[^<]+<"), refusedHtml);
        Assert.Contains($"value=\"{bad}\"", refusedHtml);
        Assert.Contains("value=\"王小明\"", refusedHtml);
        Assert.Contains($"name=\"Received\" value=\"{desk.FormMaterial}\" checked=\"checked\"", refusedHtml);
        Assert.Equal(before, await CountAsync());

        var first = await page.SubmitAsync(form, Fields(idNumber), "/service-desk/cases/new");
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var again = await page.SubmitAsync(form, Fields(idNumber), "/service-desk/cases/new");
        Assert.Equal(first.Headers.Location, again.Headers.Location);
        Assert.Equal(before + 1, await CountAsync());
        var (_, shown) = await page.GetAsync(first.Headers.Location!.OriginalString);
        Assert.Contains("已收件，办件编号", shown);
        Assert.Contains(idNumber[..4] + new string('*', 14), shown);
        Assert.DoesNotContain(idNumber, shown);
        Assert.Contains("<td>已收取</td>", shown);
    }

    [Fact]
    public async Task The_case_page_offers_only_the_steps_the_table_allows_and_a_stale_or_illegal_step_is_a_message_not_an_error()
    {
        var page = await Page("cw.village");
        var created = await desk.ReceiveAsync(await desk.NewResidentAsync());
        var id = created.Id();
        var (_, html) = await page.GetAsync($"/service-desk/cases/{id}");
        Assert.Contains("id=\"form-Notice\"", html);
        Assert.Contains("id=\"form-Accept\"", html);
        Assert.Contains("id=\"form-Refuse\"", html);
        Assert.DoesNotContain("id=\"form-Approve\"", html);
        Assert.DoesNotContain("id=\"form-HandOver\"", html);
        Assert.Contains("<strong>已收件</strong>", html);

        // 受理 while a mandatory material is missing: the API's 409, said on the page.
        var blocked = await page.SubmitAsync($"/service-desk/cases/{id}", new() { ["Action"] = "Accept", ["Version"] = created.GetProperty("version").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture) },
            $"/service-desk/cases/{id}?handler=Act");
        var blockedHtml = await blocked.HtmlAsync();
        Assert.Contains("缺少必要材料，不能受理：收入证明。", blockedHtml);

        var version = created.GetProperty("version").GetInt32();
        var stale = version;
        var noticed = await page.SubmitAsync($"/service-desk/cases/{id}", new()
        {
            ["Action"] = "Notice", ["Version"] = S(version), [$"Problem[{desk.IncomeMaterial}]"] = "Missing", [$"ProblemReason[{desk.IncomeMaterial}]"] = "请提供近六个月收入证明",
        }, $"/service-desk/cases/{id}?handler=Act");
        Assert.Equal(HttpStatusCode.Redirect, noticed.StatusCode);
        var (_, after) = await page.GetAsync(noticed.Headers.Location!.OriginalString);
        Assert.Contains("已一次告知。", after);
        Assert.Contains("<strong>待补正</strong>", after);
        Assert.Contains("id=\"form-Complete\"", after);
        Assert.DoesNotContain("id=\"form-Notice\"", after);
        Assert.Equal("AwaitingCompletion", (await (await desk.App.ClientForAsync("cw.village")).GetCaseAsync(id)).GetProperty("state").GetString());

        // The form of a page opened before the notice: a colleague got there first.
        var late = await page.SubmitAsync($"/service-desk/cases/{id}", new() { ["Action"] = "Refuse", ["Version"] = S(stale), ["Reason"] = "不符合条件" },
            $"/service-desk/cases/{id}?handler=Act");
        var lateHtml = await late.HtmlAsync();
        Assert.Contains("id=\"case-message\"", lateHtml);
        Assert.Contains("办件已被修改", lateHtml);
        Assert.Contains("<strong>待补正</strong>", lateHtml);

        // A department's worker sees the case but is offered none of the window's steps.
        var (_, department) = await (await Page("dept.civil")).GetAsync($"/service-desk/cases/{id}");
        Assert.DoesNotContain("id=\"form-Complete\"", department);
        Assert.Equal(HttpStatusCode.NotFound, (await (await Page("cw.other")).GetAsync($"/service-desk/cases/{id}")).Status);
    }

    [Fact]
    public async Task The_printable_notice_lists_every_material_with_its_reason_the_case_number_the_station_and_the_date()
    {
        var page = await Page("cw.village");
        var (id, number, _) = await NoticedAsync(page, "须加盖单位公章");
        var (status, html) = await page.GetAsync($"/service-desk/cases/{id}/notice");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("一次性告知书", html);
        Assert.Contains($"告知书编号：{number}-1", html);
        Assert.Contains($"（办件编号 {number}）", html);
        Assert.Contains($"data-material=\"{desk.IncomeMaterial}\"><td>3</td><td>收入证明</td><td>缺少</td><td>须加盖单位公章</td>", html);
        Assert.Contains("北张村", html);
        // The station with its district and street, outermost first (the three names are read together, IRegionNames.NamesAsync).
        Assert.Contains("告知单位：新民市 东城街道 北张村委会便民服务站", html);
        Assert.Contains("告知日期：2026-11-02", html);
        Assert.Contains("data-print", html);
        // Only the materials the notice names: the form was received, the identity supplied by the platform.
        Assert.DoesNotContain("<td>申请表</td>", html);

        var fresh = (await desk.ReceiveAsync(await desk.NewResidentAsync())).Id();
        Assert.Equal(HttpStatusCode.NotFound, (await page.GetAsync($"/service-desk/cases/{fresh}/notice")).Status);
    }

    [Fact]
    public async Task The_applicant_follows_a_case_by_number_and_id_number_seeing_the_name_masked_and_each_lookup_is_audited()
    {
        var idNumber = await desk.NewResidentAsync();
        var created = await desk.ReceiveAsync(idNumber);
        var number = created.GetProperty("number").GetString()!;
        var name = created.GetProperty("applicantName").GetString()!;
        var audited = await AuditedAsync();

        var visitor = PageClient.Anonymous(desk.App);
        var (status, form) = await visitor.GetAsync("/service-desk/track");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("<form method=\"post\" action=\"/service-desk/track\"", form);
        Assert.Contains("id=\"IdNumber\"", form);
        var found = await visitor.PostAsync("/service-desk/track", "/service-desk/track", ("Number", number), ("IdNumber", idNumber));
        var html = await found.HtmlAsync();
        Assert.Contains($"办件 {number}", html);
        Assert.Contains($"<td id=\"track-applicant\">{name[..1]}{new string('*', name.Length - 1)}</td>", html);
        Assert.DoesNotContain(name, html);
        Assert.DoesNotContain(idNumber, html);
        Assert.DoesNotContain(created.GetProperty("applicantIdMasked").GetString()!, html);
        Assert.Contains("测试事项 TEST-CW-001", html);
        Assert.Contains("<strong>已收件</strong>", html);
        Assert.Contains("窗口核对申请材料", html);
        Assert.Contains("no-store", found.Headers.CacheControl?.ToString());
        // The last 6 characters prove it too (lower-case x read as X).
        var byTail = await (await visitor.PostAsync("/service-desk/track", "/service-desk/track", ("Number", number), ("IdNumber", idNumber[^6..].ToLowerInvariant()))).HtmlAsync();
        Assert.Contains("<strong>已收件</strong>", byTail);

        // A wrong ID number and an unknown case number get the same 404 page; the ID number typed is not written back.
        var otherId = ResidentTestData.NewIdNumber();
        var wrongProof = await (await visitor.PostAsync("/service-desk/track", "/service-desk/track", ("Number", number), ("IdNumber", otherId))).HtmlAsync(HttpStatusCode.NotFound);
        var unknown = await (await visitor.PostAsync("/service-desk/track", "/service-desk/track", ("Number", "20990101999999"), ("IdNumber", idNumber))).HtmlAsync(HttpStatusCode.NotFound);
        Assert.Contains("id=\"track-not-found\"", unknown);
        Assert.Contains("value=\"20990101999999\"", unknown);
        Assert.Equal(NotFoundText(unknown), NotFoundText(wrongProof));
        Assert.DoesNotContain(otherId, wrongProof);
        Assert.DoesNotContain(idNumber, unknown);
        Assert.DoesNotContain("已收件", wrongProof);

        var api = desk.App.CreateClient();
        var json = await (await api.PostAsJsonAsync("/api/service-cases/track", new { number, idNumber = idNumber[^6..] })).Json(HttpStatusCode.OK);
        Assert.Equal("已收件", json.GetProperty("stateLabel").GetString());
        Assert.Equal(name[..1] + new string('*', name.Length - 1), json.GetProperty("applicantName").GetString());
        Assert.False(json.TryGetProperty("applicantIdMasked", out _));
        var wrongTail = await api.PostAsJsonAsync("/api/service-cases/track", new { number, idNumber = idNumber[^6..] == "000000" ? "000001" : "000000" });
        var unknownNumber = await api.PostAsJsonAsync("/api/service-cases/track", new { number = "20990101999999", idNumber });
        Assert.Equal(HttpStatusCode.NotFound, wrongTail.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknownNumber.StatusCode);
        Assert.Equal((await wrongTail.Json(HttpStatusCode.NotFound)).GetProperty("detail").GetString(), (await unknownNumber.Json(HttpStatusCode.NotFound)).GetProperty("detail").GetString());
        // Without the proof there is no lookup at all: the field is named.
        Assert.Equal(HttpStatusCode.BadRequest, (await api.PostAsJsonAsync("/api/service-cases/track", new { number })).StatusCode);

        // Every lookup is a search by number, matched or not, and neither number is written down.
        Assert.Equal(audited + 7, await AuditedAsync());
        var entries = await desk.App.WithScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries
            .Where(e => e.Action == AuditActions.SearchByNumber && e.SubjectType == AuditSubjects.ServiceCase).OrderByDescending(e => e.Id).Take(7).ToListAsync());
        Assert.Equal(3, entries.Count(e => e.SubjectId == created.Id().ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(entries, e => Assert.Equal("idNumber", e.Field));
        Assert.All(entries, e => Assert.DoesNotContain(idNumber, string.Join("|", e.SubjectId, e.SubjectLabel, e.Reason)));
        Assert.All(entries, e => Assert.DoesNotContain(number, string.Join("|", e.SubjectId, e.SubjectLabel, e.Reason)));
    }

    private static string NotFoundText(string page) =>
        Regex.Match(page, "<div class=\"error\" role=\"alert\" id=\"track-not-found\">(.*?)</div>", RegexOptions.Singleline).Groups[1].Value;

    private Task<int> AuditedAsync() => desk.App.WithScopeAsync(sp => sp.GetRequiredService<AuditDbContext>().Entries
        .CountAsync(e => e.Action == AuditActions.SearchByNumber && e.SubjectType == AuditSubjects.ServiceCase));

    private Task<int> CountAsync() => desk.App.WithScopeAsync(sp => sp.GetRequiredService<ServiceDeskDbContext>().ServiceCases.IgnoreQueryFilters().CountAsync());
}

/// <summary>Following a case by number is limited per client: guessing numbers runs into 429, and showing the form does not count.</summary>
public sealed class CaseTrackRateLimitTests : IAsyncLifetime
{
    private readonly LinliFactory _app = new ConfiguredFactory(
        [.. BehindProxy.Settings, new("RateLimiting:Track:PerClient", "3"), new("RateLimiting:Track:Window", "01:00:00")]) { TestServices = BehindProxy.AddTo };

    public Task InitializeAsync()
    {
        _ = _app.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task The_fourth_lookup_from_one_client_is_a_429_and_another_client_is_still_served()
    {
        var guesser = _app.CreateClient().From("203.0.113.71");
        for (var i = 0; i < 5; i++) Assert.Equal(HttpStatusCode.OK, (await guesser.GetAsync("/service-desk/track")).StatusCode);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await guesser.PostAsJsonAsync("/api/service-cases/track", new { number = $"2026110200000{i}", idNumber = "123456" })).StatusCode);
        var refused = await guesser.PostAsJsonAsync("/api/service-cases/track", new { number = "20261102000009", idNumber = "123456" });
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await _app.CreateClient().From("203.0.113.72").PostAsJsonAsync("/api/service-cases/track", new { number = "20261102000009", idNumber = "123456" })).StatusCode);
    }
}
