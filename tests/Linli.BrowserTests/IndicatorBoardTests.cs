using static Microsoft.Playwright.Assertions;

namespace Linli.BrowserTests;

[Collection(LinliServer.Collection)]
public sealed class IndicatorBoardTests(LinliServer server)
{
    [Fact]
    public async Task A_supervisor_opens_a_district_from_the_map_sees_its_streets_ranked_opens_a_numbers_explanation_and_downloads_the_report()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.supervisor");
        await page.GotoAsync("/indicators");

        var map = page.Locator("#indicator-map");
        await Expect(map).ToHaveAttributeAsync("data-ready", "true");
        await Expect(page.Locator("#ranking-table tbody tr")).ToHaveCountAsync(13);
        await LinliServer.ScreenshotAsync(page, "indicator-board");

        // The middle of the district whose bounding box is largest: its label centre lies inside it.
        var target = await page.EvaluateAsync<MapTests.TargetPoint>("""
            async () => {
              const geo = await (await fetch('/api/regions/boundaries.geojson')).json();
              const ring = g => g.type === 'Polygon' ? g.coordinates.flat() : g.coordinates.flat(2);
              let best = null, bestArea = 0;
              for (const f of geo.features) {
                const pts = ring(f.geometry);
                const xs = pts.map(p => p[0]), ys = pts.map(p => p[1]);
                const area = (Math.max(...xs) - Math.min(...xs)) * (Math.max(...ys) - Math.min(...ys));
                if (area > bestArea) { bestArea = area; best = f; }
              }
              const chart = echarts.getInstanceByDom(document.getElementById('indicator-map'));
              const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, best.properties.center);
              return { code: best.properties.code, x, y };
            }
            """);
        await map.ScrollIntoViewIfNeededAsync();
        var box = (await map.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (float)target.X, box.Y + (float)target.Y);
        await Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex($"/indicators\\?region={target.Code}&"));

        // The district's streets, ranked; a number opens its explanation.
        var streets = page.Locator("#ranking-table tbody tr");
        Assert.True(await streets.CountAsync() > 0);
        foreach (var code in await streets.EvaluateAllAsync<string[]>("rows => rows.map(r => r.dataset.code)"))
            Assert.Matches($"^{target.Code}\\d{{3}}$", code);
        await page.Locator("#indicator-table td.num a.value").First.ClickAsync();
        await Expect(page.Locator("#explanation")).ToBeVisibleAsync();
        await Expect(page.Locator("#measure-table tbody tr").First).ToBeVisibleAsync();
        await Expect(page.Locator("#trend-chart")).ToHaveAttributeAsync("data-ready", "true");

        await page.GoBackAsync();
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#report-xlsx").ClickAsync());
        Assert.EndsWith(".xlsx", download.SuggestedFilename);
        Assert.StartsWith($"indicator-report-{target.Code}-", download.SuggestedFilename);
        var path = await download.PathAsync();
        var head = new byte[2];
        await using (var file = File.OpenRead(path)) Assert.Equal(2, await file.ReadAsync(head));
        Assert.Equal("PK"u8.ToArray(), head);
        Assert.Empty(session.Errors);
    }
}
