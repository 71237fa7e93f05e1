using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Linli.BrowserTests;

/// <summary>
/// The foundation journey of a community worker: from the region tree to a resident of their own community, shown
/// masked and revealed only with a reason, and no way into a resident of another community.
/// </summary>
[Collection(LinliServer.Collection)]
public sealed partial class ResidentJourneyTests(LinliServer server)
{
    private const string OwnCommunity = "210102001002";   // demo.community's scope
    private const string OtherCommunity = "210102002001"; // same district, another street

    [GeneratedRegex(@"^\d{4}\*{14}$")]
    private static partial Regex MaskedId();

    [GeneratedRegex(@"^\d{3}\*{4}\d{4}$")]
    private static partial Regex MaskedPhone();

    [Fact]
    public async Task A_community_worker_opens_an_own_resident_masked_and_cannot_open_one_of_another_community()
    {
        var outsider = await ResidentIdInAsync(OtherCommunity);

        await using var session = await server.OpenAsync();
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.community");

        // Down the tree to the own community, then to its residents.
        await page.GotoAsync("/regions");
        foreach (var code in new[] { "210102", "210102001", OwnCommunity })
            await page.Locator($"table.children a[href='/regions/{code}']").ClickAsync();
        await Expect(page.Locator("ol.breadcrumbs li")).ToHaveCountAsync(4);

        await page.ClickAsync("nav.main >> text=居民查询");
        await Expect(page).ToHaveURLAsync(new Regex("/residents"));
        await page.FillAsync("#Community", OwnCommunity);
        await page.ClickAsync("form >> text=查询");
        var rows = page.Locator("table tbody tr");
        await Expect(rows.First).ToBeVisibleAsync();
        var communities = await page.Locator("table tbody tr").AllInnerTextsAsync();
        Assert.DoesNotContain(communities, row => row.Contains(OtherCommunity));

        await rows.First.Locator("a[href^='/residents/']").First.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex(@"/residents/\d+$"));
        var id = (await page.Locator("td.masked").First.InnerTextAsync()).Trim();
        Assert.Matches(MaskedId(), id);
        Assert.StartsWith("2101", id);
        var phone = (await page.Locator("td.masked").Nth(1).InnerTextAsync()).Trim();
        if (phone.Length > 0 && phone != "—") Assert.Matches(MaskedPhone(), phone);
        Assert.DoesNotMatch(@"\d{18}|\d{17}X", await page.ContentAsync());
        await LinliServer.ScreenshotAsync(page, "resident-masked");

        // The full number only with a reason, and then it is shown once.
        await page.FillAsync("#Reason", "入户走访核对身份");
        await page.ClickAsync("form >> text=查看完整号码");
        var full = (await page.Locator("#revealed").InnerTextAsync()).Trim();
        Assert.Matches(@"^\d{17}[\dX]$", full);
        Assert.Equal(id[..4], full[..4]);
        // The mask showed nothing else of it; the birth date comes with the full number only.
        Assert.Equal(new string('*', 14), id[4..]);
        var birthDate = (await page.Locator("#revealed-birth-date").InnerTextAsync()).Trim();
        Assert.Equal($"{full[6..10]}-{full[10..12]}-{full[12..14]}", birthDate);

        // A resident of another community is not found, exactly like one that does not exist.
        var response = await page.GotoAsync($"/residents/{outsider}");
        Assert.Equal(404, response!.Status);
        var missing = await page.GotoAsync("/residents/999999999");
        Assert.Equal(404, missing!.Status);

        // And the district map is drawn for this worker too.
        await page.GotoAsync("/regions/map");
        await Expect(page.Locator("#map")).ToHaveAttributeAsync("data-ready", "true");
        await Expect(page.Locator("#map canvas").First).ToBeVisibleAsync();
        Assert.Empty(session.Errors);
    }

    /// <summary>A resident id in a community, looked up as the city supervisor through the API.</summary>
    private async Task<long> ResidentIdInAsync(string community)
    {
        using var http = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var token = await (await http.PostAsJsonAsync("/api/auth/token", new { userName = "demo.supervisor", password = LinliServer.DemoPassword }))
            .EnsureSuccessStatusCode().Content.ReadFromJsonAsync<JsonElement>();
        http.DefaultRequestHeaders.Authorization = new("Bearer", token.GetProperty("accessToken").GetString());
        var page = await http.GetFromJsonAsync<JsonElement>($"/api/residents?communityCode={community}&pageSize=1");
        var items = page.GetProperty("items");
        Assert.True(items.GetArrayLength() > 0, $"the demo city has no resident in {community}");
        return items[0].GetProperty("id").GetInt64();
    }
}
