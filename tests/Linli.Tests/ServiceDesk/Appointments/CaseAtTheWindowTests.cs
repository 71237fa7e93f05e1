using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Platform.Auth;
using Linli.Tests.Residents;
using Microsoft.EntityFrameworkCore;

namespace Linli.Tests.ServiceDesk.Appointments;

/// <summary>
/// The window's queue and the service cases are one flow: checking a booking in with the applicant receives its case by
/// appointment, serving a walk-in receives its case at the window, each linked to its queue entry and answered with the
/// case number; and only an item handled by appointment in the community's district can be booked.
/// </summary>
[Collection("appointments")]
public sealed class CaseAtTheWindowTests : IDisposable
{
    private static int _workers;
    private readonly AppointmentsFixture _f;

    public CaseAtTheWindowTests(AppointmentsFixture fixture)
    {
        _f = fixture;
        _f.ResetClock();
    }

    public void Dispose() => _f.ResetClock();

    /// <summary>A community worker of that community (receiving a case needs a community-level scope).</summary>
    private async Task<HttpClient> WindowWorkerAsync(string community)
    {
        var name = $"appt.window{Interlocked.Increment(ref _workers)}";
        await _f.App.CreateUserAsync(name, Roles.CommunityWorker, community);
        return await _f.App.ClientForAsync(name);
    }

    /// <summary>A person new to the pool, as the window enters them.</summary>
    private static object Applicant(string community) => new { idNumber = ResidentTestData.NewIdNumber(), name = "窗口申请人", homeCommunityCode = community };

    private (HandlingModes Mode, string Number, string State) CaseOf(long caseId) =>
        _f.Db(db => db.ServiceCases.AsNoTracking().Where(c => c.Id == caseId).Select(c => new { c.Mode, c.Number, c.State }).AsEnumerable()
            .Select(c => (c.Mode, c.Number, c.State.ToString())).Single());

    [Fact]
    public async Task A_booking_checked_in_with_its_applicant_opens_an_appointment_case_linked_to_its_queue_entry()
    {
        var community = _f.NewCommunity();
        var item = await _f.NewItemAsync();
        var slots = await _f.PublishAsync(community, new DateOnly(2026, 9, 28), new DateOnly(2026, 9, 28), 2);
        var resident = (await _f.NewResidentsAsync(1))[0];
        var booking = await (await AppointmentsFixture.BookAsync(resident.Client, slots[0].Id(), item)).Json(HttpStatusCode.Created);
        var worker = await WindowWorkerAsync(community);
        _f.MoveTo(new DateTime(2026, 9, 28, 8, 50, 0));

        // An applicant the intake refuses (no valid ID number) leaves the booking as it was: nothing is half done.
        var refused = await (await worker.PostAsJsonAsync($"/api/appointments/{booking.Id()}/check-in", new { applicant = new { idNumber = "123" } }))
            .Json(HttpStatusCode.BadRequest);
        Assert.True(refused.GetProperty("errors").TryGetProperty("Applicant.IdNumber", out _), refused.ToString());
        Assert.Equal(Modules.ServiceDesk.Domain.Appointments.BookingState.Booked, _f.Db(db => db.Bookings.Single(b => b.Id == booking.Id()).State));

        var entry = await (await worker.PostAsJsonAsync($"/api/appointments/{booking.Id()}/check-in", new { applicant = Applicant(community) })).Json(HttpStatusCode.OK);

        var caseId = entry.GetProperty("caseId").GetInt64();
        var number = entry.GetProperty("caseNumber").GetString();
        var opened = CaseOf(caseId);
        Assert.Equal(HandlingModes.Appointment, opened.Mode);
        Assert.Equal(opened.Number, number);
        Assert.Equal(caseId, _f.Db(db => db.QueueEntries.Single(q => q.BookingId == booking.Id()).CaseId));
        Assert.Equal(Modules.ServiceDesk.Domain.Appointments.BookingState.CheckedIn, _f.Db(db => db.Bookings.Single(b => b.Id == booking.Id()).State));
        // The queue shows the case's number too.
        var queue = await (await worker.GetAsync($"/api/appointments/queue?community={community}")).Json(HttpStatusCode.OK);
        Assert.Equal(number, queue.GetProperty("items")[0].GetProperty("caseNumber").GetString());
    }

