using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.BrowserTests;

/// <summary>
/// The page shell on a phone and on paper: the header folds behind a menu button that works without JavaScript, no page
/// is wider than a phone in large-text mode (wide tables scroll in their own box), and printing leaves out navigation,
/// forms and buttons and heads the page with its title and the print time.
/// </summary>
[Collection(LinliServer.Collection)]
public sealed class ShellTests(LinliServer server)
{
    // iPhone SE (the narrowest phone in use) and iPhone 14.
    public static TheoryData<int, int> Phones => new() { { 375, 667 }, { 390, 844 } };

    private static Task<float> HeaderHeightAsync(IPage page) =>
        page.Locator("header.top").EvaluateAsync<float>("h => h.getBoundingClientRect().height");

    private static async Task LargeTextAsync(IPage page)
    {
        await page.ClickAsync("form[action='/preferences/contrast'] button");
        await Expect(page.Locator("body")).ToHaveClassAsync("large-contrast");
    }

    [Theory]
    [MemberData(nameof(Phones))]
    public async Task On_a_phone_the_header_takes_at_most_a_fifth_of_the_screen_and_its_menu_opens_without_javascript(int width, int height)
    {
        await using var session = await server.OpenAsync(width, height, javaScript: false);
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.community");
        foreach (var largeText in new[] { false, true })
        {
            if (largeText) await LargeTextAsync(page);
            await page.GotoAsync("/");
            var header = await HeaderHeightAsync(page);
            Assert.True(header <= height * 0.2, $"the header is {header} px of {height} (large text: {largeText})");
            await Expect(page.Locator("nav.main")).Not.ToBeVisibleAsync();
            await Expect(page.Locator("header .who")).Not.ToBeVisibleAsync();

            await page.ClickAsync("label.menu-button");
            await Expect(page.Locator("nav.main")).ToBeVisibleAsync();
            await Expect(page.Locator("header .who")).ToBeVisibleAsync();
            await LinliServer.ScreenshotAsync(page, $"phone-menu-{width}-{(largeText ? "large" : "normal")}");
            await page.ClickAsync("nav.main >> text=工作队列");
            await Expect(page).ToHaveURLAsync(new Regex("/requests/queues$"));
            await Expect(page.Locator("nav.main")).Not.ToBeVisibleAsync();
        }
    }

