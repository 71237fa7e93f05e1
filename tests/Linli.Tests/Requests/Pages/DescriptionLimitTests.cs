using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Linli.Modules.Requests.Data;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Linli.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests.Pages;

/// <summary>
/// A description over the limit is never cut: every intake form keeps the whole text in the field and says the limit and
/// the length; the counter shows both; line breaks count once, as the browser counts them.
/// </summary>
[Collection("city")]
public sealed class DescriptionLimitTests(CityFixture city)
{
    private static string TextareaContent(string html) =>
        System.Net.WebUtility.HtmlDecode(Regex.Match(html, "<textarea id=\"Description\"[^>]*>(.*?)</textarea>", RegexOptions.Singleline).Groups[1].Value);

    private async Task<int> CountAsync(string description) =>
        await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Tickets.IgnoreQueryFilters().CountAsync(t => t.Description == description));

    public static TheoryData<string, string> Forms => new()
    {
        { "resident", "/requests/new" },
        { "hotline", "/requests/console" },
        { "grid", "/requests/patrol" },
    };

    [Theory]
    [MemberData(nameof(Forms))]
    public async Task A_description_over_the_limit_is_kept_whole_with_a_message_naming_the_limit_and_its_length(string who, string page)
    {
        var user = who;
        if (who == "grid")
        {
            user = "grid.limit." + Guid.NewGuid().ToString("N")[..6];
            await city.App.CreateUserAsync(user, Roles.GridWorker, (await RequestsApi.GridsAsync(city.App, CityFixture.CommunityA))[0].Code);
        }
        var client = await PageClient.SignedInAsync(city.App, user);
        var (_, empty) = await client.GetAsync(page);
        Assert.Contains("data-limit=\"4000\"", empty);
        Assert.DoesNotContain("maxlength=\"4000\"", empty);
        Assert.Contains("已输入 0 / 4000 字", empty);
        Assert.Contains("src=\"/js/text-limit.js", empty);

        var category = await RequestsApi.NewLeafAsync(city.App);
        var text = "井盖丢失" + new string('水', 3997) + Guid.NewGuid().ToString("N")[..4]; // 4005 characters
        var html = await (await client.PostMultipartAsync(page, page,
            [("Description", text), ("CategoryId", category.ToString()), ("CommunityCode", CityFixture.CommunityA), ("Urgency", "Normal"), ("Step", "file")])).HtmlAsync();
        Assert.Contains("问题描述最多 4000 个字，当前 4005 个字，请删减后再提交。", html);
        Assert.Equal(text, TextareaContent(html));
        Assert.Equal(0, await CountAsync(text));

        // Asking for suggestions with the long text keeps it too, and still says it is too long.
        html = await (await client.PostMultipartAsync(page, page, [("Description", text), ("Step", "suggest")])).HtmlAsync();
        Assert.Equal(text, TextareaContent(html));
        Assert.Contains("当前 4005 个字", html);
    }

    [Fact]
    public async Task Line_breaks_count_once_as_the_browser_counts_them_so_a_text_at_the_limit_is_filed()
    {
        var resident = await PageClient.SignedInAsync(city.App, "resident");
        var category = await RequestsApi.NewLeafAsync(city.App);
        var marker = Guid.NewGuid().ToString("N")[..10];
        // 20 lines: 4000 characters with one-character line breaks, 4019 as the browser sends them (CR LF).
        var lines = Enumerable.Range(0, 20).Select(i => (i == 0 ? marker : "") + new string('路', (i == 19 ? 200 : 199) - (i == 0 ? marker.Length : 0))).ToList();
        var sent = string.Join("\r\n", lines);
        Assert.Equal(4019, sent.Length);
        var response = await resident.PostMultipartAsync("/requests/new", "/requests/new",
            [("Description", sent), ("CategoryId", category.ToString()), ("CommunityCode", CityFixture.CommunityA), ("Urgency", "Normal"), ("Step", "file")]);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await CountAsync(string.Join("\n", lines)));
    }

    [Fact]
    public async Task The_api_refuses_a_description_over_the_limit_with_a_problem_naming_the_field()
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var response = await (await city.App.ClientForAsync("hotline")).PostAsJsonAsync("/api/requests/tickets",
            new { description = new string('水', 4001), categoryId = category, communityCode = CityFixture.CommunityA });
        var problem = await response.Json(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty("Description", out _));
    }
}
