using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Features.AppointmentsCloseDay;
using Linli.Platform.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Linli.Tests.ServiceDesk.Appointments;

/// <summary>Closing a community's day, or a holiday entered later, moves or cancels that day's bookings in one go and tells every resident.</summary>
[Collection("appointments")]
public sealed class ClosingDaysTests : IDisposable
{
    private readonly AppointmentsFixture _f;

    public ClosingDaysTests(AppointmentsFixture fixture)
    {
        _f = fixture;
        _f.ResetClock();
    }

    public void Dispose() => _f.ResetClock();

    private static readonly DateOnly Tuesday = new(2026, 9, 29), Wednesday = new(2026, 9, 30);

    [Fact]
    public async Task Closing_a_day_moves_its_bookings_to_the_next_free_slots_and_notifies_each_resident()
    {
        var community = _f.NewCommunity();
        var item = await _f.NewItemAsync();
        var slots = await _f.PublishAsync(community, Tuesday, Wednesday, 1);
        var residents = await _f.NewResidentsAsync(2);
        var bookings = new List<long>();
        for (var i = 0; i < 2; i++) bookings.Add((await (await AppointmentsFixture.BookAsync(residents[i].Client, slots[i].Id(), item)).Json(HttpStatusCode.Created)).Id());
        // Wednesday's first place is taken already: the moved bookings go to the next free ones.
        var early = (await _f.NewResidentsAsync(1))[0];
        var wednesday = slots.Where(s => s.Day() == Wednesday).ToList();
        await (await AppointmentsFixture.BookAsync(early.Client, wednesday[0].Id(), item)).Json(HttpStatusCode.Created);

        var worker = await _f.WorkerAsync();
        var closed = await (await worker.PostAsJsonAsync("/api/appointments/closures", new { communityCode = community, day = Tuesday, reason = "停电检修" })).Json(HttpStatusCode.OK);

        Assert.Equal(2, closed.GetProperty("moved").GetInt32());
        Assert.Equal(0, closed.GetProperty("cancelled").GetInt32());
        var moved = bookings.Select(id => _f.Db(db => db.Bookings.Single(b => b.Id == id))).ToList();
        Assert.Equal([wednesday[1].Id(), wednesday[2].Id()], moved.Select(b => b.SlotId));
        Assert.All(moved, b => Assert.Equal(BookingState.Booked, b.State));
        Assert.Equal([wednesday[1].StartsAt(), wednesday[2].StartsAt()], moved.Select(b => b.StartsAt));
        foreach (var (booking, resident) in bookings.Zip(residents))
        {
            var message = _f.Db(db => db.AppointmentMessages.Single(m => m.BookingId == booking && m.Subject == "预约已改期"));
            Assert.Equal("user:" + resident.UserId, message.Recipient);
            Assert.Contains("停电检修", message.Body);
        }
        Assert.Empty(await AppointmentsFixture.SlotsAsync(_f.App.CreateClient(), community, Tuesday, Tuesday));
        Assert.Equal(1, _f.Db(db => db.WindowSlots.Single(s => s.Id == wednesday[1].Id()).Taken));
        // The closed day takes no new slots and no second closure.
        var republished = await (await worker.PostAsJsonAsync("/api/appointments/slots", new
        {
            communityCode = community, from = Tuesday, to = Tuesday, periods = new[] { new { from = "17:00", to = "17:30" } }, slotMinutes = 30, capacity = 1,
        })).Json(HttpStatusCode.OK);
        Assert.Equal(0, republished.GetProperty("created").GetInt32());
        Assert.Equal(HttpStatusCode.Conflict, (await worker.PostAsJsonAsync("/api/appointments/closures", new { communityCode = community, day = Tuesday, reason = "再次" })).StatusCode);
    }

