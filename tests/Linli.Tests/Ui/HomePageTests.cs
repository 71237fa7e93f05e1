using Linli.Platform.Notifications.Inbox;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Linli.Modules.Accounts.Domain;
using Linli.Modules.Regions.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Ui;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Linli.Tests.Requests.Pages;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Ui;

/// <summary>
/// The home page puts each role's main work first, with counts that are the queues' own and capped; the navigation
/// carries an unread badge on 消息 on every page; the lists and the ticket offer a print button.
/// </summary>
[Collection("city2")]
public sealed class HomePageTests(CityFixture city)
{
    private static readonly HtmlParser Parser = new();

    /// <summary>The grid worker's own reports (我的上报).</summary>
    private const string MyReports = "/requests/my-reports";

    private async Task<PageClient> SignedInAsync(string userName, string? role = null, string? region = null)
    {
        if (role is not null && await city.App.WithScopeAsync(async sp => await sp.GetRequiredService<UserManager<LinliUser>>().FindByNameAsync(userName)) is null)
            await city.App.CreateUserAsync(userName, role, region);
        return await PageClient.SignedInAsync(city.App, userName);
    }

    private static async Task<IDocument> HomeAsync(PageClient client)
    {
        var (status, html) = await client.GetAsync("/");
        Assert.Equal(HttpStatusCode.OK, status);
        return await Parser.ParseDocumentAsync(html);
    }

    private static List<string> MainTiles(IDocument home) =>
        home.QuerySelectorAll("#main-work [data-tile]").Select(t => t.GetAttribute("data-tile")!).ToList();

    private static long CountOf(IDocument home, string tile) =>
        long.Parse(home.QuerySelector($"[data-tile='{tile}'] [data-count]")?.GetAttribute("data-count")
                   ?? throw new Xunit.Sdk.XunitException($"tile {tile} has no count"));

    private static (long Value, bool Capped) ShownCountOf(IDocument home, string tile) =>
        (CountOf(home, tile), home.QuerySelector($"[data-tile='{tile}'] [data-count]")!.GetAttribute("data-capped") == "true");

    public static TheoryData<string, string?, string?, string[]> MainWork => new()
    {
        { "resident", null, null, ["request-new", "request-mine", "service-apply", "service-book"] },
        { "hotline", null, null, ["console", "queue-ToVisit", "queue-Overdue"] },
        { "cw.a", null, null, ["queue-ToSign", "queue-InProgress", "queue-Overdue", "service-intake", "service-overdue"] },
        { "dept.water", null, null, ["queue-ToSign", "queue-InProgress", "queue-Overdue", "queue-ToReportIn"] },
        { "home.grid", Roles.GridWorker, CityFixture.CommunityA + "001", ["patrol", "reports-mine"] },
        { "street.a", null, null, ["metrics", "indicators", "map", "area-open", "area-overdue"] },
        { "district.heping", null, null, ["metrics", "indicators", "map", "area-open", "area-overdue"] },
        { "supervisor", null, null, ["metrics", "indicators", "map", "area-open", "area-overdue"] },
        { "admin", null, null, ["accounts", "categories", "rules", "holidays", "audit"] },
        { "home.volunteer", Roles.Volunteer, null, [] },
    };

    [Theory]
    [MemberData(nameof(MainWork))]
    public async Task Each_roles_home_page_puts_its_main_work_first(string userName, string? role, string? region, string[] expected)
    {
        var client = await SignedInAsync(userName, role, region);
        var home = await HomeAsync(client);
        Assert.Equal(expected, MainTiles(home));
        // The main work comes before the other links, and the other links are never the main work again.
        var more = home.QuerySelectorAll("#more-work [data-tile]").Select(t => t.GetAttribute("data-tile")!).ToList();
        Assert.Empty(more.Intersect(expected));
        if (expected.Length > 0)
            Assert.True(home.QuerySelector("#main-work")!.CompareDocumentPosition(home.QuerySelector("#more-work")!).HasFlag(DocumentPositions.Following));
        Assert.Contains("regions", more);
    }

