using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Html.Parser;
using Linli.Modules.Accounts.Seeding;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Deployment;

/// <summary>The published build with a tiny demo city (so that pages with ids have real ones), started once for the collection.</summary>
public sealed class PublishedAppFixture : IAsyncLifetime
{
    internal PublishedServer Server { get; private set; } = null!;
    public int Port { get; } = ChildProcess.FreePort();

    public async Task InitializeAsync() =>
        // Only the port a container platform sets: the app must listen there, whatever appsettings.json says.
        Server = await PublishedServer.StartAsync(new Uri($"http://127.0.0.1:{Port}"), new Dictionary<string, string?>
        {
            ["ASPNETCORE_HTTP_PORTS"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Demo__Enabled"] = "true",
            ["Demo__Scale"] = "0.002",
            ["Demo__Seed"] = "7",
        });

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        PublishedServer.Remove(Server.DatabaseName);
        PublishedBuild.Remove();
    }
}

[CollectionDefinition("published")]
public sealed class PublishedCollection : ICollectionFixture<PublishedAppFixture>;

/// <summary>What a deployment runs is the output of `dotnet publish`: every page of it must load its scripts, styles and images.</summary>
[Collection("published")]
[Trait(DatabaseIndependent.Trait, DatabaseIndependent.Value)]
public sealed class PublishedBuildTests(PublishedAppFixture app)
{
    /// <summary>Pages that answer another status by design, still as a full page.</summary>
    private static readonly Dictionary<string, int> StatusByDesign = new() { ["/account/denied"] = 403 };

    /// <summary>
    /// Where links alone do not lead: the resident list needs a filter (names travel only in POST bodies), so it starts
    /// from a community of the demo city; a missing page shows the error page.
    /// </summary>
    private static readonly string[] ExtraStarts = ["/residents?community=210102001002", "/no-such-page", "/error/404"];

    private static IReadOnlyList<string> PageRoutes => PageCrawl.PageRoutes;

    private static string? TemplateOf(string path) => PageCrawl.TemplateOf(path);

    [Fact]
    public void The_page_routes_are_found_in_the_app()
    {
        Assert.Contains("/regions/map", PageRoutes);
        Assert.Contains("/requests/tickets/{id:long}", PageRoutes);
        Assert.Equal("/requests/tickets/{id:long}", TemplateOf("/requests/tickets/42"));
        Assert.Equal("/regions/map", TemplateOf("/regions/map"));
        Assert.Equal("/regions/{code?}", TemplateOf("/regions/210102"));
        Assert.Null(TemplateOf("/requests/tickets/abc"));
    }

