using System.Globalization;
using System.Net;
using System.Text.Json;
using Linli.Platform.DueTimes;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Tests.Infrastructure;
using Linli.Tests.Ui;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Requests.Pages;

/// <summary>
/// The metrics over a small known set of tickets made through the API on a fresh database and a fake clock; every rate is
/// worked out by hand below. The background jobs are off: the deadline watcher runs once, when the test says.
/// </summary>
public sealed class MetricsTests : IAsyncLifetime
{
    private sealed class QuietFactory : LinliFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings() => [new("Requests:RunJobs", "false")];
    }

    // Monday 2 November 2026, 09:00 China time, a working day.
    private static readonly DateTime T0 = WorkingCalendar.ToUtc(new DateTime(2026, 11, 2, 9, 0, 0));
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(T0, TimeSpan.Zero));
    private LinliFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = new QuietFactory { TestServices = s => s.AddSingleton<TimeProvider>(_clock) };
        _ = _app.Server;
        await _app.CreateUserAsync("hotline", Roles.HotlineOperator, "2101");
        await _app.CreateUserAsync("admin", Roles.Administrator, "2101");
        await _app.CreateUserAsync("cw.a", Roles.CommunityWorker, CityFixture.CommunityA);
        await _app.CreateUserAsync("dept.water", Roles.DepartmentStaff, departmentCode: "water");
        await _app.CreateUserAsync("street.a", Roles.StreetStaff, CityFixture.CommunityA[..9]);
        await _app.CreateUserAsync("district.other", Roles.DistrictStaff, "210103");
        await _app.CreateUserAsync("supervisor", Roles.Supervisor, "2101");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private void At(int hour) => _clock.SetUtcNow(new DateTimeOffset(T0.AddHours(hour - 9), TimeSpan.Zero));

    /// <summary>
    /// At 09:00: T1 dispatched to the community, signed, replied; T2 the same but rated dissatisfied (reopened: dispatched
    /// again, sign due 11:00); T3 dispatched to water and returned; T4 received; T5 merged into T2; T6 received; T7 and T8
    /// dispatched to the community (sign due 11:00). At 11:00: T1 rated satisfied (closed after 2 h); T4 answered directly
    /// (closed after 2 h). At 12:00: T7 signed late, replied and rated basically satisfied (closed after 3 h); the deadline
    /// watcher marks T2 and T8 overdue (their sign deadlines passed at 11:00).
    /// </summary>
    private async Task<int> ScenarioAsync()
    {
        At(9);
        var category = await RequestsApi.NewLeafAsync(_app);
        var hotline = await _app.ClientForAsync("hotline");
        var cw = await _app.ClientForAsync("cw.a");
        var water = await _app.ClientForAsync("dept.water");
        var t = new long[9];
        for (var i = 1; i <= 8; i++) t[i] = (await hotline.FileAsync(category, description: $"T{i}")).Id();
        foreach (var i in new[] { 1, 2, 7, 8 }) await hotline.OkAsync(t[i], "dispatch", new { unitCode = "community" });
        foreach (var i in new[] { 1, 2 })
        {
            await cw.OkAsync(t[i], "sign");
            await cw.OkAsync(t[i], "reply", new { reply = "已处理" });
        }
        await hotline.OkAsync(t[2], "evaluate", new { rating = "Dissatisfied" });
        await hotline.OkAsync(t[3], "dispatch", new { unitCode = "water" });
        await water.OkAsync(t[3], "return", new { reason = "不属于本部门" });
        await hotline.OkAsync(t[5], "merge", new { intoTicketId = t[2] });

        At(11);
        hotline = await _app.ClientForAsync("hotline");
        await hotline.OkAsync(t[1], "evaluate", new { rating = "Satisfied" });
        await hotline.OkAsync(t[4], "close", new { opinion = "已电话答复" });

        At(12);
        hotline = await _app.ClientForAsync("hotline");
        cw = await _app.ClientForAsync("cw.a");
        await cw.OkAsync(t[7], "sign");
        await cw.OkAsync(t[7], "reply", new { reply = "已处理" });
        await hotline.OkAsync(t[7], "evaluate", new { rating = "BasicallySatisfied" });
        await _app.Services.GetRequiredService<DueTimeWatcher>().RunOnceAsync();
        return category;
    }

    private static void AssertTotals(JsonElement total, long count)
    {
        Assert.Equal(count, total.GetProperty("count").GetInt64());
        // 响应率: due to sign T1, T2 (reopened, due 11:00, unsigned), T7, T8 = 4; on time only T1.
        Assert.Equal(4, total.GetProperty("signDue").GetInt64());
        Assert.Equal(1, total.GetProperty("signedOnTime").GetInt64());
        Assert.Equal(0.25, total.GetProperty("signRate").GetDouble());
        // 按时办结率: closed and dispatched T1, T7 (T4 was answered directly); both replied before their finish deadline.
        Assert.Equal(2, total.GetProperty("closedDispatched").GetInt64());
        Assert.Equal(1.0, total.GetProperty("finishRate").GetDouble());
        // 解决率: closed T1 (satisfied), T4 (unrated), T7 (basically satisfied): none dissatisfied.
        Assert.Equal(3, total.GetProperty("closed").GetInt64());
        Assert.Equal(1.0, total.GetProperty("resolutionRate").GetDouble());
        // 满意率: rated T1, T2 (dissatisfied), T7 → 2 of 3.
        Assert.Equal(3, total.GetProperty("rated").GetInt64());
        Assert.Equal(0.6667, total.GetProperty("satisfactionRate").GetDouble());
        Assert.Equal(2, total.GetProperty("overdue").GetInt64());
        // 错派: dispatched T1, T2, T3, T7, T8; returned T3.
        Assert.Equal(5, total.GetProperty("dispatched").GetInt64());
        Assert.Equal(0.2, total.GetProperty("returnRate").GetDouble());
        Assert.Equal(1, total.GetProperty("repeats").GetInt64());
        // (2 + 2 + 3) / 3 hours.
        Assert.Equal(2.33, total.GetProperty("averageHours").GetDouble());
    }

    [Fact]
    public async Task The_metrics_match_the_rates_worked_out_by_hand_per_unit_region_and_category_within_the_scope()
    {
        var category = await ScenarioAsync();
        var supervisor = await _app.ClientForAsync("supervisor");

        var byUnit = await (await supervisor.GetAsync("/api/requests/metrics?groupBy=unit&period=30d")).Json(HttpStatusCode.OK);
        AssertTotals(byUnit.GetProperty("total"), 8);
        var rows = byUnit.GetProperty("rows").GetProperty("items").EnumerateArray().ToList();
        var community = rows.Single(r => r.GetProperty("key").GetString() == CityFixture.CommunityA);
        Assert.Equal(4, community.GetProperty("count").GetInt64()); // T1, T2, T7, T8
        Assert.Equal(0.25, community.GetProperty("signRate").GetDouble());
        var undispatched = rows.Single(r => r.GetProperty("key").GetString() == "");
        Assert.Equal(4, undispatched.GetProperty("count").GetInt64()); // T3 (returned), T4, T5, T6

        var byRegion = await (await supervisor.GetAsync("/api/requests/metrics?groupBy=region&region=210102")).Json(HttpStatusCode.OK);
        var street = Assert.Single(byRegion.GetProperty("rows").GetProperty("items").EnumerateArray());
        Assert.Equal(CityFixture.CommunityA[..9], street.GetProperty("key").GetString());
        AssertTotals(street, 8);

        var byCategory = await (await supervisor.GetAsync("/api/requests/metrics?groupBy=category")).Json(HttpStatusCode.OK);
        Assert.Equal(category.ToString(CultureInfo.InvariantCulture), Assert.Single(byCategory.GetProperty("rows").GetProperty("items").EnumerateArray()).GetProperty("key").GetString());

        // Scope: the street over the place sees all of it, another district nothing; a window before the tickets nothing.
        AssertTotals((await (await (await _app.ClientForAsync("street.a")).GetAsync("/api/requests/metrics")).Json(HttpStatusCode.OK)).GetProperty("total"), 8);
        Assert.Equal(0, (await (await (await _app.ClientForAsync("district.other")).GetAsync("/api/requests/metrics")).Json(HttpStatusCode.OK))
            .GetProperty("total").GetProperty("count").GetInt64());
        Assert.Equal(0, (await (await supervisor.GetAsync("/api/requests/metrics?from=2026-10-01&to=2026-11-01")).Json(HttpStatusCode.OK))
            .GetProperty("total").GetProperty("count").GetInt64());
        // Not for community workers; bad input is a 400 problem, never a 500.
        Assert.Equal(HttpStatusCode.Forbidden, (await (await _app.ClientForAsync("cw.a")).GetAsync("/api/requests/metrics")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/requests/metrics?region=abc")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await supervisor.GetAsync("/api/requests/metrics?from=2026-11-05&to=2026-11-01")).StatusCode);

        // Rankings on the page: the street and the departments.
        var page = await PageClient.SignedInAsync(_app, "supervisor");
        var (status, html) = await page.GetAsync("/requests/metrics?GroupBy=Unit&RankBy=sign");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("25.0%", html);
        Assert.Contains("66.7%", html);
        Assert.Contains("id=\"street-ranking\"", html);
        Assert.Contains("id=\"department-ranking\"", html);
        Assert.Contains("响应率", html);
        // All eight were filed in community A's street: one street, 25% signed on time. The departments' ranking holds
        // departments only (the community's own tickets are not a department's; water returned the one it got).
        var streets = Body(html, "street-ranking");
        Assert.Equal(1, Rows(streets));
        Assert.Contains("<td class=\"num\">8</td><td class=\"num\">25.0%</td>", streets);
        Assert.Equal(0, Rows(Body(html, "department-ranking")));
    }

    private static string Body(string html, string table)
    {
        var start = html.IndexOf($"<table id=\"{table}\">", StringComparison.Ordinal);
        var body = html.IndexOf("<tbody>", start, StringComparison.Ordinal);
        return html[body..html.IndexOf("</tbody>", body, StringComparison.Ordinal)];
    }

    private static int Rows(string body) => body.Split("<tr>").Length - 1;

    [Fact]
    public async Task The_export_is_a_real_workbook_and_a_csv_with_the_same_numbers()
    {
        await ScenarioAsync();
        var supervisor = await _app.ClientForAsync("supervisor");
        var xlsx = await supervisor.GetAsync("/api/requests/metrics/export?format=xlsx&groupBy=unit");
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", xlsx.Content.Headers.ContentType?.MediaType);
        var sheet = await ExportFile.ReadAsync(xlsx);
        Assert.StartsWith("诉求统计（按承办单位） · 区域：", sheet.Title);
        Assert.Contains("筛选：按承办单位统计", sheet.Title);
        var total = sheet.Rows.Single(r => r["名称"] == "合计");
        Assert.Equal(("8", "25.0%", "2", "20.0%"), (total["诉求量"], total["响应率"], total["超期数"], total["退单率"]));

        var csv = await supervisor.GetAsync("/api/requests/metrics/export?format=csv&groupBy=unit");
        Assert.Equal("text/csv", csv.Content.Headers.ContentType?.MediaType);
        var table = await ExportFile.ReadAsync(csv); // also checks the byte-order mark
        Assert.Equal(["代码", "名称", "诉求量", "响应率", "按时办结率", "解决率", "满意率"], table.Headers.Take(7));
        var csvTotal = table.Rows.Single(r => r["名称"] == "合计");
        Assert.Equal(["8", "25.0%", "100.0%", "100.0%", "66.7%", "2", "20.0%", "1", "2.33"],
            new[] { "诉求量", "响应率", "按时办结率", "解决率", "满意率", "超期数", "退单率", "重复诉求", "平均办理时长（小时）" }.Select(h => csvTotal[h]));
        // A group with nothing to rate says so instead of 0%.
        Assert.All(table.Rows, r => Assert.Matches(@"^(\d{1,3}\.\d%|—)$", r["满意率"]));
    }
}
