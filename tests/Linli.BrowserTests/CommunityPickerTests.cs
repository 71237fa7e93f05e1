using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Linli.BrowserTests;

/// <summary>
/// The intake form's community picker in Chromium: the chosen district's communities as labelled points on the map, a
/// search by name, a tap that chooses the community with the nearest centre, and "use my location" (granted and refused),
/// all under the Content-Security-Policy without a violation.
/// </summary>
[Collection(LinliServer.Collection)]
public sealed class CommunityPickerTests(LinliServer server)
{
    private const string Heping = "210102";
    private const string Shuiyuandi = "210102001002"; // 水源地社区, 浑河湾街道

    // Runs before the page's scripts (outside the policy) and records every violation, as ContentSecurityPolicyTests does.
    private const string RecordViolations = """
        window.__cspViolations = [];
        document.addEventListener('securitypolicyviolation', e =>
          window.__cspViolations.push(e.violatedDirective + ' ' + (e.blockedURI || 'inline') + ' ' + (e.sourceFile || '') + ':' + e.lineNumber));
        """;

    private sealed record Community(string Code, string Name, string StreetCode, string StreetName, double Longitude, double Latitude);

    private static async Task<BrowserSession> OpenAsync(LinliServer server, int width = 1280, int height = 900)
    {
        var session = await server.OpenAsync(width, height);
        await session.Page.AddInitScriptAsync(RecordViolations);
        return session;
    }

    private static async Task AssertNoViolationsAsync(BrowserSession session)
    {
        var violations = await session.Page.EvaluateAsync<string[]>("() => window.__cspViolations");
        Assert.True(violations.Length == 0, "CSP violations:\n" + string.Join("\n", violations));
        Assert.Empty(session.Errors);
    }

    /// <summary>The district's communities as the API gives them (through the signed-in page).</summary>
    private static async Task<List<Community>> CommunitiesAsync(IPage page, string district)
    {
        var json = await page.EvaluateAsync<string>($"async () => JSON.stringify(await (await fetch('/api/regions/{district}/communities')).json())");
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.GetProperty("communities").EnumerateArray()
            .Where(c => c.GetProperty("longitude").ValueKind == JsonValueKind.Number)
            .Select(c => new Community(c.GetProperty("code").GetString()!, c.GetProperty("name").GetString()!, c.GetProperty("streetCode").GetString()!,
                c.GetProperty("streetName").GetString()!, c.GetProperty("longitude").GetDouble(), c.GetProperty("latitude").GetDouble()))
            .ToList();
    }