    [Theory]
    [MemberData(nameof(MainWork))]
    public async Task Every_tile_on_a_home_page_opens_a_page_the_role_may_use(string userName, string? role, string? region, string[] expected)
    {
        _ = expected;
        var client = await SignedInAsync(userName, role, region);
        var home = await HomeAsync(client);
        var links = home.QuerySelectorAll("[data-tile] a").Select(a => a.GetAttribute("href")!).Distinct().ToList();
        Assert.NotEmpty(links);
        foreach (var href in links)
            Assert.True((await client.GetAsync(href)).Status == HttpStatusCode.OK, $"{userName}'s tile {href} does not open");
    }

    [Fact]
    public async Task The_grid_workers_home_links_their_own_reports()
    {
        var home = await HomeAsync(await SignedInAsync("home.grid2", Roles.GridWorker, CityFixture.CommunityA + "001"));
        Assert.Equal(MyReports, home.QuerySelector("[data-tile='reports-mine'] a")!.GetAttribute("href"));
        Assert.Equal("/requests/patrol", home.QuerySelector("[data-tile='patrol'] a")!.GetAttribute("href"));
    }

    [Fact]
    public async Task The_counts_on_the_tiles_are_the_queues_counts()
    {
        // The queue's total as a tile shows it: exact up to the tile's cap, the cap and "+" beyond (other tests of the shared
        // city may have filed more than the cap for the centre).
        async Task<(long Value, bool Capped)> QueueTotalAsync(string userName, string queue)
        {
            var total = (await (await city.App.ClientForAsync(userName)).GetFromJsonAsync<JsonElement>($"/api/requests/queues/{queue}?pageSize=1")).GetProperty("total").GetInt64();
            return (Math.Min(total, HomeCount.Cap), total > HomeCount.Cap);
        }

        // A ticket waiting for the centre, one at the community, so that no count is trivially zero.
        var leaf = await RequestsApi.NewLeafAsync(city.App);
        var hotlineApi = await city.App.ClientForAsync("hotline");
        await hotlineApi.FileAsync(leaf, description: "首页计数：等待派单");
        var sent = await hotlineApi.FileAsync(leaf, description: "首页计数：派到社区");
        await hotlineApi.OkAsync(sent.Id(), "dispatch", new { unitCode = "community" });

        var hotline = await HomeAsync(await SignedInAsync("hotline"));
        Assert.Equal(await QueueTotalAsync("hotline", "ToDispatch"), ShownCountOf(hotline, "console"));
        Assert.True(CountOf(hotline, "console") >= 1);
        Assert.Equal(await QueueTotalAsync("hotline", "Overdue"), ShownCountOf(hotline, "queue-Overdue"));

        var community = await HomeAsync(await SignedInAsync("cw.a"));
        Assert.Equal(await QueueTotalAsync("cw.a", "ToSign"), ShownCountOf(community, "queue-ToSign"));
        Assert.True(CountOf(community, "queue-ToSign") >= 1);
        Assert.Equal(await QueueTotalAsync("cw.a", "InProgress"), ShownCountOf(community, "queue-InProgress"));

        var water = await HomeAsync(await SignedInAsync("dept.water"));
        Assert.Equal(await QueueTotalAsync("dept.water", "ToReportIn"), ShownCountOf(water, "queue-ToReportIn"));

        var district = await HomeAsync(await SignedInAsync("district.heping"));
        Assert.Equal(await QueueTotalAsync("district.heping", "Overdue"), ShownCountOf(district, "area-overdue"));
        // Open tickets of the area: at least those waiting and at the community, which are in 和平区.
        Assert.True(CountOf(district, "area-open") >= 2);
        Assert.True(CountOf(district, "area-open") >= (await QueueTotalAsync("district.heping", "InProgress")).Value);
    }