    [Fact]
    public async Task Every_page_of_the_published_build_loads_its_scripts_stylesheets_and_images()
    {
        // A request of the demo resident, so that the resident's pages (mine, track) have one to show.
        using (var resident = await TokenClientAsync("demo.resident"))
        {
            var leaf = (await resident.GetFromJsonAsync<JsonElement>("/api/requests/categories?level=3&pageSize=1")).GetProperty("items")[0].GetProperty("id").GetInt32();
            var filed = await resident.PostAsJsonAsync("/api/requests/tickets", new { description = "小区路灯不亮", categoryId = leaf, communityCode = "210102001002" });
            Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
        }

        // Five requests of one kind beside a demo community's centre and a pass of the detection, so that a hotspot's page is linked.
        using (var hotline = await TokenClientAsync("demo.hotline"))
        {
            var leaf = (await hotline.GetFromJsonAsync<JsonElement>("/api/requests/categories?level=3&pageSize=1")).GetProperty("items")[0].GetProperty("id").GetInt32();
            var centre = await hotline.GetFromJsonAsync<JsonElement>("/api/regions/210102001002");
            var (lon, lat) = (centre.GetProperty("longitude").GetDouble(), centre.GetProperty("latitude").GetDouble());
            for (var i = 0; i < 5; i++)
            {
                var filed = await hotline.PostAsJsonAsync("/api/requests/tickets", new
                {
                    description = "路灯不亮（合成）", categoryId = leaf, longitude = lon + 0.0001 * (i + 1), latitude = lat + 0.00005, contactPhone = $"1390000{1000 + i}",
                });
                Assert.Equal(HttpStatusCode.Created, filed.StatusCode);
            }
            Assert.Equal(HttpStatusCode.OK, (await hotline.PostAsync("/api/requests/hotspots/detect", null)).StatusCode);
        }

        // A case with a one-time notice at the demo community's window, so that the printable notice is linked.
        using (var community = await TokenClientAsync("demo.community"))
        {
            var items = (await community.GetFromJsonAsync<JsonElement>("/api/service-items?pageSize=50")).GetProperty("items").EnumerateArray()
                .Select(i => i.GetProperty("code").GetString()!).ToList();
            JsonElement? received = null;
            foreach (var code in items)
            {
                var response = await community.PostAsJsonAsync("/api/service-cases", new
                {
                    applicant = new { idNumber = Residents.ResidentTestData.NewIdNumber(), name = "演示申请人", homeCommunityCode = "210102001002" }, itemCode = code, mode = "Window",
                });
                if (response.StatusCode != HttpStatusCode.Created) continue;
                received = await response.Content.ReadFromJsonAsync<JsonElement>();
                break;
            }
            Assert.True(received is not null, "no seeded item could be received at the demo community's window");
            var missing = received.Value.GetProperty("materials").EnumerateArray().First(m => m.GetProperty("status").GetString() == "Missing");
            var noticed = await community.PostAsJsonAsync($"/api/service-cases/{received.Value.GetProperty("id").GetInt64()}/notice",
                new { items = new[] { new { materialId = missing.GetProperty("materialId").GetInt64(), problem = "Missing", reason = "未带原件" } } });
            Assert.Equal(HttpStatusCode.OK, noticed.StatusCode);
        }

        var crawl = new Crawl(app.Server.Address);
        await crawl.VisitAsAsync(null);
        // Enough roles to open every page: the administrator most, the resident, the hotline, the grid worker and the
        // community worker (data entry) their own.
        foreach (var user in new[] { "demo.admin", "demo.resident", "demo.hotline", "demo.grid", "demo.community" }) await crawl.VisitAsAsync(user);

        Assert.True(crawl.Failures.Count == 0, "In the published build:\n" + string.Join('\n', crawl.Failures));
        Assert.Contains("/no-such-page", crawl.Loaded); // the error page, with the layout's stylesheet
        var unreached = PageRoutes.Where(t => !crawl.Loaded.Contains(t)).ToList();
        Assert.True(unreached.Count == 0, "Pages never opened with 200 (not linked from any page any role sees?): " + string.Join(", ", unreached));
        // The charts and maps are what a deployment lost before: their library must be among what was checked.
        Assert.Contains("/lib/echarts/echarts.min.js", crawl.Assets);
        Assert.Contains(crawl.Assets, a => a.StartsWith("/js/count-rate-chart.js", StringComparison.Ordinal)); // the metrics' and statistics' chart
        Assert.Contains(crawl.Assets, a => a.StartsWith("/css/site.css", StringComparison.Ordinal));
        Assert.Contains(crawl.Assets, a => a.StartsWith("/js/", StringComparison.Ordinal));
        // Every script and stylesheet the publish output serves was named by a page that loaded, and fetched: none is
        // left unchecked because no crawled page showed it (the shell, the charts, the maps), and none is dead.
        var wwwroot = Path.Combine(await PublishedBuild.FolderAsync(), "wwwroot");
        var served = new[] { "js", "css", "lib" }.Select(d => Path.Combine(wwwroot, d)).Where(Directory.Exists)
            .SelectMany(d => Directory.EnumerateFiles(d, "*.*", SearchOption.AllDirectories))
            .Where(f => f.EndsWith(".js", StringComparison.Ordinal) || f.EndsWith(".css", StringComparison.Ordinal))
            .Select(f => "/" + Path.GetRelativePath(wwwroot, f).Replace('\\', '/')).ToList();
        Assert.Contains("/js/shell.js", served);
        Assert.Contains("/js/count-rate-chart.js", served);
        var unfetched = served.Where(f => !crawl.Assets.Any(a => a.Split('?')[0] == f)).ToList();
        Assert.True(unfetched.Count == 0, "Served by the published build but named by no page the crawl loaded: " + string.Join(", ", unfetched));
    }

    [Fact]
    public void The_port_a_container_platform_sets_wins_over_appsettings() =>
        // The fixture set only ASPNETCORE_HTTP_PORTS and waited for /health there; the log says where Kestrel bound.
        Assert.Contains($"Now listening on: http://[::]:{app.Port}", app.Server.Output);

