using System.Text.RegularExpressions;
using static Microsoft.Playwright.Assertions;

namespace Linli.BrowserTests;

/// <summary>
/// The journey of a request through the pages, in Chromium: a resident files a request → the 12345 centre dispatches it to the
/// community → the community signs and whistles the water department → the department reports in → the community
/// replies → the resident rates it dissatisfied → it is reopened under supervision, as the ticket page shows.
/// </summary>
[Collection(LinliServer.Collection)]
public sealed class RequestJourneyTests(LinliServer server)
{
    private const string Community = "210102001002"; // demo.community's scope

    [Fact]
    public async Task A_request_goes_from_the_resident_to_the_community_and_the_water_department_and_back_under_supervision()
    {
        // The resident, on a phone-sized screen.
        string number;
        await using (var resident = await server.OpenAsync(width: 390, height: 844))
        {
            var page = resident.Page;
            await LinliServer.SignInAsync(page, "demo.resident");
            await page.ClickAsync("label.menu-button"); // on a phone the navigation is behind the menu button
            await page.ClickAsync("nav.main >> text=我要反映");
            await Expect(page).ToHaveURLAsync(new Regex("/requests/new$"));
            await page.FillAsync("#Description", "楼道里的自来水管漏水，地面全是水");
            await page.ClickAsync("button[name=Step][value=suggest]");
            var suggestion = page.Locator("input[name=SuggestedCategoryId]").First;
            await Expect(suggestion).ToBeVisibleAsync();
            await suggestion.CheckAsync();
            // Choosing a district and a street refreshes the picker (the page posts itself back).
            await page.SelectOptionAsync("#DistrictCode", Community[..6]);
            await Expect(page.Locator("#StreetCode")).ToBeVisibleAsync();
            await page.SelectOptionAsync("#StreetCode", Community[..9]);
            await Expect(page.Locator("#CommunityCode")).ToBeVisibleAsync();
            await page.SelectOptionAsync("#CommunityCode", Community);
            await Expect(page.Locator("input[name=SuggestedCategoryId]:checked")).ToHaveCountAsync(1);
            await page.FillAsync("#ContactPhone", "13912345678");
            await LinliServer.ScreenshotAsync(page, "request-new");
            await page.ClickAsync("button[name=Step][value=file]");
            await Expect(page).ToHaveURLAsync(new Regex(@"/requests/track/\d{14}$"));
            number = page.Url[^14..];
            await Expect(page.Locator("p.success")).ToContainTextAsync(number);
            Assert.DoesNotContain("13912345678", page.Url);
            Assert.Empty(resident.Errors);
        }

        // The centre finds it in its queue and sends it to the community where it happened.
        string ticketUrl;
        await using (var hotline = await server.OpenAsync())
        {
            var page = hotline.Page;
            await LinliServer.SignInAsync(page, "demo.hotline");
            await page.ClickAsync("nav.main >> text=工作队列");
            await page.ClickAsync("nav.tabs >> text=待派单");
            await page.ClickAsync($"#queue a:text-is('{number}')");
            await Expect(page).ToHaveURLAsync(new Regex(@"/requests/tickets/\d+$"));
            ticketUrl = new Uri(page.Url).AbsolutePath;
            await page.SelectOptionAsync("#dispatch-unit", "community");
            await page.FillAsync("#dispatch-text", "请社区核实处理");
            await page.ClickAsync("#dispatch-form button[type=submit]");
            await Expect(page.Locator("p.success")).ToHaveTextAsync("已派单。");
            await Expect(page.Locator("#ticket-state")).ToHaveAttributeAsync("data-state", "Dispatched");
        }

        // The community signs, then whistles the water department.
        await using (var community = await server.OpenAsync())
        {
            var page = community.Page;
            await LinliServer.SignInAsync(page, "demo.community");
            await page.GotoAsync("/requests/queues?queue=ToSign");
            await Expect(page.Locator($"#queue a:text-is('{number}')")).ToBeVisibleAsync();
            await page.GotoAsync(ticketUrl);
            await page.ClickAsync("#sign-form button[type=submit]");
            await Expect(page.Locator("#ticket-state")).ToHaveAttributeAsync("data-state", "InProgress");
            await page.CheckAsync("#whistle-form input[name=DepartmentCodes][value=water]");
            await page.FillAsync("#whistle-text", "疑似供水管线破损");
            await page.ClickAsync("#whistle-form button[type=submit]");
            await Expect(page.Locator("p.success")).ToContainTextAsync("已吹哨");
            // No reply form while the department has not reported in: the page says what it waits for.
            await Expect(page.Locator("#reply-form")).ToHaveCountAsync(0);
            await Expect(page.Locator("#reply-waits")).ToContainTextAsync("尚有被召集部门未报到");
        }

        // The water department reports in.
        await using (var department = await server.OpenAsync())
        {
            var page = department.Page;
            await LinliServer.SignInAsync(page, "demo.department");
            await page.GotoAsync("/requests/queues?queue=ToReportIn");
            await page.ClickAsync($"#queue a:text-is('{number}')");
            await page.FillAsync("#report-text", "已到场关闭阀门并更换管段");
            await page.ClickAsync("#report-in-form button[type=submit]");
            await Expect(page.Locator("p.success")).ToHaveTextAsync("已报到。");
        }

        // The community replies to the resident.
        await using (var community = await server.OpenAsync())
        {
            var page = community.Page;
            await LinliServer.SignInAsync(page, "demo.community");
            await page.GotoAsync(ticketUrl);
            await page.FillAsync("#reply-text", "水务部门已更换管段，漏水已修复。");
            await page.ClickAsync("#reply-form button[type=submit]");
            await Expect(page.Locator("#ticket-state")).ToHaveAttributeAsync("data-state", "Replied");
        }

        // The resident is not satisfied.
        await using (var resident = await server.OpenAsync(width: 390, height: 844))
        {
            var page = resident.Page;
            await LinliServer.SignInAsync(page, "demo.resident");
            await page.GotoAsync($"/requests/track/{number}");
            await Expect(page.Locator("td[data-state]")).ToHaveAttributeAsync("data-state", "Replied");
            await page.CheckAsync("#evaluate-form input[name=Rating][value=Dissatisfied]");
            await page.FillAsync("#Opinion", "还在漏");
            await page.ClickAsync("#evaluate-form button[type=submit]");
            await Expect(page.Locator("p.success")).ToContainTextAsync("评价已提交");
            await Expect(page.Locator("td[data-state]")).ToHaveAttributeAsync("data-state", "Dispatched");
            await Expect(page.Locator(".tag.supervised")).ToBeVisibleAsync();
        }

        // Reopened under supervision, on the ticket page the community works from.
        await using (var community = await server.OpenAsync())
        {
            var page = community.Page;
            await LinliServer.SignInAsync(page, "demo.community");
            await page.GotoAsync(ticketUrl);
            await Expect(page.Locator("#supervised")).ToBeVisibleAsync();
            await Expect(page.Locator("#ticket-state")).ToHaveAttributeAsync("data-state", "Dispatched");
            var history = page.Locator("#history tbody tr");
            await Expect(history.Last).ToHaveAttributeAsync("data-action", "Reopen");
            var actions = await history.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.action)");
            Assert.Equal(["File", "Dispatch", "Sign", "Whistle", "ReportIn", "Reply", "Evaluate", "Reopen"], actions);
            await Expect(page.Locator("#sign-form")).ToBeVisibleAsync();
            await LinliServer.ScreenshotAsync(page, "request-reopened");
            Assert.Empty(community.Errors);
        }
    }
}