    [Fact]
    public async Task The_overdue_cases_tile_counts_the_overdue_case_list_of_the_callers_area()
    {
        // The seeded year leaves late cases in the city; each caller's tile shows their own scope's overdue list as it is paged.
        foreach (var userName in new[] { "cw.a", "district.heping", "supervisor" })
        {
            var total = (await (await city.App.ClientForAsync(userName)).GetFromJsonAsync<JsonElement>("/api/service-cases?due=overdue&pageSize=1")).GetProperty("total").GetInt64();
            var home = await HomeAsync(await SignedInAsync(userName));
            Assert.Equal((Math.Min(total, HomeCount.Cap), total > HomeCount.Cap), ShownCountOf(home, "service-overdue"));
            Assert.Equal("/service-desk/cases?due=overdue", home.QuerySelector("[data-tile='service-overdue'] a")!.GetAttribute("href"));
        }
        var supervisor = await HomeAsync(await SignedInAsync("supervisor"));
        Assert.True(CountOf(supervisor, "service-overdue") > 0, "the seeded year has late cases in the city");
        Assert.NotNull(supervisor.QuerySelector("[data-tile='service-statistics']"));
        // A resident handles no cases: no overdue tile, no statistics.
        var resident = await HomeAsync(await SignedInAsync("resident"));
        Assert.Null(resident.QuerySelector("[data-tile='service-overdue']"));
        Assert.Null(resident.QuerySelector("[data-tile='service-statistics']"));
    }

    [Fact]
    public async Task A_residents_home_counts_their_open_requests()
    {
        var client = await SignedInAsync("home.filer", Roles.Resident);
        Assert.Equal(0, CountOf(await HomeAsync(client), "request-mine"));
        var leaf = await RequestsApi.NewLeafAsync(city.App);
        await (await city.App.ClientForAsync("home.filer")).FileAsync(leaf, description: "首页计数：居民诉求");
        Assert.Equal(1, CountOf(await HomeAsync(client), "request-mine"));
    }

    [Fact]
    public async Task A_count_stops_at_its_cap_and_says_so()
    {
        var (all, one) = await city.App.WithScopeAsync(async sp =>
        {
            var regions = sp.GetRequiredService<RegionsDbContext>().Regions; // thousands of communities and grids
            return (await HomeCount.OfAsync("个", regions, CancellationToken.None), await HomeCount.OfAsync("个", regions.Where(r => r.Code == "2101"), CancellationToken.None));
        });
        Assert.Equal((HomeCount.Cap, true, "1,000+"), (all.Value, all.Capped, all.Text));
        Assert.Equal((1L, false, "1"), (one.Value, one.Capped, one.Text));
    }

    [Fact]
    public async Task The_volunteers_home_promises_nothing_that_is_not_built()
    {
        var home = await HomeAsync(await SignedInAsync("home.volunteer2", Roles.Volunteer));
        Assert.Empty(MainTiles(home));
        Assert.Contains("志愿服务接单功能尚未开通", home.QuerySelector(".hero")!.TextContent);
    }

    [Fact]
    public void No_roles_duties_name_work_the_platform_does_not_offer_yet()
    {
        // Volunteering, care visits, facility standards, data comparison and the yearly report belong to modules not built yet.
        string[] unbuilt = ["志愿需求", "走访", "服务时长", "设施标准", "数据比对", "年度报告", "看板"];
        var promised = RoleNames.Duties.SelectMany(d => unbuilt.Where(d.Value.Contains).Select(word => $"{d.Key}: {word}")).ToList();
        Assert.True(promised.Count == 0, string.Join("\n", promised));
        Assert.Equal(Roles.All.Order(), RoleNames.Duties.Keys.Order());
    }

    [Fact]
    public async Task The_home_page_names_the_scope_not_its_code()
    {
        var community = (await HomeAsync(await SignedInAsync("cw.a"))).QuerySelector(".hero")!.TextContent;
        Assert.Contains("辖区：水源地社区", community);
        Assert.DoesNotContain(CityFixture.CommunityA, community);
        var water = (await HomeAsync(await SignedInAsync("dept.water"))).QuerySelector(".hero")!.TextContent;
        Assert.Contains("部门：市水务局", water);
        Assert.DoesNotContain("部门：water", water);
    }

    private async Task<string> UserIdAsync(string userName) =>
        await city.App.WithScopeAsync(async sp => (await sp.GetRequiredService<UserManager<LinliUser>>().FindByNameAsync(userName))!.Id);

