using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Linli.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.Requests;

[Collection("city2")]
public sealed class IntakeTests(CityFixture city)
{
    [Fact]
    public async Task A_point_is_placed_in_its_district_and_the_nearest_grid_of_it()
    {
        var grid = (await RequestsApi.GridsAsync(city.App, CityFixture.CommunityA))[0];
        var hotline = await city.App.ClientForAsync("hotline");
        var ticket = await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App), lon: grid.Longitude, lat: grid.Latitude);
        Assert.Equal(CityFixture.CommunityA, ticket.GetProperty("communityCode").GetString());
        Assert.Equal(grid.Code, ticket.GetProperty("gridCode").GetString());
        Assert.Equal(grid.Longitude!.Value, ticket.GetProperty("longitude").GetDouble(), 6);
    }

    [Fact]
    public async Task A_grid_worker_files_a_patrol_finding_in_their_own_grid_and_nowhere_else()
    {
        var grid = (await RequestsApi.GridsAsync(city.App, CityFixture.CommunityA))[0];
        await city.App.CreateUserAsync("grid.intake", Linli.Platform.Auth.Roles.GridWorker, grid.Code);
        var worker = await city.App.ClientForAsync("grid.intake");
        var category = await RequestsApi.NewLeafAsync(city.App);
        var response = await worker.PostAsJsonAsync("/api/requests/tickets", new { description = "井盖缺失", categoryId = category });
        var ticket = (await response.Json(HttpStatusCode.Created)).GetProperty("ticket");
        Assert.Equal("GridPatrol", ticket.GetProperty("channel").GetString());
        Assert.Equal(grid.Code, ticket.GetProperty("gridCode").GetString());
        Assert.Equal(CityFixture.CommunityA, ticket.GetProperty("communityCode").GetString());

        var elsewhere = await worker.PostAsJsonAsync("/api/requests/tickets", new { description = "井盖缺失", categoryId = category, communityCode = CityFixture.CommunityB });
        Assert.Equal(HttpStatusCode.Forbidden, elsewhere.StatusCode);

        // The worker follows their own finding; a ticket of the next grid of the same community stays invisible.
        Assert.Equal(HttpStatusCode.OK, (await worker.GetAsync($"/api/requests/tickets/{ticket.GetProperty("id").GetInt64()}")).StatusCode);
        var grids = await RequestsApi.GridsAsync(city.App, CityFixture.CommunityA);
        Assert.True(grids.Count > 1, "community A has several grids");
        var next = await (await city.App.ClientForAsync("hotline")).FileAsync(category, lon: grids[1].Longitude, lat: grids[1].Latitude);
        Assert.Equal(grids[1].Code, next.GetProperty("gridCode").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await worker.GetAsync($"/api/requests/tickets/{next.GetProperty("id").GetInt64()}")).StatusCode);
    }

    [Theory]
    [InlineData("{\"categoryId\":1,\"communityCode\":\"210102001002\"}", "Description")]
    [InlineData("{\"description\":\"x\",\"communityCode\":\"210102001002\"}", "CategoryId")]
    [InlineData("{\"description\":\"x\",\"categoryId\":CAT}", "CommunityCode")]
    [InlineData("{\"description\":\"x\",\"categoryId\":CAT,\"communityCode\":\"210102999999\"}", "CommunityCode")]
    [InlineData("{\"description\":\"x\",\"categoryId\":CAT,\"longitude\":116.4,\"latitude\":39.9}", "Longitude")]
    [InlineData("{\"description\":\"x\",\"categoryId\":CAT,\"longitude\":123.4}", "Latitude")]
    [InlineData("{\"description\":\"x\",\"categoryId\":CAT,\"longitude\":500,\"latitude\":41.8}", "Longitude")]
    [InlineData("{\"description\":\"x\",\"categoryId\":CAT,\"communityCode\":\"210102001002\",\"contactPhone\":\"call me maybe\"}", "ContactPhone")]
    [InlineData("{\"description\":\"x\",\"categoryId\":CAT,\"communityCode\":\"210102001002\",\"gridCode\":\"210102002001001\"}", "GridCode")]
    public async Task Bad_input_is_a_400_naming_the_field(string json, string field)
    {
        var category = await RequestsApi.NewLeafAsync(city.App);
        var hotline = await city.App.ClientForAsync("hotline");
        var response = await hotline.PostAsync("/api/requests/tickets",
            new StringContent(json.Replace("CAT", category.ToString(CultureInfo.InvariantCulture)), System.Text.Encoding.UTF8, "application/json"));
        var problem = await response.Json(HttpStatusCode.BadRequest);
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_category_that_is_not_a_leaf_or_is_retired_takes_no_ticket_but_old_tickets_keep_it()
    {
        var admin = await city.App.ClientForAsync("admin");
        var hotline = await city.App.ClientForAsync("hotline");
        var category = await RequestsApi.NewLeafAsync(city.App);
        var old = await hotline.FileAsync(category);
        await (await admin.PatchAsJsonAsync($"/api/requests/categories/{category}", new { retired = true })).Json(HttpStatusCode.OK);

        var refused = await (await hotline.PostAsJsonAsync("/api/requests/tickets", new { description = "x", categoryId = category, communityCode = CityFixture.CommunityA }))
            .Json(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("CategoryId", out _));
        var kept = await hotline.GetTicketAsync(old.Id());
        Assert.Equal(category, kept.GetProperty("categoryId").GetInt32());
        Assert.Equal("Dispatched", (await hotline.OkAsync(old.Id(), "dispatch")).State());
    }

    [Fact]
    public async Task A_ten_megabyte_description_is_refused_not_a_500()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var category = await RequestsApi.NewLeafAsync(city.App);
        var response = await hotline.PostAsJsonAsync("/api/requests/tickets",
            new { description = new string('水', 10 * 1024 * 1024 / 3), categoryId = category, communityCode = CityFixture.CommunityA });
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.BadRequest, HttpStatusCode.RequestEntityTooLarge });
        if (response.StatusCode == HttpStatusCode.BadRequest)
            Assert.True((await response.Json(HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("Description", out _));
    }

    [Fact]
    public async Task Html_in_the_description_is_stored_and_returned_as_plain_text()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        const string html = "<script>alert('x')</script><b>路灯</b> & 井盖";
        var ticket = await hotline.FileAsync(await RequestsApi.NewLeafAsync(city.App), description: html);
        Assert.Equal(html, (await hotline.GetTicketAsync(ticket.Id())).GetProperty("description").GetString());
    }

    [Fact]
    public async Task Nearby_open_tickets_of_the_same_category_are_offered_and_merging_makes_every_reporter_get_the_reply()
    {
        var grid = (await RequestsApi.GridsAsync(city.App, CityFixture.CommunityA))[0];
        var (lon, lat) = (grid.Longitude!.Value, grid.Latitude!.Value);
        var category = await RequestsApi.NewLeafAsync(city.App);
        var hotline = await city.App.ClientForAsync("hotline");
        var community = await city.App.ClientForAsync("cw.a");

        var first = await hotline.FileAsync(category, lon: lon, lat: lat, phone: "13900000001");
        // About 100 m away: offered. About 1 km away: not.
        var near = await hotline.PostAsJsonAsync("/api/requests/tickets", new { description = "同一处漏水", categoryId = category, longitude = lon + 0.0012, latitude = lat, contactPhone = "13900000002" });
        var nearBody = await near.Json(HttpStatusCode.Created);
        var offered = nearBody.GetProperty("possibleDuplicates").EnumerateArray().ToList();
        Assert.Single(offered);
        Assert.Equal(first.Id(), offered[0].GetProperty("id").GetInt64());
        Assert.InRange(offered[0].GetProperty("distanceMeters").GetDouble(), 50, 200);
        var far = await hotline.PostAsJsonAsync("/api/requests/tickets", new { description = "别处漏水", categoryId = category, longitude = lon + 0.012, latitude = lat });
        Assert.DoesNotContain((await far.Json(HttpStatusCode.Created)).GetProperty("possibleDuplicates").EnumerateArray(), d => d.GetProperty("id").GetInt64() == first.Id());

        var second = nearBody.GetProperty("ticket").Id();
        var listed = await (await hotline.GetAsync($"/api/requests/tickets/{second}/duplicates")).Json(HttpStatusCode.OK);
        Assert.Equal(first.Id(), listed[0].GetProperty("id").GetInt64());
        Assert.Equal("Merged", (await hotline.OkAsync(second, "merge", new { intoTicketId = first.Id() })).State());

        await hotline.OkAsync(first.Id(), "dispatch", new { unitCode = "community" });
        await community.OkAsync(first.Id(), "sign");
        await community.OkAsync(first.Id(), "reply", new { reply = "管道已修复" });
        var follower = await hotline.GetTicketAsync(second);
        Assert.Equal("Merged", follower.State());
        Assert.Equal("管道已修复", follower.GetProperty("reply").GetString());
        Assert.Equal(first.Id(), follower.GetProperty("mergedIntoId").GetInt64());

        // Both reporters (filed by phone) are told the reply.
        var numbers = new[] { first.GetProperty("number").GetString(), follower.GetProperty("number").GetString() };
        var told = await city.App.WithScopeAsync(sp => Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(
            sp.GetRequiredService<Linli.Modules.Requests.Data.RequestsDbContext>().Outbox
                .Where(m => m.Subject == "诉求已答复，请评价" && (m.Recipient == "reporter:" + numbers[0] || m.Recipient == "reporter:" + numbers[1]))));
        Assert.Equal(2, told.Count);
        Assert.All(told, m => Assert.Contains("管道已修复", m.Body));
    }

    [Fact]
    public async Task The_hotline_finds_a_callers_earlier_tickets_by_phone_sent_in_the_body()
    {
        var hotline = await city.App.ClientForAsync("hotline");
        var category = await RequestsApi.NewLeafAsync(city.App);
        var phone = "1370000" + Random.Shared.Next(1000, 9999);
        var one = await hotline.FileAsync(category, phone: phone);
        var two = await hotline.FileAsync(category, phone: phone.Insert(3, " "));
        await hotline.FileAsync(category, phone: "13600000000");

        var history = await (await hotline.PostAsJsonAsync("/api/requests/caller-history", new { phone })).Json(HttpStatusCode.OK);
        Assert.Equal([two.Id(), one.Id()], history.GetProperty("items").EnumerateArray().Select(t => t.Id()).ToArray());
        // The operator may type the number as the caller says it: the lookup normalises exactly as intake does.
        var typed = await (await hotline.PostAsJsonAsync("/api/requests/caller-history", new { phone = phone.Insert(3, "-").Insert(8, " ") })).Json(HttpStatusCode.OK);
        Assert.Equal([two.Id(), one.Id()], typed.GetProperty("items").EnumerateArray().Select(t => t.Id()).ToArray());
        Assert.Equal(HttpStatusCode.Forbidden, (await (await city.App.ClientForAsync("cw.a")).PostAsJsonAsync("/api/requests/caller-history", new { phone })).StatusCode);
    }
}