    [Fact]
    public async Task A_walk_in_served_with_its_applicant_opens_a_window_case_once()
    {
        var community = _f.NewCommunity();
        var item = await _f.NewItemAsync();
        var itemCode = _f.Db(db => db.ServiceItems.Single(i => i.Id == item).Code);
        var worker = await WindowWorkerAsync(community);
        var walkIn = await (await worker.PostAsJsonAsync("/api/appointments/queue/walk-ins", new { communityCode = community, itemId = item })).Json(HttpStatusCode.OK);
        Assert.Equal(JsonValueKind.Null, walkIn.GetProperty("caseNumber").ValueKind);

        var served = await (await worker.PostAsJsonAsync($"/api/appointments/queue/{walkIn.Id()}/receive", new { applicant = Applicant(community) })).Json(HttpStatusCode.OK);

        Assert.Equal("Done", served.GetProperty("state").GetString());
        var opened = CaseOf(served.GetProperty("caseId").GetInt64());
        Assert.Equal(HandlingModes.Window, opened.Mode);
        Assert.Equal(opened.Number, served.GetProperty("caseNumber").GetString());
        Assert.Equal(itemCode, _f.Db(db => db.ServiceCases.Where(c => c.Id == served.GetProperty("caseId").GetInt64())
            .Join(db.ServiceItems, c => c.ItemId, i => i.Id, (c, i) => i.Code).Single()));

        // Served twice: the second window is told, and no second case is opened.
        var cases = _f.Db(db => db.ServiceCases.Count());
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync($"/api/appointments/queue/{walkIn.Id()}/receive", new { applicant = Applicant(community) })).StatusCode);
        Assert.Equal(cases, _f.Db(db => db.ServiceCases.Count()));
        // A walk-in without an item names the field the case needs; another community's worker does not see the entry.
        var unknown = await (await worker.PostAsJsonAsync("/api/appointments/queue/walk-ins", new { communityCode = community })).Json(HttpStatusCode.OK);
        var noItem = await (await worker.PostAsJsonAsync($"/api/appointments/queue/{unknown.Id()}/receive", new { applicant = Applicant(community) })).Json(HttpStatusCode.BadRequest);
        Assert.True(noItem.GetProperty("errors").TryGetProperty("ItemCode", out _), noItem.ToString());
        Assert.Equal("Waiting", _f.Db(db => db.QueueEntries.Single(q => q.Id == unknown.Id()).State.ToString()));
        var other = await _f.WorkerAsync("appt.other");
        Assert.Equal(HttpStatusCode.NotFound, (await other.PostAsJsonAsync($"/api/appointments/queue/{unknown.Id()}/receive", new { applicant = Applicant(community) })).StatusCode);
    }

    [Fact]
    public async Task An_item_not_handled_by_appointment_or_neither_city_wide_nor_on_the_districts_list_cannot_be_booked()
    {
        var community = _f.NewCommunity();
        var windowOnly = await _f.NewItemAsync("仅窗口办理事项", HandlingModes.Window);
        var elsewhere = await _f.NewItemAsync("他区代办事项", districts: ["210103"], cityWide: false);
        var bookable = await _f.NewItemAsync();
        var slots = await _f.PublishAsync(community, new DateOnly(2026, 9, 29), new DateOnly(2026, 9, 29), 5);
        var resident = (await _f.NewResidentsAsync(1))[0];

        foreach (var item in new[] { windowOnly, elsewhere })
        {
            var refused = await (await AppointmentsFixture.BookAsync(resident.Client, slots[0].Id(), item)).Json(HttpStatusCode.BadRequest);
            Assert.True(refused.GetProperty("errors").TryGetProperty("itemId", out _), refused.ToString());
        }
        Assert.Equal(0, _f.Db(db => db.WindowSlots.Single(s => s.Id == slots[0].Id()).Taken));
        await (await AppointmentsFixture.BookAsync(resident.Client, slots[0].Id(), bookable)).Json(HttpStatusCode.Created);
    }

    [Fact]
    public async Task A_city_wide_item_is_booked_in_a_district_whose_list_does_not_name_it_as_a_window_would_receive_it()
    {
        var community = _f.NewCommunity();
        var cityWide = await _f.NewItemAsync("全市通办事项", districts: []);
        var slots = await _f.PublishAsync(community, new DateOnly(2026, 9, 29), new DateOnly(2026, 9, 29), 5);
        var resident = (await _f.NewResidentsAsync(1))[0];

        await (await AppointmentsFixture.BookAsync(resident.Client, slots[0].Id(), cityWide)).Json(HttpStatusCode.Created);
        Assert.Equal(1, _f.Db(db => db.WindowSlots.Single(s => s.Id == slots[0].Id()).Taken));
    }
}
