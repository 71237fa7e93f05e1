using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.BrowserTests;

/// <summary>
/// The pages with charts work under the Content-Security-Policy (scripts from files only, no inline code or styles):
/// the chart is drawn, its tooltip opens, and Chromium reports no violation, neither as an event nor in the console.
/// So do the home pages, the phone's folded menu and the 打印 button, which the page shell's script shows.
/// </summary>
[Collection(LinliServer.Collection)]
public sealed class ContentSecurityPolicyTests(LinliServer server)
{
    // Runs before the page's own scripts (Playwright injects it outside the policy) and records every violation.
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
          window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
        """;

    private static async Task<(BrowserSession Session, List<string> Console)> OpenAsync(LinliServer server, int width = 1280, int height = 900)
    {
        var session = await server.OpenAsync(width, height);
        var console = new List<string>();
        session.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase)) console.Add(message.Text);
        };
        await session.Page.AddInitScriptAsync(RecordViolations);
        return (session, console);
    }

    private static async Task AssertNoViolationsAsync(IPage page, List<string> console, BrowserSession session)
    {
        var violations = await page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.True(violations.Length == 0, "CSP violations:\n" + string.Join("\n", violations));
        Assert.True(console.Count == 0, "CSP messages in the console:\n" + string.Join("\n", console));
        Assert.Empty(session.Errors);
    }

    /// <summary>Opens the chart's tooltip (a positioned element ECharts styles from script) and waits until it shows.</summary>
    private static async Task ShowTooltipAsync(IPage page, string chartId, int dataIndex)
    {
        await page.EvaluateAsync($$"""() => echarts.getInstanceByDom(document.getElementById('{{chartId}}')).dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: {{dataIndex}} })""");
        await page.WaitForFunctionAsync($$"""() => [...document.querySelectorAll('#{{chartId}} div')].some(d => d.style.display !== 'none' && d.style.position === 'absolute' && d.textContent.trim().length > 0)""");
    }

    [Fact]
    public async Task The_district_map_draws_under_the_policy_without_a_violation()
    {
        var (session, console) = await OpenAsync(server);
        await using var _ = session;
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.supervisor");
        var response = await page.GotoAsync("/regions/map");
        Assert.Contains("script-src 'self';", await response!.HeaderValueAsync("content-security-policy"));

        var map = page.Locator("#map");
        await Expect(map).ToHaveAttributeAsync("data-ready", "true");
        await Expect(map.Locator("canvas").First).ToBeVisibleAsync();
        await ShowTooltipAsync(page, "map", 0);
        await AssertNoViolationsAsync(page, console, session);
    }

    [Fact]
    public async Task The_metrics_chart_draws_under_the_policy_without_a_violation()
    {
        var (session, console) = await OpenAsync(server);
        await using var _ = session;
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.supervisor");
        await page.GotoAsync("/requests/metrics?period=year");

        var chart = page.Locator("#metrics-chart");
        await Expect(chart).ToHaveAttributeAsync("data-ready", "true");
        await ShowTooltipAsync(page, "metrics-chart", 0);
        await AssertNoViolationsAsync(page, console, session);
    }

    [Fact]
    public async Task The_service_desk_statistics_chart_draws_under_the_policy_without_a_violation()
    {
        var (session, console) = await OpenAsync(server);
        await using var _ = session;
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.supervisor");
        // The demo city's year of synthetic cases, by district.
        await page.GotoAsync("/service-desk/statistics?groupBy=District");

        var chart = page.Locator("#stats-chart");
        await Expect(chart).ToHaveAttributeAsync("data-ready", "true");
        await Expect(chart.Locator("canvas").First).ToBeVisibleAsync();
        await ShowTooltipAsync(page, "stats-chart", 0);
        await AssertNoViolationsAsync(page, console, session);
    }

    [Fact]
    public async Task The_api_reference_renders_under_its_own_policy()
    {
        var (session, console) = await OpenAsync(server);
        await using var _ = session;
        var page = session.Page;
        // Scalar renders the operations near the one in view: open the tag of the operation looked for, however many come before it.
        var response = await page.GotoAsync("/api-docs/#tag/accounts");
        Assert.Contains("frame-ancestors 'none'", await response!.HeaderValueAsync("content-security-policy"));
        // Scalar draws the operations with its script; the document's title heading appears only once it ran.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Linli | v1", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await AssertNoViolationsAsync(page, console, session);
    }

    [Theory]
    [InlineData("demo.resident")]
    [InlineData("demo.community")]
    [InlineData("demo.department")]
    [InlineData("demo.hotline")]
    [InlineData("demo.supervisor")]
    [InlineData("demo.admin")]
    public async Task The_home_page_and_the_folded_menu_on_a_phone_work_under_the_policy_without_a_violation(string userName)
    {
        var (session, console) = await OpenAsync(server, 375, 667);
        await using var _ = session;
        var page = session.Page;
        await LinliServer.SignInAsync(page, userName);
        var response = await page.GotoAsync("/");
        Assert.Contains("script-src 'self';", await response!.HeaderValueAsync("content-security-policy"));
        await Expect(page.Locator("#more-work [data-tile='regions']")).ToBeVisibleAsync();

        // The menu folds and unfolds (a checkbox and its label, styled from the site's style sheet).
        await Expect(page.Locator("nav.main")).Not.ToBeVisibleAsync();
        await page.ClickAsync("label.menu-button");
        await Expect(page.Locator("nav.main")).ToBeVisibleAsync();
        await Expect(page.Locator("nav.main a[href='/inbox']")).ToBeVisibleAsync();
        await page.ClickAsync("label.menu-button");
        await Expect(page.Locator("nav.main")).Not.ToBeVisibleAsync();
        await AssertNoViolationsAsync(page, console, session);
    }

    [Fact]
    public async Task The_print_button_prints_and_stamps_the_time_under_the_policy_without_a_violation()
    {
        var (session, console) = await OpenAsync(server);
        await using var _ = session;
        var page = session.Page;
        await page.AddInitScriptAsync("window.__printed = 0; window.print = () => { window.__printed++; };");
        await LinliServer.SignInAsync(page, "demo.hotline");
        await page.GotoAsync("/requests/queues?queue=InProgress");
        var stamp = page.Locator(".print-header [data-print-time]");
        await page.EvaluateAsync("() => { document.querySelector('.print-header [data-print-time]').textContent = ''; }");
        var print = page.Locator("main button[data-print]");
        await Expect(print).ToBeVisibleAsync();
        await print.ClickAsync();
        Assert.Equal(1, await page.EvaluateAsync<int>("() => window.__printed"));
        await Expect(stamp).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$"));
        await AssertNoViolationsAsync(page, console, session);
    }
}