    [Fact]
    public async Task ASPNETCORE_URLS_sets_the_address_of_the_published_build()
    {
        var port = ChildProcess.FreePort();
        await using var second = await PublishedServer.StartAsync(new Uri($"http://127.0.0.1:{port}"),
            new Dictionary<string, string?> { ["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}" }, reuseDatabaseOf: app.Server.DatabaseName);
        Assert.Contains($"Now listening on: http://127.0.0.1:{port}", second.Output);
    }

    private async Task<HttpClient> TokenClientAsync(string userName)
    {
        var client = new HttpClient { BaseAddress = app.Server.Address };
        var response = await client.PostAsJsonAsync("/api/auth/token", new { userName, password = DemoAccounts.Password });
        response.EnsureSuccessStatusCode();
        var token = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>
    /// Opens every page route as each role would (<see cref="PageCrawl"/>, a few pages per route) and checks every
    /// script, stylesheet and image each page names.
    /// </summary>
    private sealed class Crawl(Uri root)
    {
        private const int PagesPerRoute = 3;
        private static readonly HtmlParser Parser = new();

        private readonly PageCrawl _pages = new(PagesPerRoute, ExtraStarts) { StatusByDesign = StatusByDesign, VisitsUnroutedStarts = true };

        public List<string> Failures => _pages.Failures;
        public HashSet<string> Loaded => _pages.Loaded;
        public HashSet<string> Assets { get; } = [];

        public async Task VisitAsAsync(string? userName)
        {
            using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
                { BaseAddress = root, Timeout = TimeSpan.FromSeconds(60) };
            var who = userName ?? "anonymous";
            if (userName is not null) await SignInAsync(http, userName);
            var assetsSeen = new HashSet<string>();
            await _pages.VisitAsync(http, who, async page =>
            {
                var document = page.Document;
                var assets = document.QuerySelectorAll("script[src]").Select(e => (Kind: "script", Url: e.GetAttribute("src")!))
                    .Concat(document.QuerySelectorAll("link[href]").Where(e => (e.GetAttribute("rel") ?? "").Split(' ').Any(r => r is "stylesheet" or "icon" or "preload" or "modulepreload"))
                        .Select(e => (Kind: e.GetAttribute("rel")!.Contains("stylesheet") ? "stylesheet" : e.GetAttribute("as") == "script" ? "script" : "image", Url: e.GetAttribute("href")!)))
                    .Concat(document.QuerySelectorAll("img[src]").Select(e => (Kind: "image", Url: e.GetAttribute("src")!)));
                foreach (var (kind, src) in assets)
                {
                    var absolute = new Uri(new Uri(root, page.Url), src);
                    if (absolute.Authority != root.Authority || !assetsSeen.Add(absolute.PathAndQuery)) continue;
                    Assets.Add(absolute.PathAndQuery);
                    await CheckAssetAsync(http, who, page.Url, kind, absolute);
                }
            });
        }

        private async Task CheckAssetAsync(HttpClient http, string who, string page, string kind, Uri asset)
        {
            using var response = await http.GetAsync(asset);
            var type = response.Content.Headers.ContentType?.MediaType ?? "(none)";
            var length = (await response.Content.ReadAsByteArrayAsync()).Length;
            var typeFits = kind switch
            {
                "script" => type is "text/javascript" or "application/javascript",
                "stylesheet" => type == "text/css",
                _ => type.StartsWith("image/", StringComparison.Ordinal),
            };
            if (response.StatusCode != HttpStatusCode.OK || !typeFits || length == 0)
                Failures.Add($"{who}: {asset.PathAndQuery} ({kind}, on {page}) answered {(int)response.StatusCode} {type}, {length} bytes");
        }

        private static async Task SignInAsync(HttpClient http, string userName)
        {
            var form = await http.GetStringAsync("/account/login");
            var token = Parser.ParseDocument(form).QuerySelector("input[name=__RequestVerificationToken]")?.GetAttribute("value");
            Assert.False(string.IsNullOrEmpty(token), "the sign-in page has no antiforgery token");
            using var response = await http.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["Input.UserName"] = userName, ["Input.Password"] = DemoAccounts.Password, ["__RequestVerificationToken"] = token!,
            }));
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"sign-in of {userName} answered {(int)response.StatusCode}");
        }
    }
}
