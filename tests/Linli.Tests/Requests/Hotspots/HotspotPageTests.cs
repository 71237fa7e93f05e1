using System.Net;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests.Pages;
using Linli.Tests.Ui;

namespace Linli.Tests.Requests.Hotspots;

/// <summary>The 未诉先办 pages as a browser without JavaScript uses them: the list, one hotspot, its two forms.</summary>
[Collection("city")]
public sealed class HotspotPageTests(CityFixture city)
{
    [Fact]
    public async Task The_list_shows_the_cluster_in_chinese_and_its_page_lists_its_five_tickets()
    {
        var (category, tickets) = await HotspotApiTests.PlantClusterAsync(city, CityFixture.CommunityA);
        var id = (await HotspotApiTests.ClusterOfAsync(await city.App.ClientForAsync("hotline"), category)).GetProperty("id").GetInt64();
        var page = await PageClient.SignedInAsync(city.App, "hotline");

        var (status, list) = await page.GetAsync($"/requests/hotspots?CategoryId={category}");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"<tr data-id=\"{id}\">", list);
        Assert.Contains("聚集问题", list);
        Assert.Contains("href=\"/requests/hotspots\"", list); // the nav link

        var (_, detail) = await page.GetAsync($"/requests/hotspots/{id}");
        foreach (var ticket in tickets) Assert.Contains($"<tr data-id=\"{ticket}\">", detail);
        Assert.Contains("id=\"ticket-form\"", detail);
        Assert.Contains("id=\"dismiss-form\"", detail);
    }

    [Fact]
    public async Task A_dismissal_without_a_reason_is_refused_on_the_page_and_with_one_sets_the_hotspot_aside()
    {
        var (category, _) = await HotspotApiTests.PlantClusterAsync(city, CityFixture.CommunityA);
        var id = (await HotspotApiTests.ClusterOfAsync(await city.App.ClientForAsync("street.a"), category)).GetProperty("id").GetInt64();
        var page = await PageClient.SignedInAsync(city.App, "street.a");
        var url = $"/requests/hotspots/{id}";

        var refused = await (await page.PostAsync(url, url + "?handler=Dismiss", ("Reason", " "))).HtmlAsync();
        Assert.Contains("请说明排除的理由。", refused);
        var done = await page.PostAsync(url, url + "?handler=Dismiss", ("Reason", "路灯已由供电公司修复"));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var (_, detail) = await page.GetAsync(url);
        Assert.Contains("<td id=\"hotspot-state\">已排除</td>", detail);
        Assert.Contains("路灯已由供电公司修复", detail);
        Assert.DoesNotContain("id=\"dismiss-form\"", detail);
    }

    [Fact]
    public async Task The_centre_opens_the_proactive_ticket_from_the_page_and_lands_on_it()
    {
        var (category, _) = await HotspotApiTests.PlantClusterAsync(city, CityFixture.CommunityA);
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await HotspotApiTests.ClusterOfAsync(hotline, category)).GetProperty("id").GetInt64();
        var page = await PageClient.SignedInAsync(city.App, "hotline");
        var url = $"/requests/hotspots/{id}";

        var opened = await page.PostAsync(url, url + "?handler=Ticket", ("Description", ""));
        Assert.Equal(HttpStatusCode.Redirect, opened.StatusCode);
        var proactive = (await HotspotApiTests.ClusterOfAsync(hotline, category)).GetProperty("proactiveTicketId").GetInt64();
        Assert.Equal($"/requests/tickets/{proactive}", opened.Headers.Location?.OriginalString);
        var ticket = await hotline.GetTicketAsync(proactive);
        Assert.StartsWith("未诉先办（主动发现）", ticket.GetProperty("description").GetString());

        // The page no longer offers a second one.
        var (_, detail) = await page.GetAsync(url);
        Assert.DoesNotContain("id=\"ticket-form\"", detail);
        Assert.Contains("id=\"proactive-ticket\"", detail);
    }

    [Fact]
    public async Task A_street_opening_the_page_of_another_streets_hotspot_gets_not_found()
    {
        var (category, _) = await HotspotApiTests.PlantClusterAsync(city, CityFixture.CommunityB);
        var id = (await HotspotApiTests.ClusterOfAsync(await city.App.ClientForAsync("district.heping"), category)).GetProperty("id").GetInt64();
        var page = await PageClient.SignedInAsync(city.App, "street.a");
        var (status, _) = await page.GetAsync($"/requests/hotspots/{id}");
        Assert.Equal(HttpStatusCode.NotFound, status);
    }
}
