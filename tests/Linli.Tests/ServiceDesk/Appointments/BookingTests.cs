using System.Net;
using System.Net.Http.Json;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Features.AppointmentsReminders;
using Linli.Platform.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Linli.Tests.ServiceDesk.Appointments;

/// <summary>Publishing slots, booking under concurrency and under the limits, cancelling with a delayed release, and reminders, over HTTP.</summary>
[Collection("appointments")]
public sealed class BookingTests : IDisposable
{
    private readonly AppointmentsFixture _f;

    public BookingTests(AppointmentsFixture fixture)
    {
        _f = fixture;
        _f.ResetClock();
    }

    public void Dispose() => _f.ResetClock();

    private static readonly DateOnly Monday = new(2026, 9, 28);

    [Fact]
    public async Task Published_slots_follow_the_working_calendar_and_are_listed_publicly_page_by_page()
    {
        var community = _f.NewCommunity();
        var worker = await _f.WorkerAsync();
        var answer = await (await worker.PostAsJsonAsync("/api/appointments/slots", new
        {
            communityCode = community, from = Monday, to = new DateOnly(2026, 10, 11),
            periods = new[] { new { from = "09:00", to = "11:30" }, new { from = "13:30", to = "16:30" } }, slotMinutes = 30, capacity = 2,
        })).Json(HttpStatusCode.OK);
        Assert.Equal(66, answer.GetProperty("created").GetInt32());
        // Publishing the same template again creates nothing twice.
        var again = await (await worker.PostAsJsonAsync("/api/appointments/slots", new
        {
            communityCode = community, from = Monday, to = new DateOnly(2026, 10, 11),
            periods = new[] { new { from = "09:00", to = "11:30" }, new { from = "13:30", to = "16:30" } }, slotMinutes = 30, capacity = 2,
        })).Json(HttpStatusCode.OK);
        Assert.Equal(0, again.GetProperty("created").GetInt32());

        var anonymous = _f.App.CreateClient();
        var first = await (await anonymous.GetAsync($"/api/appointments/slots?community={community}&from=2026-09-28&to=2026-10-11&pageSize=20")).Json(HttpStatusCode.OK);
        Assert.Equal(66, first.GetProperty("total").GetInt32());
        Assert.Equal(20, first.GetProperty("items").GetArrayLength());
        var slots = await AppointmentsFixture.SlotsAsync(anonymous, community, Monday, new DateOnly(2026, 10, 11));
        Assert.Equal(66, slots.Select(s => s.Id()).Distinct().Count());
        Assert.DoesNotContain(slots, s => s.Day() >= new DateOnly(2026, 10, 1) && s.Day() <= new DateOnly(2026, 10, 7));
        Assert.Equal(11, slots.Count(s => s.Day() == new DateOnly(2026, 10, 10)));
        Assert.All(slots, s => Assert.Equal(2, s.GetProperty("available").GetInt32()));
        Assert.Equal(slots.OrderBy(s => s.StartsAt()).Select(s => s.Id()), slots.Select(s => s.Id()));
    }

    [Fact]
    public async Task Slots_are_published_only_for_a_community_in_the_workers_scope_and_bad_input_names_the_field()
    {
        var community = _f.NewCommunity();
        var other = await _f.WorkerAsync("appt.other");
        var outside = await other.PostAsJsonAsync("/api/appointments/slots", new
        {
            communityCode = community, from = Monday, to = Monday, periods = new[] { new { from = "09:00", to = "10:00" } }, slotMinutes = 30, capacity = 1,
        });
        Assert.Equal(HttpStatusCode.Forbidden, outside.StatusCode);
        var worker = await _f.WorkerAsync();
        var badTime = await (await worker.PostAsJsonAsync("/api/appointments/slots", new
        {
            communityCode = community, from = Monday, to = Monday, periods = new[] { new { from = "9点", to = "10:00" } }, slotMinutes = 30, capacity = 1,
        })).Json(HttpStatusCode.BadRequest);
        Assert.True(badTime.GetProperty("errors").TryGetProperty("periods", out _));
        var noCommunity = await (await worker.PostAsJsonAsync("/api/appointments/slots", new
        {
            communityCode = "210102999999", from = Monday, to = Monday, periods = new[] { new { from = "09:00", to = "10:00" } }, slotMinutes = 30, capacity = 1,
        })).Json(HttpStatusCode.BadRequest);
        Assert.True(noCommunity.GetProperty("errors").TryGetProperty("communityCode", out _));
        Assert.Equal(0, _f.Db(db => db.WindowSlots.Count(s => s.CommunityCode == community)));
        var list = await _f.App.CreateClient().GetAsync("/api/appointments/slots?community=abc");
        Assert.Equal(HttpStatusCode.BadRequest, list.StatusCode);
    }