    [Fact]
    public async Task On_a_desktop_the_navigation_shows_without_a_menu_button()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.community");
        await Expect(page.Locator("nav.main")).ToBeVisibleAsync();
        await Expect(page.Locator("label.menu-button")).Not.ToBeVisibleAsync();
        await Expect(page.Locator("nav.main a[href='/inbox']")).ToBeVisibleAsync();
    }

    /// <summary>Elements that stick out to the right of the viewport, for the failure message.</summary>
    private const string Overflowing = """
        () => [...document.querySelectorAll('body *')]
          .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1
                       || (e.scrollWidth > e.clientWidth + 1 && getComputedStyle(e).overflowX === 'visible'))
          .filter(e => { for (let p = e.parentElement; p; p = p.parentElement) { const o = getComputedStyle(p).overflowX; if (o === 'auto' || o === 'scroll' || o === 'hidden') return false; } return true; })
          .slice(0, 5).map(e => e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + String(e.className).replaceAll(' ', '.') : '') + ' ' + Math.round(e.getBoundingClientRect().right))
        """;

    /// <summary>Null when the page fits the viewport; else what sticks out.</summary>
    private static async Task<string?> OverflowAsync(IPage page, string what)
    {
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
        var wide = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth + 1 || document.body.scrollWidth > window.innerWidth + 1");
        if (!wide) return null;
        var culprits = await page.EvaluateAsync<string[]>(Overflowing);
        return $"{what} is wider than the phone ({await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth")} px): {string.Join(", ", culprits)}";
    }

    [Fact]
    public async Task No_page_is_wider_than_a_phone_in_large_text_mode()
    {
        var pages = new (string User, string[] Paths)[]
        {
            ("demo.community", ["/", "/requests/queues", "/requests/queues?queue=Overdue", "/inbox", "/regions/210102001002", "/residents/import", "/residents/verifications?Show=all", "/requests/patrol"]),
            ("demo.supervisor", ["/", "/requests/metrics?period=year", "/requests/metrics?GroupBy=Region", "/audit", "/audit/verify", "/regions/map", "/regions/search?q=社区"]),
            ("demo.admin", ["/admin/accounts", "/admin/holidays", "/requests/admin/rules", "/requests/admin/categories"]),
            ("demo.hotline", ["/requests/console", "/requests/queues?queue=ToDispatch"]),
            ("demo.resident", ["/", "/requests/mine", "/requests/new"]),
            ("demo.department", ["/requests/queues"]),
        };
        var failures = new List<string?>();
        foreach (var (user, paths) in pages)
        {
            await using var session = await server.OpenAsync(375, 812);
            var page = session.Page;
            await LinliServer.SignInAsync(page, user);
            await LargeTextAsync(page);
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                failures.Add(await OverflowAsync(page, $"{path} ({user})"));
            }
            if (user == "demo.hotline")
            {
                // A ticket with its history.
                await page.GotoAsync("/requests/queues?queue=InProgress");
                await page.Locator("#queue a[href^='/requests/tickets/']").First.ClickAsync();
                await Expect(page.Locator("#history")).ToBeVisibleAsync();
                failures.Add(await OverflowAsync(page, "the ticket page"));
                await LinliServer.ScreenshotAsync(page, "phone-large-ticket");
            }
            if (user == "demo.community")
            {
                // The resident search's results.
                await page.GotoAsync("/residents");
                await page.FillAsync("#Community", "210102001002");
                await page.ClickAsync("main form button[type=submit]");
                await Expect(page.Locator("main table")).ToBeVisibleAsync();
                failures.Add(await OverflowAsync(page, "the resident search results"));
                await LinliServer.ScreenshotAsync(page, "phone-large-residents");
            }
        }
        Assert.True(failures.All(f => f is null), string.Join("\n", failures.OfType<string>()));
    }

    [Fact]
    public async Task On_a_390_px_phone_in_large_text_mode_no_page_of_any_role_scrolls_sideways()
    {
        // A caller with a long, unbroken description, so the console's caller history has a row to lay out.
        const string caller = "13900007390";
        using (var hotline = await ApiClientAsync("demo.hotline"))
        {
            var leaves = await hotline.GetFromJsonAsync<JsonElement>("/api/requests/categories?level=3&pageSize=1");
            var category = leaves.GetProperty("items")[0].GetProperty("id").GetInt32();
            (await hotline.PostAsJsonAsync("/api/requests/tickets", new
            {
                description = "小区东门路灯不亮已经三天晚上出行很不方便请尽快派人维修（浏览器测试大字模式）",
                categoryId = category, communityCode = "210102001002", contactPhone = caller,
            })).EnsureSuccessStatusCode();
        }
        using (var resident = await ApiClientAsync("demo.resident"))
        {
            var leaves = await resident.GetFromJsonAsync<JsonElement>("/api/requests/categories?level=3&pageSize=1");
            var category = leaves.GetProperty("items")[0].GetProperty("id").GetInt32();
            (await resident.PostAsJsonAsync("/api/requests/tickets", new
            {
                description = "楼道灯坏了（浏览器测试大字模式）", categoryId = category, communityCode = "210102001002",
                address = "和平区南京南街1号楼3单元", contactPhone = "13900007391",
            })).EnsureSuccessStatusCode();
        }
        var pages = new (string User, string[] Paths)[]
        {
            ("demo.resident", ["/", "/requests/mine", "/requests/new", "/appointments"]),
            ("demo.community", ["/", "/requests/queues", "/inbox", "/requests/patrol", "/appointments/manage", "/appointments/queue"]),
            ("demo.street", ["/", "/requests/queues"]),
            ("demo.department", ["/", "/requests/queues"]),
            ("demo.supervisor", ["/", "/requests/metrics", "/requests/metrics?GroupBy=Region", "/audit"]),
            ("demo.hotline", ["/", "/requests/console", "/requests/queues?queue=ToDispatch"]),
            ("demo.admin", ["/", "/admin/accounts", "/audit"]),
        };
        var failures = new List<string?>();
        foreach (var (user, paths) in pages)
        {
            await using var session = await server.OpenAsync(390, 844);
            var page = session.Page;
            await LinliServer.SignInAsync(page, user);
            await LargeTextAsync(page);
            foreach (var path in paths)
            {
                await page.GotoAsync(path);
                failures.Add(await OverflowAsync(page, $"{path} ({user})"));
            }
            if (user == "demo.hotline")
            {
                await page.GotoAsync("/requests/console");
                await page.FillAsync("#LookupPhone", caller);
                await page.ClickAsync("#lookup-form button[type=submit]");
                await Expect(page.Locator("#caller-history")).ToBeVisibleAsync();
                failures.Add(await OverflowAsync(page, "the console with a caller history"));
                await LinliServer.ScreenshotAsync(page, "phone-390-large-console");

                await page.Locator("#caller-history a[href^='/requests/tickets/']").First.ClickAsync();
                await Expect(page.Locator("table.facts")).ToBeVisibleAsync();
                failures.Add(await OverflowAsync(page, "the ticket page"));
                await LinliServer.ScreenshotAsync(page, "phone-390-large-ticket");
            }
            if (user == "demo.resident")
            {
                await page.GotoAsync("/requests/mine");
                await page.Locator("main a[href^='/requests/track/']").First.ClickAsync();
                await Expect(page.Locator("table.facts")).ToBeVisibleAsync();
                failures.Add(await OverflowAsync(page, "the resident's ticket page"));
            }
            if (user == "demo.community")
            {
                await page.GotoAsync("/residents");
                await page.FillAsync("#Community", "210102001002");
                await page.ClickAsync("main form button[type=submit]");
                await Expect(page.Locator("main table")).ToBeVisibleAsync();
                failures.Add(await OverflowAsync(page, "the resident search results"));
                await page.Locator("main table a[href^='/residents/']").First.ClickAsync();
                await Expect(page).ToHaveURLAsync(new Regex(@"/residents/\d+$"));
                failures.Add(await OverflowAsync(page, "a resident's page"));
                await LinliServer.ScreenshotAsync(page, "phone-390-large-resident");
            }
        }
        Assert.True(failures.All(f => f is null), string.Join("\n", failures.OfType<string>()));
    }

    private async Task<HttpClient> ApiClientAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = new Uri(server.BaseUrl) };
        var token = await (await client.PostAsJsonAsync("/api/auth/token", new { userName, password = LinliServer.DemoPassword })).Content.ReadFromJsonAsync<JsonElement>();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token.GetProperty("accessToken").GetString());
        return client;
    }

    [Fact]
    public async Task Printing_a_ticket_leaves_out_navigation_forms_and_buttons_and_heads_it_with_its_title_and_time()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await page.AddInitScriptAsync("window.__printed = 0; window.print = () => { window.__printed++; };");
        await LinliServer.SignInAsync(page, "demo.hotline");
        await page.GotoAsync("/requests/queues?queue=InProgress");
        await page.Locator("#queue a[href^='/requests/tickets/']").First.ClickAsync();
        await Expect(page.Locator("#history")).ToBeVisibleAsync();
        var title = (await page.Locator("h1").First.InnerTextAsync()).Trim();

        // On screen: the 打印 button (shown by the shell script) prints; the print header is not shown.
        var print = page.Locator("main button[data-print]");
        await Expect(print).ToBeVisibleAsync();
        await Expect(page.Locator(".print-header")).Not.ToBeVisibleAsync();
        await print.ClickAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__printed"));

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("header.top")).Not.ToBeVisibleAsync();
        await Expect(page.Locator("nav.main")).Not.ToBeVisibleAsync();
        await Expect(page.Locator("footer")).Not.ToBeVisibleAsync();
        await Expect(print).Not.ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("main form").EvaluateAllAsync<int>("forms => forms.filter(f => f.checkVisibility()).length"));
        Assert.Equal(0, await page.Locator("main button").EvaluateAllAsync<int>("buttons => buttons.filter(b => b.checkVisibility()).length"));
        var header = page.Locator(".print-header");
        await Expect(header).ToBeVisibleAsync();
        Assert.StartsWith(await page.Locator(".print-header b").InnerTextAsync(), title);
        await Expect(header.Locator("[data-print-time]")).ToHaveTextAsync(new Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"));
        await Expect(page.Locator("#history")).ToBeVisibleAsync();
        await Expect(page.Locator("table.facts")).ToBeVisibleAsync();

        // Black on white, links not underlined, rows kept whole.
        var styles = await page.EvaluateAsync<string[]>("""
            () => { const a = document.querySelector('main a'), b = getComputedStyle(document.body), r = getComputedStyle(document.querySelector('#history tbody tr'));
                     return [getComputedStyle(a).textDecorationLine, getComputedStyle(a).color, b.color, b.backgroundColor, r.breakInside]; }
            """);
        Assert.Equal(["none", "rgb(0, 0, 0)", "rgb(0, 0, 0)"], styles[..3]);
        Assert.Contains(styles[3], new[] { "rgba(0, 0, 0, 0)", "rgb(255, 255, 255)" });
        Assert.Equal("avoid", styles[4]);
        await LinliServer.ScreenshotAsync(page, "print-ticket");

        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Screen });
        await Expect(page.Locator("header.top")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task Printing_a_queue_keeps_the_name_of_the_queue_and_its_rows_but_not_the_other_tabs()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.hotline");
        await page.GotoAsync("/requests/queues?queue=InProgress");
        await Expect(page.Locator("main button[data-print]")).ToBeVisibleAsync();
        await page.EmulateMediaAsync(new PageEmulateMediaOptions { Media = Media.Print });
        await Expect(page.Locator("nav.tabs a.current")).ToBeVisibleAsync();
        Assert.Equal(0, await page.Locator("nav.tabs a:not(.current)").EvaluateAllAsync<int>("tabs => tabs.filter(t => t.checkVisibility()).length"));
        await Expect(page.Locator("#queue")).ToBeVisibleAsync();
        await Expect(page.Locator(".print-header b")).ToHaveTextAsync("工作队列");
        await Expect(page.Locator("header.top")).Not.ToBeVisibleAsync();
    }
}