    [Fact]
    public async Task Closing_a_day_without_moving_or_without_a_free_later_place_cancels_and_notifies()
    {
        var community = _f.NewCommunity();
        var item = await _f.NewItemAsync();
        var slots = await _f.PublishAsync(community, Tuesday, Tuesday, 1, [new { from = "09:00", to = "10:00" }]);
        var residents = await _f.NewResidentsAsync(2);
        var ids = new List<long>();
        for (var i = 0; i < 2; i++) ids.Add((await (await AppointmentsFixture.BookAsync(residents[i].Client, slots[i].Id(), item)).Json(HttpStatusCode.Created)).Id());

        var worker = await _f.WorkerAsync();
        var closed = await (await worker.PostAsJsonAsync("/api/appointments/closures", new { communityCode = community, day = Tuesday, reason = "社区活动", moveBookings = true })).Json(HttpStatusCode.OK);

        Assert.Equal(0, closed.GetProperty("moved").GetInt32());
        Assert.Equal(2, closed.GetProperty("cancelled").GetInt32());
        Assert.All(ids, id =>
        {
            var booking = _f.Db(db => db.Bookings.Single(b => b.Id == id));
            Assert.Equal(BookingState.Cancelled, booking.State);
            Assert.Equal(CancelReason.DayClosed, booking.CancelReason);
            Assert.Equal(1, _f.Db(db => db.AppointmentMessages.Count(m => m.BookingId == id && m.Subject == "预约已取消")));
        });
        // A worker outside the community cannot close it; a past day is refused naming the field.
        var other = await _f.WorkerAsync("appt.other");
        Assert.Equal(HttpStatusCode.Forbidden, (await other.PostAsJsonAsync("/api/appointments/closures", new { communityCode = community, day = Wednesday, reason = "x" })).StatusCode);
        var past = await (await worker.PostAsJsonAsync("/api/appointments/closures", new { communityCode = community, day = new DateOnly(2026, 9, 27), reason = "x" })).Json(HttpStatusCode.BadRequest);
        Assert.True(past.GetProperty("errors").TryGetProperty("day", out _));
    }

    [Fact]
    public async Task A_holiday_entered_later_closes_that_days_slots_and_moves_their_bookings_once()
    {
        var community = _f.NewCommunity();
        var item = await _f.NewItemAsync();
        var monday = new DateOnly(2026, 11, 2);
        var slots = await _f.PublishAsync(community, monday, new DateOnly(2026, 11, 3), 1, [new { from = "09:00", to = "10:00" }]);
        _f.MoveTo(new DateTime(2026, 10, 20, 9, 0, 0));
        var resident = (await _f.NewResidentsAsync(1))[0];
        var booking = await (await AppointmentsFixture.BookAsync(resident.Client, slots[0].Id(), item)).Json(HttpStatusCode.Created);

        // The administrator adds 2 November as a holiday to the year's days.
        var moved = await _f.App.WithScopeAsync(async sp =>
        {
            var shipped = sp.GetRequiredService<ShippedHolidays>().Year(2026).ToList();
            shipped.Add(new HolidayEntry(monday, HolidayKind.Holiday, "测试假日"));
            return await sp.GetRequiredService<HolidayCalendar>().SaveYearAsync(2026, shipped, "测试：增加假日", CancellationToken.None);
        });

        Assert.True(moved >= 1);
        var after = _f.Db(db => db.Bookings.Single(b => b.Id == booking.Id()));
        Assert.Equal(BookingState.Booked, after.State);
        Assert.Equal(slots.First(s => s.Day() == new DateOnly(2026, 11, 3)).Id(), after.SlotId);
        Assert.Equal(slots[0].Id(), after.MovedFromSlotId);
        Assert.Equal(1, _f.Db(db => db.AppointmentMessages.Count(m => m.BookingId == booking.Id() && m.Subject == "预约已改期")));
        Assert.All(_f.Db(db => db.WindowSlots.Where(s => s.CommunityCode == community && s.Day == monday).ToList()), s => Assert.NotNull(s.ClosedAt));
        Assert.Empty(await AppointmentsFixture.SlotsAsync(_f.App.CreateClient(), community, monday, monday));
        // Applying the revision again (another instance, a restart) changes nothing.
        await _f.App.Services.GetRequiredService<HolidayCalendar>().ApplyPendingAsync();
        Assert.Equal(1, _f.Db(db => db.AppointmentMessages.Count(m => m.BookingId == booking.Id() && m.Subject == "预约已改期")));
    }