    private Task AddMessagesAsync(string recipient, int count, bool read) =>
        city.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<NotificationsDbContext>();
            for (var i = 0; i < count; i++)
                db.Inbox.Add(new InboxMessage
                {
                    Key = Guid.NewGuid(), Recipient = recipient, Subject = "测试消息", Body = "首页未读角标测试",
                    CreatedAt = DateTime.UtcNow, ReadAt = read ? DateTime.UtcNow : null,
                });
            return await db.SaveChangesAsync();
        });

    private static async Task<string?> BadgeAsync(PageClient client, string page)
    {
        var (status, html) = await client.GetAsync(page);
        Assert.Equal(HttpStatusCode.OK, status);
        var document = await Parser.ParseDocumentAsync(html);
        var badge = document.QuerySelector("nav.main a[href='/inbox'] .badge");
        // The menu button of the phone layout carries the same number.
        Assert.Equal(badge?.GetAttribute("data-unread"), document.QuerySelector("header .menu-button .badge")?.GetAttribute("data-unread"));
        return badge?.GetAttribute("data-unread");
    }

    [Fact]
    public async Task The_navigation_shows_the_unread_count_on_every_page_capped_at_99()
    {
        var client = await SignedInAsync("badge.reader", Roles.Resident);
        var recipient = Recipients.User(await UserIdAsync("badge.reader"));
        Assert.Null(await BadgeAsync(client, "/"));

        await AddMessagesAsync(recipient, 3, read: false);
        await AddMessagesAsync(recipient, 2, read: true);
        foreach (var page in new[] { "/", "/regions", "/regions/2101", "/requests/mine", "/requests/new", "/inbox" })
            Assert.Equal("3", await BadgeAsync(client, page));
        // Error pages carry the navigation too.
        var (status, missing) = await client.GetAsync("/no/such/page");
        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("3", (await Parser.ParseDocumentAsync(missing)).QuerySelector("nav.main a[href='/inbox'] .badge")?.GetAttribute("data-unread"));

        await AddMessagesAsync(recipient, 120, read: false);
        Assert.Equal("99+", await BadgeAsync(client, "/regions"));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostAsync("/inbox", "/inbox?handler=ReadAll")).StatusCode);
        Assert.Null(await BadgeAsync(client, "/regions"));
    }

    [Fact]
    public async Task A_units_unread_messages_show_on_its_staffs_badge_and_not_on_anothers()
    {
        var before = await BadgeAsync(await SignedInAsync("cw.b"), "/regions");
        await AddMessagesAsync(Recipients.Area(CityFixture.CommunityA), 1, read: false);
        var worker = await SignedInAsync("cw.a");
        Assert.NotNull(await BadgeAsync(worker, "/regions"));
        Assert.Equal(before, await BadgeAsync(await SignedInAsync("cw.b"), "/regions"));
    }

    [Fact]
    public async Task The_ticket_and_the_lists_offer_a_print_button_and_a_print_header()
    {
        var leaf = await RequestsApi.NewLeafAsync(city.App);
        var ticket = await (await city.App.ClientForAsync("hotline")).FileAsync(leaf, description: "打印测试");
        var pages = new (string User, string Page, string Title)[]
        {
            ("hotline", $"/requests/tickets/{ticket.Id()}", "工单 " + ticket.GetProperty("number").GetString()),
            ("hotline", "/requests/queues", "工作队列"),
            ("cw.a", "/residents", "居民查询"),
            ("supervisor", "/requests/metrics", "诉求办理指标"),
            ("supervisor", "/audit", "审计日志"),
            ("cw.a", "/residents/verifications", "待核实的登记"),
        };
        foreach (var (user, page, title) in pages)
        {
            var (status, html) = await (await SignedInAsync(user)).GetAsync(page);
            Assert.Equal(HttpStatusCode.OK, status);
            var document = await Parser.ParseDocumentAsync(html);
            var button = document.QuerySelector("main [data-print]");
            Assert.True(button is not null, $"{page} has no print button");
            Assert.Equal("打印", button.TextContent.Trim());
            Assert.Equal(title, document.QuerySelector(".print-header b")!.TextContent.Trim());
            Assert.Matches(@"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$", document.QuerySelector(".print-header [data-print-time]")!.TextContent.Trim());
            Assert.NotNull(document.QuerySelector("script[src^='/js/shell.js']"));
        }
        var home = await Parser.ParseDocumentAsync((await (await SignedInAsync("hotline")).GetAsync("/")).Html);
        Assert.Null(home.QuerySelector("main [data-print]"));
    }
}