    private static double Meters(double lon1, double lat1, double lon2, double lat2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * 6_371_000 * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    private static async Task<(double Lon, double Lat)> PointAsync(IPage page) =>
        (double.Parse(await page.InputValueAsync("#Longitude"), CultureInfo.InvariantCulture),
         double.Parse(await page.InputValueAsync("#Latitude"), CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_chosen_district_shows_its_communities_as_labelled_points_a_search_finds_one_and_a_tap_picks_the_nearest()
    {
        await using var session = await OpenAsync(server);
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.resident");
        await page.GotoAsync("/requests/new");
        await page.FillAsync("#Description", "小区门口路灯不亮");
        await page.Locator("details:has(#pick-map) > summary").ClickAsync();
        var map = page.Locator("#pick-map");
        await Expect(map).ToHaveAttributeAsync("data-ready", "true");
        // Without a reload: a marker set on the page now survives the district's choice.
        await page.EvaluateAsync("() => { window.__samePage = true; }");

        await page.SelectOptionAsync("#DistrictCode", Heping);
        var communities = await CommunitiesAsync(page, Heping);
        Assert.True(communities.Count > 20, $"{communities.Count} communities in 和平区");
        await Expect(map).ToHaveAttributeAsync("data-communities", communities.Count.ToString(CultureInfo.InvariantCulture));
        await Expect(map).ToHaveAttributeAsync("data-zoomed", Heping);
        Assert.True(await page.EvaluateAsync<double>("() => echarts.getInstanceByDom(document.getElementById('pick-map')).getOption().geo[0].zoom") > 2,
            "the map zooms in on the chosen district");
        Assert.True(await page.EvaluateAsync<bool>("() => window.__samePage === true"), "choosing a district reloaded the page");
        await Expect(page.Locator("#StreetCode")).ToBeVisibleAsync();
        await Expect(page.Locator("button[name=Step][value=place]")).ToBeHiddenAsync();
        // Every community is a point labelled with its name.
        var drawn = await page.EvaluateAsync<string[]>("""
            () => {
              const series = echarts.getInstanceByDom(document.getElementById('pick-map')).getOption().series.find(s => s.id === 'communities');
              return series.label.show ? series.data.map(d => d.name) : [];
            }
            """);
        Assert.Equal(communities.Select(c => c.Name).Order(), drawn.Order());
        await LinliServer.ScreenshotAsync(page, "picker-district");

        // Search by part of the name: grouped under the street, and picking it fills the fields.
        await page.FillAsync("#community-search", "水源");
        var result = page.Locator($"#community-results button[data-code='{Shuiyuandi}']");
        await Expect(result).ToHaveTextAsync("水源地社区");
        await Expect(page.Locator("#community-results .community-group:has(button[data-code='" + Shuiyuandi + "']) .community-street")).ToHaveTextAsync("浑河湾街道");
        await result.ClickAsync();
        await Expect(page.Locator("#CommunityCode")).ToHaveValueAsync(Shuiyuandi);
        await Expect(page.Locator("#StreetCode")).ToHaveValueAsync(Shuiyuandi[..9]);
        await Expect(page.Locator("#community-picker-status")).ToContainTextAsync("水源地社区（浑河湾街道）");
        await Expect(map).ToHaveAttributeAsync("data-chosen", Shuiyuandi);
        await page.FillAsync("#community-search", "");

        // Zoomed in on the community that stands most apart, a tap a few pixels beside it: that one, the nearest to the tapped point.
        var apart = communities.Where(c => c.Code != Shuiyuandi)
            .MaxBy(c => communities.Where(o => o.Code != c.Code).Min(o => Meters(c.Longitude, c.Latitude, o.Longitude, o.Latitude)))!;
        await map.ScrollIntoViewIfNeededAsync();
        var pixel = await page.EvaluateAsync<double[]>($$"""
            () => new Promise(resolve => {
              const chart = echarts.getInstanceByDom(document.getElementById('pick-map'));
              const at = [{{apart.Longitude.ToString(CultureInfo.InvariantCulture)}}, {{apart.Latitude.ToString(CultureInfo.InvariantCulture)}}];
              // The pixel once the zoomed map is drawn (a tap before that lands on the old picture on a busy machine).
              chart.on('finished', function drawn() { chart.off('finished', drawn); resolve(chart.convertToPixel('geo', at)); });
              chart.setOption({ animation: false, geo: { center: at, zoom: chart.getOption().geo[0].zoom * 8 } });
            })
            """);
        var box = (await map.BoundingBoxAsync())!;
        await page.Mouse.ClickAsync(box.X + (float)pixel[0] + 3, box.Y + (float)pixel[1] + 2);
        await Expect(page.Locator("#CommunityCode")).ToHaveValueAsync(apart.Code);
        var (lon, lat) = await PointAsync(page);
        var nearest = communities.MinBy(c => Meters(lon, lat, c.Longitude, c.Latitude))!;
        Assert.Equal(nearest.Code, apart.Code);
        await Expect(page.Locator("#StreetCode")).ToHaveValueAsync(apart.StreetCode);
        await Expect(page.Locator("#community-picker-status")).ToContainTextAsync($"{apart.Name}（{apart.StreetName}）");
        await Expect(page.Locator("#Description")).ToHaveValueAsync("小区门口路灯不亮");
        await LinliServer.ScreenshotAsync(page, "picker-tap");
        await AssertNoViolationsAsync(session);
    }

    [Fact]
    public async Task My_location_fills_the_nearest_community_on_a_phone_and_a_refusal_changes_nothing_typed()
    {
        await using var session = await OpenAsync(server, width: 390, height: 844);
        var page = session.Page;
        await LinliServer.SignInAsync(page, "demo.resident");
        await page.GotoAsync("/requests/new");
        var target = (await CommunitiesAsync(page, Heping)).Single(c => c.Code == Shuiyuandi);

        await page.FillAsync("#Description", "楼道里的自来水管漏水，地面全是水");
        await page.ClickAsync("button[name=Step][value=suggest]");
        await page.Locator("input[name=SuggestedCategoryId]").First.CheckAsync();

        // Refused: a clear message, and the description and the empty place stay as they were.
        await page.Context.ClearPermissionsAsync();
        await page.ClickAsync("#locate-me");
        await Expect(page.Locator("#community-picker-status")).ToContainTextAsync("未获准使用您的位置");
        await Expect(page.Locator("#community-picker")).ToHaveAttributeAsync("data-state", "problem");
        await Expect(page.Locator("#Description")).ToHaveValueAsync("楼道里的自来水管漏水，地面全是水");
        await Expect(page.Locator("#Longitude")).ToHaveValueAsync("");
        await Expect(page.Locator("#CommunityCode")).ToHaveCountAsync(0);

        // Granted: about 15 m from 水源地社区's centre.
        await page.Context.GrantPermissionsAsync(["geolocation"], new() { Origin = server.BaseUrl });
        await page.Context.SetGeolocationAsync(new Geolocation { Longitude = (float)(target.Longitude + 0.00012), Latitude = (float)(target.Latitude + 0.0001) });
        await page.ClickAsync("#locate-me");
        await Expect(page.Locator("#CommunityCode")).ToHaveValueAsync(Shuiyuandi);
        await Expect(page.Locator("#DistrictCode")).ToHaveValueAsync(Heping);
        await Expect(page.Locator("#StreetCode")).ToHaveValueAsync(Shuiyuandi[..9]);
        await Expect(page.Locator("#community-picker-status")).ToContainTextAsync("已按您的位置选择：水源地社区（浑河湾街道）");
        var (lon, lat) = await PointAsync(page);
        Assert.InRange(Meters(lon, lat, target.Longitude, target.Latitude), 0, 40);
        await Expect(page.Locator("details:has(#pick-map)")).ToHaveAttributeAsync("open", "");
        await Expect(page.Locator("#Description")).ToHaveValueAsync("楼道里的自来水管漏水，地面全是水");
        await LinliServer.ScreenshotAsync(page, "picker-located");

        // And the form files with that community.
        await Expect(page.Locator("input[name=SuggestedCategoryId]:checked")).ToHaveCountAsync(1);
        await page.ClickAsync("button[name=Step][value=file]");
        await Expect(page).ToHaveURLAsync(new Regex(@"/requests/track/\d{14}$"));
        await Expect(page.Locator("main")).ToContainTextAsync("水源地社区");
        await AssertNoViolationsAsync(session);
    }

    [Fact]
    public async Task On_patrol_my_location_fills_the_point_and_without_javascript_the_picker_stays_hidden()
    {
        await using (var session = await OpenAsync(server, width: 390, height: 844))
        {
            var page = session.Page;
            await page.Context.GrantPermissionsAsync(["geolocation"], new() { Origin = server.BaseUrl });
            await page.Context.SetGeolocationAsync(new Geolocation { Longitude = 123.4021f, Latitude = 41.7702f });
            await LinliServer.SignInAsync(page, "demo.grid");
            await page.GotoAsync("/requests/patrol");
            await page.ClickAsync("#locate-me");
            await Expect(page.Locator("#Longitude")).ToHaveValueAsync(new Regex(@"^123\.402"));
            await Expect(page.Locator("#Latitude")).ToHaveValueAsync(new Regex(@"^41\.770"));
            await Expect(page.Locator("#community-picker-status")).ToHaveTextAsync("已填写您的位置，请核对。");
            await AssertNoViolationsAsync(session);
        }

        await using (var plain = await server.OpenAsync(javaScript: false))
        {
            var page = plain.Page;
            await LinliServer.SignInAsync(page, "demo.resident");
            await page.GotoAsync("/requests/new");
            await Expect(page.Locator("#community-picker")).ToBeHiddenAsync();
            await Expect(page.Locator("button[name=Step][value=place]")).ToBeVisibleAsync();
        }
    }
}