    [Fact]
    public async Task A_holiday_over_several_communities_moves_their_bookings_while_later_places_last_and_cancels_the_rest()
    {
        var (a, b) = (_f.NewCommunity(), _f.NewCommunity());
        var item = await _f.NewItemAsync();
        var (holiday, next) = (new DateOnly(2026, 11, 9), new DateOnly(2026, 11, 10));
        object[] hour = [new { from = "09:00", to = "10:00" }];
        var aHoliday = (await _f.PublishAsync(a, holiday, holiday, 2, hour, 60))[0];
        var aNext = (await _f.PublishAsync(a, next, next, 1, hour, 60))[0];
        var bHoliday = (await _f.PublishAsync(b, holiday, holiday, 1, hour, 60))[0];
        var bNext = (await _f.PublishAsync(b, next, next, 1, hour, 60))[0];
        _f.MoveTo(new DateTime(2026, 10, 20, 9, 0, 0));
        var residents = await _f.NewResidentsAsync(3);
        var first = await (await AppointmentsFixture.BookAsync(residents[0].Client, aHoliday.Id(), item)).Json(HttpStatusCode.Created);
        var second = await (await AppointmentsFixture.BookAsync(residents[1].Client, aHoliday.Id(), item)).Json(HttpStatusCode.Created);
        var third = await (await AppointmentsFixture.BookAsync(residents[2].Client, bHoliday.Id(), item)).Json(HttpStatusCode.Created);

        var moved = await _f.App.WithScopeAsync(async sp =>
        {
            var shipped = sp.GetRequiredService<ShippedHolidays>().Year(2026).ToList();
            shipped.Add(new HolidayEntry(holiday, HolidayKind.Holiday, "测试假日"));
            return await sp.GetRequiredService<HolidayCalendar>().SaveYearAsync(2026, shipped, "测试：增加假日", CancellationToken.None);
        });

        Assert.True(moved >= 3);
        Booking Now(JsonElement booking) => _f.Db(db => db.Bookings.Single(x => x.Id == booking.Id()));
        int Messages(JsonElement booking, string subject) => _f.Db(db => db.AppointmentMessages.Count(m => m.BookingId == booking.Id() && m.Subject == subject));
        // A's earlier booking takes A's one later place; the other finds none left and is cancelled; B's moves within B.
        Assert.Equal((BookingState.Booked, aNext.Id(), (long?)aHoliday.Id()), (Now(first).State, Now(first).SlotId, Now(first).MovedFromSlotId));
        Assert.Equal((BookingState.Cancelled, (CancelReason?)CancelReason.DayClosed), (Now(second).State, Now(second).CancelReason));
        Assert.Equal((BookingState.Booked, bNext.Id()), (Now(third).State, Now(third).SlotId));
        Assert.Equal((1, 1, 0), (Messages(first, "预约已改期"), Messages(second, "预约已取消"), Messages(second, "预约已改期")));
        Assert.Equal(1, Messages(third, "预约已改期"));
        Assert.Equal(1, _f.Db(db => db.WindowSlots.Single(s => s.Id == aNext.Id()).Taken));
        Assert.Equal(1, _f.Db(db => db.WindowSlots.Single(s => s.Id == bNext.Id()).Taken));
        Assert.All(_f.Db(db => db.WindowSlots.Where(s => (s.CommunityCode == a || s.CommunityCode == b) && s.Day == holiday).ToList()), s => Assert.NotNull(s.ClosedAt));
        Assert.Equal(2, _f.Db(db => db.CommunityClosures.Count(c => (c.CommunityCode == a || c.CommunityCode == b) && c.Day == holiday)));
    }

