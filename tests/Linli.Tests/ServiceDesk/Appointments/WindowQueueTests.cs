using System.Net;
using System.Net.Http.Json;
using Linli.Modules.ServiceDesk.Domain.Appointments;

namespace Linli.Tests.ServiceDesk.Appointments;

/// <summary>At the window: bookings checked in and walk-ins share one queue in arrival order, each carrying what receiving the case needs.</summary>
[Collection("appointments")]
public sealed class WindowQueueTests : IDisposable
{
    private readonly AppointmentsFixture _f;

    public WindowQueueTests(AppointmentsFixture fixture)
    {
        _f = fixture;
        _f.ResetClock();
    }

    public void Dispose() => _f.ResetClock();

    [Fact]
    public async Task Checked_in_bookings_and_walk_ins_are_called_in_arrival_order()
    {
        var community = _f.NewCommunity();
        var item = await _f.NewItemAsync();
        var monday = new DateOnly(2026, 9, 28);
        var slots = await _f.PublishAsync(community, monday, new DateOnly(2026, 9, 29), 2);
        var resident = (await _f.NewResidentsAsync(1))[0];
        var booking = await (await AppointmentsFixture.BookAsync(resident.Client, slots[0].Id(), item)).Json(HttpStatusCode.Created);
        var tomorrow = (await _f.NewResidentsAsync(1))[0];
        var later = await (await AppointmentsFixture.BookAsync(tomorrow.Client, slots.First(s => s.Day() != monday).Id(), item)).Json(HttpStatusCode.Created);
        var worker = await _f.WorkerAsync();

        var walkIn = await (await worker.PostAsJsonAsync("/api/appointments/queue/walk-ins", new { communityCode = community, itemId = item })).Json(HttpStatusCode.OK);
        _f.MoveTo(new DateTime(2026, 9, 28, 8, 50, 0));
        var checkedIn = await (await worker.PostAsJsonAsync($"/api/appointments/{booking.Id()}/check-in", new { })).Json(HttpStatusCode.OK);

        Assert.Equal(1, walkIn.GetProperty("number").GetInt32());
        Assert.Equal("WalkIn", walkIn.GetProperty("kind").GetString());
        Assert.Equal(2, checkedIn.GetProperty("number").GetInt32());
        Assert.Equal("002", checkedIn.GetProperty("ticket").GetString());
        Assert.Equal(booking.Id(), checkedIn.GetProperty("bookingId").GetInt64());
        Assert.Equal(item, checkedIn.GetProperty("itemId").GetInt64());
        Assert.Equal(resident.UserId, checkedIn.GetProperty("residentUserId").GetString());
        Assert.Equal(BookingState.CheckedIn, _f.Db(db => db.Bookings.Single(b => b.Id == booking.Id()).State));

        var queue = await (await worker.GetAsync($"/api/appointments/queue?community={community}")).Json(HttpStatusCode.OK);
        Assert.Equal([1, 2], queue.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("number").GetInt32()));
        var called = await (await worker.PostAsync($"/api/appointments/queue/call-next?community={community}", null)).Json(HttpStatusCode.OK);
        Assert.Equal(walkIn.Id(), called.Id());
        Assert.Equal("Called", called.GetProperty("state").GetString());
        var next = await (await worker.PostAsync($"/api/appointments/queue/call-next?community={community}", null)).Json(HttpStatusCode.OK);
        Assert.Equal(checkedIn.Id(), next.Id());
        Assert.Equal(HttpStatusCode.NotFound, (await worker.PostAsync($"/api/appointments/queue/call-next?community={community}", null)).StatusCode);
        await (await worker.PostAsync($"/api/appointments/queue/{next.Id()}/done", null)).Json(HttpStatusCode.OK);

        // Checked in twice, a booking of another day, a worker of another community: refused.
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"/api/appointments/{booking.Id()}/check-in", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"/api/appointments/{later.Id()}/check-in", new { })).StatusCode);
        var other = await _f.WorkerAsync("appt.other");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/appointments/{later.Id()}/check-in", new { })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await other.GetAsync($"/api/appointments/queue?community={community}")).StatusCode);
        // A resident cannot act at the window.
        Assert.Equal(HttpStatusCode.Forbidden, (await resident.Client.PostAsJsonAsync("/api/appointments/queue/walk-ins", new { communityCode = community })).StatusCode);
    }

    [Fact]
    public async Task Walk_ins_arriving_at_once_get_distinct_numbers()
    {
        var community = _f.NewCommunity();
        var worker = await _f.WorkerAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => worker.PostAsJsonAsync("/api/appointments/queue/walk-ins", new { communityCode = community })));
        var numbers = new List<int>();
        foreach (var answer in answers) numbers.Add((await answer.Json(HttpStatusCode.OK)).GetProperty("number").GetInt32());
        Assert.Equal(Enumerable.Range(1, 8), numbers.Order());
    }

    [Fact]
    public async Task A_walk_in_is_queued_only_for_an_item_the_window_can_receive()
    {
        var community = _f.NewCommunity();
        var elsewhere = await _f.NewItemAsync("他区窗口事项", districts: ["210103"], cityWide: false);
        var worker = await _f.WorkerAsync();

        var refused = await worker.PostAsJsonAsync("/api/appointments/queue/walk-ins", new { communityCode = community, itemId = elsewhere });
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains("itemId", await refused.Content.ReadAsStringAsync());
        Assert.Equal(0, _f.Db(db => db.QueueEntries.Count(q => q.CommunityCode == community)));
    }
}
