using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.BrowserTests;

/// <summary>
/// In Chromium: the description counter of the intake form (no cut text, a warning naming the limit and the length as
/// the user types), and a summons withdrawn from the ticket page by the community that blew the whistle.
/// </summary>
[Collection(LinliServer.Collection)]
public sealed class WhistleAndDescriptionTests(LinliServer server)
{
    private const string Community = "210102001002"; // demo.community's scope

    [Fact]
    public async Task The_description_counter_counts_as_the_user_types_and_warns_over_the_limit_without_cutting_the_text()
    {
        await using var resident = await server.OpenAsync(width: 390, height: 844);
        var page = resident.Page;
        await LinliServer.SignInAsync(page, "demo.resident");
        await page.GotoAsync("/requests/new");
        var counter = page.Locator("#Description-count");
        await Expect(counter).ToHaveTextAsync("已输入 0 / 4000 字");

        await page.Locator("#Description").PressSequentiallyAsync("路灯不亮");
        await Expect(counter).ToHaveTextAsync("已输入 4 / 4000 字");
        await Expect(counter).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\bhint\b"));

        // Pasted past the limit: the whole text stays in the field and the counter says by how much.
        var text = "井盖丢失" + new string('水', 3997);
        await page.FillAsync("#Description", text);
        await Expect(counter).ToHaveTextAsync("问题描述最多 4000 个字，当前 4001 个字，请删减后再提交。");
        await Expect(counter).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\berror\b"));
        Assert.Equal(4001, await page.Locator("#Description").EvaluateAsync<int>("el => el.value.length"));

        // Sent anyway: the server says the same and gives the text back whole.
        await page.SelectOptionAsync("#CategoryId", new SelectOptionValue { Index = 1 });
        await page.ClickAsync("button[name=Step][value=file]");
        await Expect(page.Locator(".validation")).ToContainTextAsync("问题描述最多 4000 个字，当前 4001 个字");
        Assert.Equal(text, await page.InputValueAsync("#Description"));
        await Expect(counter).ToHaveClassAsync(new System.Text.RegularExpressions.Regex(@"\berror\b"));

        // Shortened, the warning goes.
        await page.FillAsync("#Description", text[..4000]);
        await Expect(counter).ToHaveTextAsync("已输入 4000 / 4000 字");
        Assert.Empty(resident.Errors);
    }

    [Fact]
    public async Task The_community_withdraws_a_summons_from_the_ticket_page_and_may_then_reply()
    {
        var id = await WhistledTicketAsync();
        await using var community = await server.OpenAsync();
        var page = community.Page;
        await LinliServer.SignInAsync(page, "demo.community");
        await page.GotoAsync($"/requests/tickets/{id}");
        await Expect(page.Locator("#reply-form")).ToHaveCountAsync(0);
        await Expect(page.Locator("#reply-waits")).ToContainTextAsync("尚有被召集部门未报到");
        var waiting = page.Locator("#pending-summons li[data-department=water]");
        await Expect(waiting).ToBeVisibleAsync();

        await page.FillAsync("#withdraw-text-water", "经核实为燃气井盖，召集有误");
        await page.ClickAsync("#withdraw-water button[type=submit]");
        await Expect(page.Locator("p.success")).ToHaveTextAsync("已撤回召集，该部门将收到通知。");
        await Expect(page.Locator("#pending-summons")).ToHaveCountAsync(0);
        await Expect(page.Locator("#reply-form")).ToBeVisibleAsync();
        await Expect(page.Locator("#history tbody tr").Last).ToHaveAttributeAsync("data-action", "WithdrawSummons");
        await LinliServer.ScreenshotAsync(page, "summons-withdrawn");

        await page.FillAsync("#reply-text", "燃气公司已更换井盖。");
        await page.ClickAsync("#reply-form button[type=submit]");
        await Expect(page.Locator("#ticket-state")).ToHaveAttributeAsync("data-state", "Replied");
        Assert.Empty(community.Errors);
    }

    /// <summary>A ticket of demo.community's community, signed for by it, with the water department summoned — set up over the API.</summary>
    private async Task<long> WhistledTicketAsync()
    {
        using var hotline = await ClientAsync("demo.hotline");
        var leaves = await hotline.GetFromJsonAsync<JsonElement>("/api/requests/categories?level=3&pageSize=1");
        var category = leaves.GetProperty("items")[0].GetProperty("id").GetInt32();
        var filed = await (await hotline.PostAsJsonAsync("/api/requests/tickets",
            new { description = "井盖丢失（浏览器测试）", categoryId = category, communityCode = Community, contactPhone = "13900004321" })).Content.ReadFromJsonAsync<JsonElement>();
        var id = filed.GetProperty("ticket").GetProperty("id").GetInt64();
        (await hotline.PostAsJsonAsync($"/api/requests/tickets/{id}/dispatch", new { unitCode = "community" })).EnsureSuccessStatusCode();
        using var community = await ClientAsync("demo.community");
        (await community.PostAsJsonAsync($"/api/requests/tickets/{id}/sign", new { })).EnsureSuccessStatusCode();
        (await community.PostAsJsonAsync($"/api/requests/tickets/{id}/whistle", new { departmentCodes = new[] { "water" } })).EnsureSuccessStatusCode();
        return id;
    }

    private async Task<HttpClient> ClientAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new { userName, password = LinliServer.DemoPassword })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }
}
