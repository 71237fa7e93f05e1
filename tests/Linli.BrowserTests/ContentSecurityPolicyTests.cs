using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.BrowserTests;

/// <summary>
/// The pages with charts work under the Content-Security-Policy (scripts from files only, no inline code or styles):
/// the chart is drawn, its tooltip opens, and Chromium reports no violation, neither as an event nor in the console.
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

    private static async Task<(BrowserSession Session, List<string> Console)> OpenAsync(LinliServer server)
    {
        var session = await server.OpenAsync();
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
    public async Task The_api_reference_renders_under_its_own_policy()
    {
        var (session, console) = await OpenAsync(server);
        await using var _ = session;
        var page = session.Page;
        var response = await page.GotoAsync("/api-docs/");
        Assert.Contains("frame-ancestors 'none'", await response!.HeaderValueAsync("content-security-policy"));
        // Scalar draws the operations with its script; the document's title heading appears only once it ran.
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Linli | v1", Level = 1 })).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await AssertNoViolationsAsync(page, console, session);
    }
}
