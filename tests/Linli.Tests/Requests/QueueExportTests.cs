using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Features.Queues;
using Linli.Modules.Requests.Pages;
using Linli.Tests.Infrastructure;
using Linli.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests;

/// <summary>Queues as files: the list's filters and order, Chinese labels, read in keyset batches, audited.</summary>
[Collection("city2")]
public sealed partial class QueueExportTests(CityFixture city)
{
    private sealed record Filed(int Category, string Normal, string Urgent, string Other);

    private async Task<Filed> FileThreeAsync()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var hotline = await city.App.ClientForAsync("hotline");
        var normal = await hotline.FileAsync(category, description: "甲楼暖气不热已经三天", phone: null);
        var urgent = await hotline.FileAsync(category, description: "=乙楼暖气管漏水", phone: null, urgency: "Urgent");
        var other = await hotline.FileAsync(category, description: "路灯不亮", phone: null);
        static string N(JsonElement t) => t.GetProperty("number").GetString()!;
        return new Filed(category, N(normal), N(urgent), N(other));
    }

    [GeneratedRegex(@"^\d+$")]
    private static partial Regex Digits();

    [Theory]
    [InlineData("xlsx")]
    [InlineData("csv")]
    public async Task The_export_holds_the_lists_rows_in_its_order_with_chinese_labels_under_a_title(string format)
    {
        var filed = await FileThreeAsync();
        var hotline = await city.App.ClientForAsync("hotline");
        var list = await (await hotline.GetAsync($"/api/requests/queues/ToDispatch?categoryId={filed.Category}&sort=Urgency&pageSize=50")).Json(HttpStatusCode.OK);
        var listed = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("number").GetString()!).ToList();
        Assert.Equal(filed.Urgent, listed[0]);

        var file = await ExportFile.ReadAsync(await hotline.GetAsync($"/api/requests/queues/ToDispatch/export?format={format}&categoryId={filed.Category}&sort=Urgency"));
        Assert.StartsWith("工单队列 · 区域：沈阳市（2101）", file.Title);
        Assert.Contains("筛选：队列=" + RequestLabels.Of(Queue.ToDispatch), file.Title);
        Assert.Contains("排序=紧急优先", file.Title);
        Assert.Equal(QueueExport.Headers, file.Headers);
        Assert.Equal(listed, file.Rows.Select(r => r["工单编号"]));
        Assert.All(file.Rows, r => Assert.Equal(RequestLabels.Of(TicketState.Received), r["状态"]));
        Assert.Equal([RequestLabels.Of(Urgency.Urgent), RequestLabels.Of(Urgency.Normal), RequestLabels.Of(Urgency.Normal)], file.Rows.Select(r => r["紧急程度"]));
        Assert.All(file.Rows, r => Assert.DoesNotMatch(Digits(), r["诉求分类"]));
        Assert.All(file.Rows, r => Assert.Equal("水源地社区", r["发生地点（社区）"]));
        Assert.Equal(["否", "否", "否"], file.Rows.Select(r => r["是否超期"]));
        // A description a spreadsheet would run as a formula stays text.
        var urgent = file.Rows[0]["问题描述"];
        Assert.EndsWith("=乙楼暖气管漏水", urgent);
        if (format == "csv") Assert.Equal("'=乙楼暖气管漏水", urgent);

        var supervisor = await city.App.ClientForAsync("supervisor");
        var entries = await (await supervisor.PostAsJsonAsync("/api/audit/search", new { action = "export", subjectType = "ticket", userName = "hotline", pageSize = 500 }))
            .Json(HttpStatusCode.OK);
        var entry = entries.GetProperty("items").EnumerateArray().First(e => e.GetProperty("field").GetString() == format);
        Assert.Equal(3, entry.GetProperty("count").GetInt64());
        Assert.Contains("排序=紧急优先", entry.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task The_queue_page_links_to_an_export_of_what_it_shows()
    {
        var filed = await FileThreeAsync();
        var page = await PageClient.SignedInAsync(city.App, "hotline");
        var (status, html) = await page.GetAsync($"/requests/queues?queue=ToDispatch&CategoryId={filed.Category}&Sort=Created");
        Assert.Equal(HttpStatusCode.OK, status);
        var href = WebUtility.HtmlDecode(Regex.Match(html, "href=\"([^\"]+)\" id=\"export-csv\"").Groups[1].Value);
        Assert.StartsWith("/api/requests/queues/ToDispatch/export?", href);
        var file = await ExportFile.ReadAsync(await page.Http.GetAsync(href));
        Assert.Equal([filed.Normal, filed.Urgent, filed.Other], file.Rows.Select(r => r["工单编号"]));
    }

    [Theory]
    [InlineData("Created")]
    [InlineData("Due")]
    [InlineData("Urgency")]
    public async Task The_export_reads_in_keyset_batches_that_add_up_to_the_lists_order(string order)
    {
        var sort = Enum.Parse<QueueSort>(order);
        var filed = await FileThreeAsync();
        var hotline = await city.App.ClientForAsync("hotline");
        // One ticket with a running deadline among two without: both sides of "no deadline last".
        var dispatched = await (await hotline.GetAsync($"/api/requests/queues/ToDispatch?categoryId={filed.Category}&sort=Created")).Json(HttpStatusCode.OK);
        await hotline.OkAsync(dispatched.GetProperty("items")[1].GetProperty("id").GetInt64(), "dispatch");
        await city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<RequestsDbContext>();
            var narrowed = db.Tickets.AsNoTracking().Where(t => t.CategoryId == filed.Category);
            var expected = await TicketQueues.Order(narrowed, sort).Select(t => t.Number).ToListAsync();
            var batches = new List<List<QueueExport.Row>>();
            await foreach (var batch in QueueExport.BatchesAsync(narrowed, sort, 1, CancellationToken.None)) batches.Add(batch);
            Assert.Equal(3, batches.Count);
            Assert.Equal(expected, batches.SelectMany(b => b).Select(r => r.Number));
            // Each batch after the first seeks past the last row: a condition and a limit, no offset.
            var sql = QueueExport.Batch(narrowed, sort, batches[0][0], 1000).ToQueryString();
            Assert.DoesNotContain("OFFSET", sql, StringComparison.OrdinalIgnoreCase);
            Assert.Contains("LIMIT", sql, StringComparison.OrdinalIgnoreCase);
            return 0;
        });
    }

    [Fact]
    public async Task A_bad_format_or_filter_is_a_400_naming_the_field()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var format = await (await hotline.GetAsync("/api/requests/queues/ToDispatch/export?format=pdf")).Json(HttpStatusCode.BadRequest);
        Assert.True(format.GetProperty("errors").TryGetProperty("format", out _));
        var text = await (await hotline.GetAsync("/api/requests/queues/ToDispatch/export?text=x")).Json(HttpStatusCode.BadRequest);
        Assert.True(text.GetProperty("errors").TryGetProperty("text", out _));
        // A queue the caller's unit does not have.
        var water = await city.App.ClientForAsync("dept.water");
        var notTheirs = await (await water.GetAsync("/api/requests/queues/ToDispatch/export")).Json(HttpStatusCode.BadRequest);
        Assert.True(notTheirs.GetProperty("errors").TryGetProperty("queue", out _));
    }
}
