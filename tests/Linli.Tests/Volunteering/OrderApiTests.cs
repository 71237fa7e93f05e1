using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;

namespace Linli.Tests.Volunteering;

/// <summary>点单 → 派单 → 接单 over HTTP: posting, dispatching, claims (atomic under concurrency), illegal moves and the caller's area.</summary>
[Collection("city")]
public sealed class OrderApiTests(CityFixture city)
{
    // Residents 100–199 of the district (VolunteeringTestData) belong to this class.
    internal static async Task<long> PostAsync(HttpClient client, int capacity, int dayOffset, string community = CityFixture.CommunityA, string skill = "ElderlyCare")
    {
        var starts = DateTimeOffset.UtcNow.Date.AddDays(dayOffset).AddHours(1);
        var response = await client.PostAsJsonAsync("/api/volunteer-orders", new
        {
            communityCode = community, skill, title = "陪同独居老人就医", startsAt = starts, endsAt = starts.AddHours(3), capacity,
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    internal static async Task<long> DispatchedAsync(HttpClient client, int capacity, int dayOffset)
    {
        var id = await PostAsync(client, capacity, dayOffset);
        Assert.Equal(HttpStatusCode.OK, (await client.PostAsync($"/api/volunteer-orders/{id}/dispatch", null)).StatusCode);
        return id;
    }

    [Fact]
    public async Task Fifty_concurrent_claims_on_three_places_give_exactly_three_and_forty_seven_409s()
    {
        var volunteers = await VolunteeringTestData.RegisterAsync(city, 100, 50);
        var worker = await city.App.ClientForAsync("cw.a");
        var orderId = await DispatchedAsync(worker, capacity: 3, dayOffset: 3);
        var clients = await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => city.App.ClientForAsync("district.heping")));

        using var start = new SemaphoreSlim(0);
        var claims = volunteers.Select(async (volunteerId, i) =>
        {
            await start.WaitAsync();
            return await clients[i % clients.Length].PostAsJsonAsync($"/api/volunteer-orders/{orderId}/claim", new { volunteerId });
        }).ToList();
        start.Release(volunteers.Count);
        var responses = await Task.WhenAll(claims);

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.OK));
        Assert.Equal(47, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        var order = await worker.GetFromJsonAsync<JsonElement>($"/api/volunteer-orders/{orderId}");
        Assert.Equal(3, order.GetProperty("claimed").GetInt32());
        Assert.Equal(0, order.GetProperty("placesLeft").GetInt32());
        Assert.Equal("Claimed", order.GetProperty("state").GetString());
        Assert.Equal(3, order.GetProperty("claims").GetArrayLength());
        var conflict = await responses.First(r => r.StatusCode == HttpStatusCode.Conflict).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("full", conflict.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task An_order_is_posted_open_dispatched_claimed_by_a_volunteers_own_account_and_cancelled()
    {
        await city.App.CreateUserAsync("vol.order.a", Roles.Volunteer);
        var district = await city.App.ClientForAsync("district.heping");
        var (residentId, _) = (await VolunteeringTestData.ResidentsAsync(city, 150, 1))[0];
        var registered = await district.PostAsJsonAsync("/api/volunteers", new
        {
            residentId, communityCode = CityFixture.CommunityA, skills = new[] { "ElderlyCare" }, isPartyMember = true, partyBranch = "市直机关党支部",
            accountUserName = "vol.order.a",
        });
        var volunteerId = (await registered.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var worker = await city.App.ClientForAsync("cw.a");
        var volunteer = await city.App.ClientForAsync("vol.order.a");

        var orderId = await PostAsync(worker, capacity: 2, dayOffset: 5);
        var early = await volunteer.PostAsJsonAsync($"/api/volunteer-orders/{orderId}/claim", new { });
        Assert.Equal(HttpStatusCode.Conflict, early.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsync($"/api/volunteer-orders/{orderId}/dispatch", null)).StatusCode);
        var claim = await volunteer.PostAsJsonAsync($"/api/volunteer-orders/{orderId}/claim", new { });
        var twice = await volunteer.PostAsJsonAsync($"/api/volunteer-orders/{orderId}/claim", new { });

        Assert.Equal(HttpStatusCode.OK, claim.StatusCode);
        var claimed = await claim.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Dispatched", claimed.GetProperty("state").GetString());
        Assert.Equal(1, claimed.GetProperty("placesLeft").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, twice.StatusCode);
        var details = await worker.GetFromJsonAsync<JsonElement>($"/api/volunteer-orders/{orderId}");
        Assert.Equal(1, details.GetProperty("claimed").GetInt32());
        Assert.Equal(volunteerId, details.GetProperty("claims")[0].GetProperty("volunteerId").GetInt64());

        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"/api/volunteer-orders/{orderId}/cancel", new { reason = "老人已由家属陪同" })).StatusCode);
        var afterCancel = await volunteer.PostAsJsonAsync($"/api/volunteer-orders/{orderId}/claim", new { });
        Assert.Equal(HttpStatusCode.Conflict, afterCancel.StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsync($"/api/volunteer-orders/{orderId}/dispatch", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"/api/volunteer-orders/{orderId}/cancel", new { reason = "再次" })).StatusCode);
    }

    [Fact]
    public async Task A_volunteer_cannot_take_two_orders_at_overlapping_times()
    {
        var volunteerId = (await VolunteeringTestData.RegisterAsync(city, 151, 1))[0];
        var worker = await city.App.ClientForAsync("cw.a");
        var first = await DispatchedAsync(worker, capacity: 2, dayOffset: 7);
        var second = await DispatchedAsync(worker, capacity: 2, dayOffset: 7);

        Assert.Equal(HttpStatusCode.OK, (await worker.PostAsJsonAsync($"/api/volunteer-orders/{first}/claim", new { volunteerId })).StatusCode);
        var overlap = await worker.PostAsJsonAsync($"/api/volunteer-orders/{second}/claim", new { volunteerId });

        Assert.Equal(HttpStatusCode.Conflict, overlap.StatusCode);
        Assert.Equal("overlap", (await overlap.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("reason").GetString());
    }

    [Fact]
    public async Task Orders_outside_the_callers_area_are_refused_and_unseen()
    {
        var workerA = await city.App.ClientForAsync("cw.a");
        var workerB = await city.App.ClientForAsync("cw.b");
        var orderId = await PostAsync(workerA, capacity: 1, dayOffset: 9);

        var postInB = await workerA.PostAsJsonAsync("/api/volunteer-orders", new
        {
            communityCode = CityFixture.CommunityB, skill = "Repairs", title = "修理水龙头", startsAt = DateTimeOffset.UtcNow.AddDays(2), endsAt = DateTimeOffset.UtcNow.AddDays(2).AddHours(1),
        });
        Assert.Equal(HttpStatusCode.Forbidden, postInB.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await workerB.GetAsync($"/api/volunteer-orders/{orderId}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await workerB.PostAsync($"/api/volunteer-orders/{orderId}/dispatch", null)).StatusCode);
        var listB = await workerB.GetFromJsonAsync<JsonElement>("/api/volunteer-orders?pageSize=500");
        Assert.DoesNotContain(listB.GetProperty("items").EnumerateArray(), o => o.GetProperty("id").GetInt64() == orderId);
    }

    [Theory]
    [InlineData("""{"skill":"ElderlyCare","title":"t","startsAt":"2030-01-01T01:00:00Z","endsAt":"2030-01-01T02:00:00Z"}""", "CommunityCode")]
    [InlineData("""{"communityCode":"COMMUNITY","skill":"ElderlyCare","title":"t","startsAt":"2030-01-01T03:00:00Z","endsAt":"2030-01-01T02:00:00Z"}""", "endsAt")]
    [InlineData("""{"communityCode":"COMMUNITY","skill":"ElderlyCare","title":"t","startsAt":"2020-01-01T01:00:00Z","endsAt":"2020-01-01T02:00:00Z"}""", "endsAt")]
    [InlineData("""{"communityCode":"COMMUNITY","skill":"ElderlyCare","title":"t","startsAt":"2030-01-01T01:00:00Z","endsAt":"2030-01-01T02:00:00Z","capacity":0}""", "Capacity")]
    [InlineData("""{"communityCode":"COMMUNITY","title":"t","startsAt":"2030-01-01T01:00:00Z","endsAt":"2030-01-01T02:00:00Z"}""", "Skill")]
    [InlineData("""{"communityCode":"COMMUNITY","skill":"ElderlyCare","title":"t","startsAt":"2030-01-01T01:00:00Z","endsAt":"2030-01-01T02:00:00Z","residentId":999999999}""", "residentId")]
    public async Task Bad_orders_are_a_400_problem_naming_the_field(string json, string field)
    {
        var client = await city.App.ClientForAsync("cw.a");
        var response = await client.PostAsync("/api/volunteer-orders",
            new StringContent(json.Replace("COMMUNITY", CityFixture.CommunityA), System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _), problem.ToString());
    }

    [Fact]
    public async Task A_resident_account_posts_an_order_but_cannot_dispatch_or_read_the_list()
    {
        var resident = await city.App.ClientForAsync("resident");
        var orderId = await PostAsync(resident, capacity: 1, dayOffset: 11);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.PostAsync($"/api/volunteer-orders/{orderId}/dispatch", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.GetAsync("/api/volunteer-orders")).StatusCode);
        var worker = await city.App.ClientForAsync("cw.a");
        Assert.Equal("Open", (await worker.GetFromJsonAsync<JsonElement>($"/api/volunteer-orders/{orderId}")).GetProperty("state").GetString());
    }

}
