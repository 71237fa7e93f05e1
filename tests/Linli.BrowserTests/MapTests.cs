using static Microsoft.Playwright.Assertions;

namespace Linli.BrowserTests;

[Collection(LinliServer.Collection)]
public sealed class MapTests(LinliServer server)
{
    [Fact]
    public async Task The_district_map_is_drawn_recoloured_and_opens_a_district_on_click()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.supervisor");
        await page.GotoAsync("/regions/map");

        var map = page.Locator("#map");
        await Expect(map).ToHaveAttributeAsync("data-ready", "true");
        await Expect(map.Locator("canvas").First).ToBeVisibleAsync();
        await Expect(page.Locator("#district-table tbody tr")).ToHaveCountAsync(13);
        await LinliServer.ScreenshotAsync(page, "district-map");

        await page.SelectOptionAsync("#count-key", "grids");
        await Expect(map).ToHaveAttributeAsync("data-count", "grids");

        // Click the middle of the district whose bounding box is largest: its label centre lies inside it.
        var target = await page.EvaluateAsync<TargetPoint>("""
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
              const chart = echarts.getInstanceByDom(document.getElementById('map'));
              const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, best.properties.center);
              return { code: best.properties.code, x, y };
            }
            """);
        var box = (await map.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (float)target.X, box.Y + (float)target.Y);
        await Expect(page).ToHaveURLAsync($"{server.BaseUrl}/regions/{target.Code}");
        Assert.Empty(session.Errors);
    }

    [Fact]
    public async Task Without_javascript_the_map_page_still_lists_the_districts()
    {
        await using var session = await server.OpenAsync(javaScript: false);
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.supervisor");
        await page.GotoAsync("/regions/map?count=grids");
        await Expect(page.Locator("#district-table tbody tr")).ToHaveCountAsync(13);
        await Expect(page.Locator("#district-table th.chosen")).ToHaveTextAsync("网格");
        await Expect(page.Locator("#map-form button[type=submit]")).ToBeVisibleAsync();
    }

    [Fact]
    public async Task A_click_on_the_intake_map_fills_the_requests_point()
    {
        await using var session = await server.OpenAsync();
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.hotline");
        await page.GotoAsync("/requests/console");
        var map = page.Locator("#pick-map");
        await page.Locator("details:has(#pick-map) > summary").ClickAsync();
        await Expect(map).ToHaveAttributeAsync("data-ready", "true");
        await map.ScrollIntoViewIfNeededAsync();

        // The centre of 和平区 (210102), in pixels of the map as drawn.
        var target = await page.EvaluateAsync<MapPoint>("""
            async () => {
              const geo = await (await fetch('/api/regions/boundaries.geojson')).json();
              const heping = geo.features.find(f => f.properties.code === '210102');
              const chart = echarts.getInstanceByDom(document.getElementById('pick-map'));
              const [x, y] = chart.convertToPixel('geo', heping.properties.center);
              return { lon: heping.properties.center[0], lat: heping.properties.center[1], x, y };
            }
            """);
        var box = (await map.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (float)target.X, box.Y + (float)target.Y);
        await Expect(page.Locator("#Longitude")).Not.ToHaveValueAsync("");
        var lon = double.Parse(await page.InputValueAsync("#Longitude"), System.Globalization.CultureInfo.InvariantCulture);
        var lat = double.Parse(await page.InputValueAsync("#Latitude"), System.Globalization.CultureInfo.InvariantCulture);
        // A pixel of the whole-city map spans a few hundred metres.
        Assert.InRange(lon, target.Lon - 0.02, target.Lon + 0.02);
        Assert.InRange(lat, target.Lat - 0.02, target.Lat + 0.02);
        await LinliServer.ScreenshotAsync(page, "intake-map-point");
        Assert.Empty(session.Errors);
    }

    public sealed class MapPoint
    {
        public double Lon { get; set; }
        public double Lat { get; set; }
        public double X { get; set; }
        public double Y { get; set; }
    }

    public sealed class TargetPoint
    {
        public string Code { get; set; } = "";
        public double X { get; set; }
        public double Y { get; set; }
    }
}