    [Fact]
    public async Task A_hundred_concurrent_bookings_of_a_slot_with_three_places_give_exactly_three_bookings_and_ninety_seven_clear_refusals()
    {
        var community = _f.NewCommunity();
        var item = await _f.NewItemAsync();
        var slot = (await _f.PublishAsync(community, new DateOnly(2026, 9, 29), new DateOnly(2026, 9, 29), 3, [new { from = "09:00", to = "09:30" }]))[0];
        var residents = await _f.NewResidentsAsync(100);

        var responses = await Task.WhenAll(residents.Select(r => AppointmentsFixture.BookAsync(r.Client, slot.Id(), item)));

        Assert.Equal(3, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        var refusals = responses.Where(r => r.StatusCode != HttpStatusCode.Created).ToList();
        Assert.Equal(97, refusals.Count);
        foreach (var refusal in refusals)
        {
            var problem = await refusal.Json(HttpStatusCode.Conflict);
            Assert.Equal("application/problem+json", refusal.Content.Headers.ContentType?.MediaType);
            Assert.Equal("full", problem.GetProperty("reason").GetString());
            Assert.Equal("该时段已约满，请选择其他时段。", problem.GetProperty("detail").GetString());
        }
        Assert.Equal(3, _f.Db(db => db.WindowSlots.Single(s => s.Id == slot.Id()).Taken));
        Assert.Equal(3, _f.Db(db => db.Bookings.Count(b => b.SlotId == slot.Id())));
        var list = await AppointmentsFixture.SlotsAsync(_f.App.CreateClient(), community, new DateOnly(2026, 9, 29), new DateOnly(2026, 9, 29));
        Assert.Equal(0, list.Single().GetProperty("available").GetInt32());
    }

    [Fact]
    public async Task A_booking_answers_the_items_materials_and_is_among_my_bookings()
    {
        var community = _f.NewCommunity();
        var item = await _f.NewItemAsync("居家养老服务申请");
        var slot = (await _f.PublishAsync(community, new DateOnly(2026, 9, 29), new DateOnly(2026, 9, 29), 2))[0];
        var resident = (await _f.NewResidentsAsync(1))[0];

        var booking = await (await AppointmentsFixture.BookAsync(resident.Client, slot.Id(), item)).Json(HttpStatusCode.Created);

        Assert.Equal("居家养老服务申请", booking.GetProperty("itemName").GetString());
        var materials = booking.GetProperty("materials").EnumerateArray().ToList();
        Assert.Equal(["居民身份证", "户口簿"], materials.Select(m => m.GetProperty("name").GetString()));
        Assert.Equal("户籍不在本市的", materials[1].GetProperty("condition").GetString());
        Assert.Equal("Booked", booking.GetProperty("state").GetString());
        var mine = await (await resident.Client.GetAsync("/api/appointments/mine")).Json(HttpStatusCode.OK);
        Assert.Equal([booking.Id()], mine.GetProperty("items").EnumerateArray().Select(b => b.Id()));
        // Another resident does not see it.
        var other = (await _f.NewResidentsAsync(1))[0];
        Assert.Equal(HttpStatusCode.NotFound, (await other.Client.GetAsync($"/api/appointments/{booking.Id()}")).StatusCode);
        // The confirmation went to the resident's inbox through the outbox.
        Assert.Equal(["预约成功"], _f.Db(db => db.AppointmentMessages.Where(m => m.BookingId == booking.Id()).Select(m => m.Subject).ToList()));
        Assert.Equal("user:" + resident.UserId, _f.Db(db => db.AppointmentMessages.Single(m => m.BookingId == booking.Id()).Recipient));
    }

    [Fact]
    public async Task One_active_booking_per_item_and_at_most_three_at_once_per_person()
    {
        var community = _f.NewCommunity();
        var items = new List<long>();
        for (var i = 0; i < 4; i++) items.Add(await _f.NewItemAsync("事项" + i));
        var slots = await _f.PublishAsync(community, new DateOnly(2026, 9, 29), new DateOnly(2026, 9, 29), 5);
        var resident = (await _f.NewResidentsAsync(1))[0];

        await (await AppointmentsFixture.BookAsync(resident.Client, slots[0].Id(), items[0])).Json(HttpStatusCode.Created);
        var same = await (await AppointmentsFixture.BookAsync(resident.Client, slots[1].Id(), items[0])).Json(HttpStatusCode.Conflict);
        Assert.Equal("same-item", same.GetProperty("reason").GetString());
        await (await AppointmentsFixture.BookAsync(resident.Client, slots[1].Id(), items[1])).Json(HttpStatusCode.Created);
        await (await AppointmentsFixture.BookAsync(resident.Client, slots[2].Id(), items[2])).Json(HttpStatusCode.Created);
        var fourth = await (await AppointmentsFixture.BookAsync(resident.Client, slots[3].Id(), items[3])).Json(HttpStatusCode.Conflict);
        Assert.Equal("too-many", fourth.GetProperty("reason").GetString());
        Assert.Equal(3, _f.Db(db => db.Bookings.Count(b => b.ResidentUserId == resident.UserId)));
        Assert.Equal(0, _f.Db(db => db.WindowSlots.Single(s => s.Id == slots[3].Id()).Taken));

        // Concurrent bookings of one item by one person: one wins, the unique index refuses the rest.
        var other = (await _f.NewResidentsAsync(1))[0];
        var racing = await Task.WhenAll(Enumerable.Range(4, 5).Select(i => AppointmentsFixture.BookAsync(other.Client, slots[i].Id(), items[3])));
        Assert.Equal(1, racing.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.All(racing.Where(r => r.StatusCode != HttpStatusCode.Created), r => Assert.Equal(HttpStatusCode.Conflict, r.StatusCode));
        Assert.Equal(1, _f.Db(db => db.Bookings.Count(b => b.ResidentUserId == other.UserId)));
        Assert.Equal(1, _f.Db(db => db.WindowSlots.Where(s => slots.Skip(4).Take(5).Select(x => x.Id()).Contains(s.Id)).Sum(s => s.Taken)));
    }

    [Fact]
    public async Task A_past_slot_and_a_holiday_slot_are_refused_naming_the_slot_and_take_nothing()
    {
        var community = _f.NewCommunity();
        var item = await _f.NewItemAsync();
        var today = await _f.PublishAsync(community, Monday, Monday, 3);
        _f.MoveTo(new DateTime(2026, 9, 28, 10, 5, 0));
        var resident = (await _f.NewResidentsAsync(1))[0];
        var past = await (await AppointmentsFixture.BookAsync(resident.Client, today[0].Id(), item)).Json(HttpStatusCode.BadRequest);
        Assert.Equal(["该时段已过，不能预约。"], past.GetProperty("errors").GetProperty("slotId").EnumerateArray().Select(e => e.GetString()));

        // A slot on a holiday (published before the calendar said so, and not yet closed).
        var holiday = _f.App.Service(sp =>
        {
            var db = sp.GetRequiredService<Linli.Modules.ServiceDesk.Data.ServiceDeskDbContext>();
            var slot = new WindowSlot
            {
                CommunityCode = community, Day = new DateOnly(2026, 10, 2), StartsAt = WorkingCalendar.ToUtc(new DateTime(2026, 10, 2, 9, 0, 0)),
                EndsAt = WorkingCalendar.ToUtc(new DateTime(2026, 10, 2, 9, 30, 0)), Capacity = 3, ServesAllItems = true, CreatedBy = "test",
            };
            db.WindowSlots.Add(slot);
            db.SaveChanges();
            return slot.Id;
        });
        var closed = await (await AppointmentsFixture.BookAsync(resident.Client, holiday, item)).Json(HttpStatusCode.BadRequest);
        Assert.Equal(["该日不办公（节假日或闭站），不能预约。"], closed.GetProperty("errors").GetProperty("slotId").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(0, _f.Db(db => db.Bookings.Count(b => b.ResidentUserId == resident.UserId)));
        Assert.Equal(0, _f.Db(db => db.WindowSlots.Where(s => s.CommunityCode == community).Sum(s => s.Taken)));
        // And in English for a client that asks for it.
        var english = new HttpRequestMessage(HttpMethod.Post, "/api/appointments") { Content = JsonContent.Create(new { slotId = holiday, itemId = item }) };
        english.Headers.AcceptLanguage.ParseAdd("en");
        var answer = await (await resident.Client.SendAsync(english)).Json(HttpStatusCode.BadRequest);
        Assert.Equal("The window is closed that day (a holiday or a closure); it cannot be booked.",
            answer.GetProperty("errors").GetProperty("slotId")[0].GetString());
    }

    [Fact]
    public async Task A_repeat_under_the_same_idempotency_key_answers_the_first_booking_and_books_nothing_more()
    {
        var community = _f.NewCommunity();
        var item = await _f.NewItemAsync();
        var slot = (await _f.PublishAsync(community, new DateOnly(2026, 9, 29), new DateOnly(2026, 9, 29), 3))[0];
        var resident = (await _f.NewResidentsAsync(1))[0];
        var key = Guid.NewGuid().ToString();

        var first = await AppointmentsFixture.BookAsync(resident.Client, slot.Id(), item, key);
        var again = await AppointmentsFixture.BookAsync(resident.Client, slot.Id(), item, key);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        Assert.Equal(["true"], again.Headers.GetValues("Idempotent-Replayed"));
        Assert.Equal((await first.Json(HttpStatusCode.Created)).Id(), (await again.Json(HttpStatusCode.Created)).Id());
        Assert.Equal(1, _f.Db(db => db.Bookings.Count(b => b.ResidentUserId == resident.UserId)));
        Assert.Equal(1, _f.Db(db => db.WindowSlots.Single(s => s.Id == slot.Id()).Taken));
    }

    [Fact]
    public async Task A_cancelled_place_goes_back_to_the_slot_only_after_the_delay_by_the_job_from_the_stored_release_time()
    {
        var community = _f.NewCommunity();
        var item = await _f.NewItemAsync();
        var slot = (await _f.PublishAsync(community, new DateOnly(2026, 9, 29), new DateOnly(2026, 9, 29), 1))[0];
        var (first, second) = ((await _f.NewResidentsAsync(1))[0], (await _f.NewResidentsAsync(1))[0]);
        var booking = await (await AppointmentsFixture.BookAsync(first.Client, slot.Id(), item)).Json(HttpStatusCode.Created);
        await (await AppointmentsFixture.BookAsync(second.Client, slot.Id(), item)).Json(HttpStatusCode.Conflict);

        var cancelled = await (await first.Client.PostAsync($"/api/appointments/{booking.Id()}/cancel", null)).Json(HttpStatusCode.OK);
        Assert.Equal("Cancelled", cancelled.GetProperty("state").GetString());
        Assert.Equal(AppointmentsFixture.Start.UtcDateTime.AddMinutes(10), cancelled.GetProperty("releaseAt").GetDateTime().ToUniversalTime());
        // Cancelling twice: 409 with the state.
        var twice = await (await first.Client.PostAsync($"/api/appointments/{booking.Id()}/cancel", null)).Json(HttpStatusCode.Conflict);
        Assert.Equal("Cancelled", twice.GetProperty("state").GetString());
        // Not released yet: the place is still taken. (The job's pass covers every booking; this test looks at its own.)
        var chores = _f.App.Services.GetRequiredService<AppointmentChores>();
        DateTime? ReleasedAt() => _f.Db(db => db.Bookings.Single(b => b.Id == booking.Id()).ReleasedAt);
        await chores.ReleaseDueAsync(CancellationToken.None);
        Assert.Null(ReleasedAt());
        await (await AppointmentsFixture.BookAsync(second.Client, slot.Id(), item)).Json(HttpStatusCode.Conflict);
        _f.Clock.Advance(TimeSpan.FromMinutes(5));
        await chores.ReleaseDueAsync(CancellationToken.None);
        Assert.Null(ReleasedAt());
        Assert.Equal(1, _f.Db(db => db.WindowSlots.Single(s => s.Id == slot.Id()).Taken));

        _f.Clock.Advance(TimeSpan.FromMinutes(5));
        Assert.True(await chores.ReleaseDueAsync(CancellationToken.None) >= 1);
        Assert.Equal(_f.Clock.GetUtcNow().UtcDateTime, ReleasedAt());
        await chores.ReleaseDueAsync(CancellationToken.None); // released once, however often the job passes
        Assert.Equal(0, _f.Db(db => db.WindowSlots.Single(s => s.Id == slot.Id()).Taken));
        await (await AppointmentsFixture.BookAsync(second.Client, slot.Id(), item)).Json(HttpStatusCode.Created);
        Assert.Equal(1, _f.Db(db => db.WindowSlots.Single(s => s.Id == slot.Id()).Taken));
    }

    [Fact]
    public async Task Several_places_cancelled_in_one_slot_all_go_back_in_one_pass_and_only_once()
    {
        var community = _f.NewCommunity();
        var item = await _f.NewItemAsync();
        var slot = (await _f.PublishAsync(community, new DateOnly(2026, 9, 29), new DateOnly(2026, 9, 29), 3))[0];
        var residents = await _f.NewResidentsAsync(3);
        foreach (var resident in residents)
        {
            var booking = await (await AppointmentsFixture.BookAsync(resident.Client, slot.Id(), item)).Json(HttpStatusCode.Created);
            await (await resident.Client.PostAsync($"/api/appointments/{booking.Id()}/cancel", null)).Json(HttpStatusCode.OK);
        }
        int Taken() => _f.Db(db => db.WindowSlots.Single(s => s.Id == slot.Id()).Taken);
        Assert.Equal(3, Taken());
        var chores = _f.App.Services.GetRequiredService<AppointmentChores>();
        _f.Clock.Advance(TimeSpan.FromMinutes(10));
        Assert.True(await chores.ReleaseDueAsync(CancellationToken.None) >= 3);
        Assert.Equal(0, Taken());
        Assert.Equal(0, await chores.ReleaseDueAsync(CancellationToken.None));
        Assert.Equal(0, Taken());
        Assert.Equal(3, _f.Db(db => db.Bookings.Count(b => b.SlotId == slot.Id() && b.ReleasedAt == _f.Clock.GetUtcNow().UtcDateTime)));
    }

    [Fact]
    public async Task The_reminder_goes_to_the_outbox_once_on_the_working_day_before_across_the_holidays()
    {
        var community = _f.NewCommunity();
        var item = await _f.NewItemAsync();
        var slot = (await _f.PublishAsync(community, new DateOnly(2026, 10, 8), new DateOnly(2026, 10, 8), 2))[0];
        var resident = (await _f.NewResidentsAsync(1))[0];
        var booking = await (await AppointmentsFixture.BookAsync(resident.Client, slot.Id(), item)).Json(HttpStatusCode.Created);
        Assert.Equal(WorkingCalendar.ToUtc(new DateTime(2026, 9, 30, 9, 0, 0)), booking.GetProperty("remindAt").GetDateTime().ToUniversalTime());
        var chores = _f.App.Services.GetRequiredService<AppointmentChores>();
        int Reminders() => _f.Db(db => db.AppointmentMessages.Count(m => m.BookingId == booking.Id() && m.Subject == "预约提醒"));

        _f.MoveTo(new DateTime(2026, 9, 29, 17, 0, 0));
        await chores.RemindDueAsync(CancellationToken.None);
        Assert.Equal(0, Reminders());
        _f.MoveTo(new DateTime(2026, 9, 30, 9, 0, 0));
        await chores.RemindDueAsync(CancellationToken.None);
        await chores.RemindDueAsync(CancellationToken.None);
        Assert.Equal(1, Reminders());
        Assert.Equal("user:" + resident.UserId, _f.Db(db => db.AppointmentMessages.Single(m => m.BookingId == booking.Id() && m.Subject == "预约提醒").Recipient));
        Assert.NotNull(_f.Db(db => db.Bookings.Single(b => b.Id == booking.Id()).RemindedAt));
    }

    [Fact]
    public async Task A_cancelled_booking_is_not_reminded()
    {
        var community = _f.NewCommunity();
        var item = await _f.NewItemAsync();
        var slot = (await _f.PublishAsync(community, new DateOnly(2026, 9, 30), new DateOnly(2026, 9, 30), 2))[0];
        var resident = (await _f.NewResidentsAsync(1))[0];
        var booking = await (await AppointmentsFixture.BookAsync(resident.Client, slot.Id(), item)).Json(HttpStatusCode.Created);
        await (await resident.Client.PostAsync($"/api/appointments/{booking.Id()}/cancel", null)).Json(HttpStatusCode.OK);
        _f.MoveTo(new DateTime(2026, 9, 29, 9, 30, 0));
        await _f.App.Services.GetRequiredService<AppointmentChores>().RemindDueAsync(CancellationToken.None);
        Assert.Equal(0, _f.Db(db => db.AppointmentMessages.Count(m => m.BookingId == booking.Id() && m.Subject == "预约提醒")));
    }
}
