using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests.Hotspots;

/// <summary>未诉先办 over HTTP: a pass finds the cluster planted in a community, the street and district see it within their
/// area, the centre opens one proactive ticket for it, and its answer reaches every reporter of the cluster.</summary>
[Collection("city")]
public sealed class HotspotApiTests(CityFixture city)
{
    private Task<(int Category, List<long> Tickets)> PlantClusterAsync(string community) => PlantClusterAsync(city, community);

    /// <summary>Five tickets of a fresh category beside the community's centre, then a pass of the detection.</summary>
    internal static async Task<(int Category, List<long> Tickets)> PlantClusterAsync(CityFixture city, string community)
    {
        var centre = await city.App.WithScopeAsync(sp => sp.GetRequiredService<IRegionDirectory>().FindAsync(community));
        var category = await RequestsApi.NewLeafAsync(city.App);
        var hotline = await city.App.ClientForAsync("hotline");
        var tickets = new List<long>();
        for (var i = 0; i < 5; i++)
        {
            // Five different callers within about 60 m of each other: a cluster, not one caller calling again.
            var ticket = await hotline.FileAsync(category, lon: centre!.Longitude!.Value + 0.0001 + i * 0.0001, lat: centre.Latitude!.Value + 0.00005,
                phone: $"1390000{Random.Shared.Next(1000, 9999)}", description: "路灯不亮，晚上很黑");
            tickets.Add(ticket.Id());
        }
        var detected = await (await hotline.PostAsync("/api/requests/hotspots/detect", null)).Json(HttpStatusCode.OK);
        Assert.True(detected.GetProperty("clusters").GetInt32() >= 1);
        return (category, tickets);
    }

    internal static async Task<JsonElement> ClusterOfAsync(HttpClient client, int category)
    {
        var list = await (await client.GetAsync($"/api/requests/hotspots?kind=Cluster&categoryId={category}")).Json(HttpStatusCode.OK);
        return Assert.Single(list.GetProperty("items").EnumerateArray());
    }

    [Fact]
    public async Task A_pass_finds_five_nearby_tickets_of_one_category_as_one_cluster_with_those_tickets()
    {
        var (category, tickets) = await PlantClusterAsync(CityFixture.CommunityA);
        var hotline = await city.App.ClientForAsync("hotline");
        var cluster = await ClusterOfAsync(hotline, category);
        Assert.Equal(5, cluster.GetProperty("ticketCount").GetInt32());
        Assert.Equal(CityFixture.CommunityA, cluster.GetProperty("regionCode").GetString());
        Assert.Equal("Open", cluster.GetProperty("state").GetString());
        Assert.Equal("聚集问题", cluster.GetProperty("kindName").GetString());

        var detail = await (await hotline.GetAsync($"/api/requests/hotspots/{cluster.GetProperty("id").GetInt64()}")).Json(HttpStatusCode.OK);
        Assert.Equal(tickets.Order(), detail.GetProperty("tickets").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).Order());

