using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Linli.Tests.Requests.Pages;

namespace Linli.Tests.Ui;

/// <summary>
/// A refusal that reaches a page's form from the workflow or a search (its text a resource key, often with arguments) is
/// shown in the page's language: in English, the English text, not the Chinese key.
/// </summary>
[Collection("city")]
public sealed class EnglishFormMessageTests(CityFixture city)
{
    private async Task<PageClient> EnglishAsync(string user)
    {
        var client = await PageClient.SignedInAsync(city.App, user);
        var switched = await client.SubmitAsync("/", new() { ["culture"] = "en", ["returnUrl"] = "/" }, action: "/preferences/culture");
        Assert.Equal(HttpStatusCode.Redirect, switched.StatusCode);
        return client;
    }

    private static string Decoded(string html) => WebUtility.HtmlDecode(html);

    /// <summary>The ticket page's message box (the page also says in its own words which departments it waits for).</summary>
    private static string FormMessage(string html) =>
        Decoded(Regex.Match(html, "id=\"form-message\">(.*?)</div>", RegexOptions.Singleline) is { Success: true } m ? m.Groups[1].Value : "");

    [Fact]
    public async Task A_reply_refused_while_a_summoned_department_has_not_reported_in_says_so_in_english()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App), description: "楼道灯坏了")).Id();
        await hotline.OkAsync(id, "dispatch", new { unitCode = "community" });
        var cw = await city.App.ClientForAsync("cw.a");
        await cw.OkAsync(id, "sign");
        await cw.OkAsync(id, "whistle", new { departmentCodes = new[] { "water" }, opinion = "管线" });
        var version = (await hotline.GetTicketAsync(id)).GetProperty("version").GetInt32().ToString(CultureInfo.InvariantCulture);

        var page = $"/requests/tickets/{id}";
        var worker = await EnglishAsync("cw.a");
        var html = FormMessage(await (await worker.PostAsync(page, page + "?handler=Reply", ("Version", version), ("Text", "已修好"))).HtmlAsync());
        Assert.Contains("Summoned departments have not reported in yet (", html);
        Assert.DoesNotContain("尚有被召集部门未报到", html);

        // A refusal with an argument from the workflow itself: the department named is not one of the summoned.
        html = FormMessage(await (await worker.PostAsync(page, page + "?handler=WithdrawSummons", ("Version", version), ("Department", "gas"), ("Text", "误召"))).HtmlAsync());
        Assert.Contains("gas was not summoned to this ticket.", html);
        Assert.DoesNotContain("未被召集办理此工单", html);
    }

    [Fact]
    public async Task A_bulk_dispatch_without_a_selection_and_a_filter_that_does_not_read_say_so_in_english()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App), description: "路灯不亮了", phone: null);
        var page = await EnglishAsync("hotline");
        var response = await page.SubmitAsync("/requests/queues?queue=ToDispatch", new() { ["unitCode"] = "water" },
            "/requests/queues?handler=BulkDispatch&queue=ToDispatch");
        var html = Decoded(await response.HtmlAsync());
        Assert.Contains("Choose the tickets to dispatch.", html);
        Assert.DoesNotContain("请选择要派发的工单。", html);

        var (_, filtered) = await page.GetAsync("/requests/queues?queue=ToDispatch&Text=" + new string('灯', 60));
        Assert.Contains("Search for ", Decoded(filtered));
        Assert.DoesNotContain("搜索内容请输入", Decoded(filtered));
    }

    [Fact]
    public async Task A_resident_search_with_a_spoilt_cursor_says_so_in_english()
    {
        var page = await EnglishAsync("cw.a");
        var (status, html) = await page.GetAsync($"/residents?Community={CityFixture.CommunityA}&After=not-a-cursor");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("The cursor is not valid", Decoded(html));
        Assert.DoesNotContain("游标无效", Decoded(html));
    }

    [Fact]
    public async Task An_intake_form_sent_back_changed_or_without_a_description_says_so_in_english()
    {
        var category = (await RequestsApi.NewLeafAsync(city.App)).ToString(CultureInfo.InvariantCulture);
        var resident = await EnglishAsync("resident");
        var (_, form) = await resident.GetAsync("/requests/new");
        var key = Regex.Match(form, "name=\"SubmissionKey\" value=\"([^\"]+)\"").Groups[1].Value;
        (string, string)[] Fields(string description) =>
        [
            ("Description", description), ("CategoryId", category), ("CommunityCode", CityFixture.CommunityA),
            ("ContactPhone", "13900002222"), ("Urgency", "Normal"), ("Step", "file"), ("SubmissionKey", key),
        ];
        var description = "英文界面重交-" + Guid.NewGuid().ToString("N")[..8];
        var first = await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(description));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        var number = first.Headers.Location!.OriginalString[^14..];

        var changed = Decoded(await (await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(description + "补充"))).HtmlAsync());
        Assert.Contains($"This form was submitted already (request {number})", changed);
        Assert.DoesNotContain("这张表单已提交过", changed);

        var empty = Decoded(await (await resident.PostMultipartAsync("/requests/new", "/requests/new", Fields(""))).HtmlAsync());
        Assert.Contains("Describe the problem.", empty);
        Assert.DoesNotContain("请描述问题。", empty);
    }
}