    [Fact]
    public async Task Communities_closed_a_pass_at_a_time_each_move_their_bookings_within_their_own_community()
    {
        var (a, b) = (_f.NewCommunity(), _f.NewCommunity());
        var item = await _f.NewItemAsync();
        var aSlots = await _f.PublishAsync(a, Tuesday, Wednesday, 1);
        var bSlots = await _f.PublishAsync(b, Tuesday, Wednesday, 1);
        var residents = await _f.NewResidentsAsync(2);
        var first = await (await AppointmentsFixture.BookAsync(residents[0].Client, aSlots[0].Id(), item)).Json(HttpStatusCode.Created);
        var second = await (await AppointmentsFixture.BookAsync(residents[1].Client, bSlots[0].Id(), item)).Json(HttpStatusCode.Created);

        // One community per pass: the second pass must neither see the first's free places nor lose its answers.
        var closed = await _f.App.WithScopeAsync(async sp =>
        {
            var db = sp.GetRequiredService<ServiceDeskDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            var answers = await DayCloser.CloseAsync(db, [(a, Tuesday), (b, Tuesday)], "测试闭站", move: true, "test", sp.GetRequiredService<WorkingCalendar>(),
                _f.Clock.GetUtcNow().UtcDateTime, sp.GetRequiredService<IOptions<AppointmentOptions>>().Value, CancellationToken.None, communitiesPerPass: 1);
            await transaction.CommitAsync();
            return answers;
        });

        Assert.Equal([(a, aSlots.Count(s => s.Day() == Tuesday), 1, 0), (b, bSlots.Count(s => s.Day() == Tuesday), 1, 0)],
            closed.Select(c => (c.CommunityCode, c.Slots, c.Moved, c.Cancelled)));
        foreach (var (booking, community) in new[] { (first, a), (second, b) })
        {
            var now = _f.Db(db => db.Bookings.Single(x => x.Id == booking.Id()));
            var slot = _f.Db(db => db.WindowSlots.Single(x => x.Id == now.SlotId));
            Assert.Equal((BookingState.Booked, community, Wednesday), (now.State, slot.CommunityCode, slot.Day));
            Assert.Equal(1, slot.Taken);
        }
    }

    [Fact]
    public async Task A_holiday_on_the_day_before_a_booking_moves_its_reminder_to_the_working_day_before_that()
    {
        var community = _f.NewCommunity();
        var item = await _f.NewItemAsync();
        var (holiday, booked) = (new DateOnly(2026, 11, 11), new DateOnly(2026, 11, 12)); // Wednesday made a holiday; Thursday's booking
        var slot = (await _f.PublishAsync(community, booked, booked, 1))[0];
        _f.MoveTo(new DateTime(2026, 10, 20, 9, 0, 0));
        var resident = (await _f.NewResidentsAsync(1))[0];
        var booking = await (await AppointmentsFixture.BookAsync(resident.Client, slot.Id(), item)).Json(HttpStatusCode.Created);
        DateTime? RemindAt() => _f.Db(db => db.Bookings.Single(b => b.Id == booking.Id()).RemindAt);
        Assert.Equal(WorkingCalendar.ToUtc(new DateTime(2026, 11, 11, 9, 0, 0)), RemindAt());

        await _f.App.WithScopeAsync(async sp =>
        {
            var shipped = sp.GetRequiredService<ShippedHolidays>().Year(2026).ToList();
            shipped.Add(new HolidayEntry(holiday, HolidayKind.Holiday, "测试假日"));
            return await sp.GetRequiredService<HolidayCalendar>().SaveYearAsync(2026, shipped, "测试：增加假日", CancellationToken.None);
        });

        Assert.Equal(WorkingCalendar.ToUtc(new DateTime(2026, 11, 10, 9, 0, 0)), RemindAt());
        Assert.Equal(BookingState.Booked, _f.Db(db => db.Bookings.Single(b => b.Id == booking.Id()).State));
    }
}