        // A second pass over the same tickets finds the same hotspot again, not a second one.
        await (await hotline.PostAsync("/api/requests/hotspots/detect", null)).Json(HttpStatusCode.OK);
        Assert.Equal(cluster.GetProperty("id").GetInt64(), (await ClusterOfAsync(hotline, category)).GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task A_street_does_not_see_a_cluster_of_another_street_and_the_district_does()
    {
        var (category, _) = await PlantClusterAsync(CityFixture.CommunityB);
        var district = await city.App.ClientForAsync("district.heping");
        var id = (await ClusterOfAsync(district, category)).GetProperty("id").GetInt64();

        var street = await city.App.ClientForAsync("street.a");
        var list = await (await street.GetAsync($"/api/requests/hotspots?categoryId={category}")).Json(HttpStatusCode.OK);
        Assert.Empty(list.GetProperty("items").EnumerateArray());
        await (await street.GetAsync($"/api/requests/hotspots/{id}")).Json(HttpStatusCode.NotFound);
        await (await street.PostAsJsonAsync($"/api/requests/hotspots/{id}/ticket", new { })).Json(HttpStatusCode.NotFound);
        await (await street.PostAsJsonAsync($"/api/requests/hotspots/{id}/dismiss", new { reason = "不是问题" })).Json(HttpStatusCode.NotFound);

        // The community worker reads no hotspots at all; nor may a street run the pass.
        await (await (await city.App.ClientForAsync("cw.b")).GetAsync("/api/requests/hotspots")).Json(HttpStatusCode.Forbidden);
        await (await street.PostAsync("/api/requests/hotspots/detect", null)).Json(HttpStatusCode.Forbidden);
    }

    [Fact]
    public async Task One_proactive_ticket_per_cluster_and_its_reply_reaches_every_reporter_of_the_cluster()
    {
        var (category, tickets) = await PlantClusterAsync(CityFixture.CommunityB);
        var hotline = await city.App.ClientForAsync("hotline");
        var id = (await ClusterOfAsync(hotline, category)).GetProperty("id").GetInt64();

        var opened = await (await hotline.PostAsJsonAsync($"/api/requests/hotspots/{id}/ticket", new { })).Json(HttpStatusCode.Created);
        var proactive = opened.GetProperty("ticketId").GetInt64();
        var problem = await (await hotline.PostAsJsonAsync($"/api/requests/hotspots/{id}/ticket", new { })).Json(HttpStatusCode.Conflict);
        Assert.Contains("主动工单", problem.GetProperty("detail").GetString());

        var ticket = await hotline.GetTicketAsync(proactive);
        Assert.Equal("Proactive", ticket.GetProperty("channel").GetString());
        Assert.Equal(CityFixture.CommunityB, ticket.GetProperty("communityCode").GetString());
        var listed = await ClusterOfAsync(hotline, category);
        Assert.Equal("Ticketed", listed.GetProperty("state").GetString());
        Assert.Equal(proactive, listed.GetProperty("proactiveTicketId").GetInt64());

        // It enters the centre's queue like any ticket: dispatched by the centre, signed and answered by the community.
        await hotline.OkAsync(proactive, "dispatch", new { opinion = "请社区一并处置" });
        var community = await city.App.ClientForAsync("cw.b");
        await community.OkAsync(proactive, "sign");
        await community.OkAsync(proactive, "reply", new { reply = "已更换路灯灯泡" });

        var answered = await city.App.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Outbox.AsNoTracking()
            .Where(m => tickets.Contains(m.TicketId!.Value) && m.Subject == "主动处置答复").Select(m => m.TicketId!.Value).ToListAsync());
        Assert.Equal(tickets.Order(), answered.Order());
    }

    [Fact]
    public async Task A_dismissal_needs_a_reason_and_sets_the_cluster_aside()
    {
        var (category, _) = await PlantClusterAsync(CityFixture.CommunityA);
        var street = await city.App.ClientForAsync("street.a");
        var id = (await ClusterOfAsync(street, category)).GetProperty("id").GetInt64();

        var refused = await (await street.PostAsJsonAsync($"/api/requests/hotspots/{id}/dismiss", new { reason = " " })).Json(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("reason", out _));
        await (await street.PostAsJsonAsync($"/api/requests/hotspots/{id}/dismiss", new { reason = "施工临时断电，已恢复" })).Json(HttpStatusCode.NoContent);
        var dismissed = await ClusterOfAsync(street, category);
        Assert.Equal("Dismissed", dismissed.GetProperty("state").GetString());
        Assert.Equal("施工临时断电，已恢复", dismissed.GetProperty("dismissReason").GetString());
        await (await street.PostAsJsonAsync($"/api/requests/hotspots/{id}/dismiss", new { reason = "再排除" })).Json(HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task An_unknown_kind_or_a_region_of_letters_is_refused_naming_the_field()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var kind = await (await hotline.GetAsync("/api/requests/hotspots?kind=99")).Json(HttpStatusCode.BadRequest);
        Assert.True(kind.GetProperty("errors").TryGetProperty("kind", out _));
        var region = await (await hotline.GetAsync("/api/requests/hotspots?region=abc")).Json(HttpStatusCode.BadRequest);
        Assert.True(region.GetProperty("errors").TryGetProperty("region", out _));
    }
}
