using System.Net;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Tests.Ui;

namespace Linli.Tests.ServiceDesk.Appointments;

/// <summary>The resident's booking page and the window's pages, as a browser without script uses them (forms and redirects).</summary>
[Collection("appointments")]
public sealed class AppointmentPageTests : IDisposable
{
    private readonly AppointmentsFixture _f;

    public AppointmentPageTests(AppointmentsFixture fixture)
    {
        _f = fixture;
        _f.ResetClock();
    }

    public void Dispose() => _f.ResetClock();

    [Fact]
    public async Task A_resident_chooses_a_slot_sees_the_materials_books_it_and_cancels_it_on_the_page()
    {
        var community = _f.NewCommunity();
        var item = await _f.NewItemAsync("老年优待证办理");
        var slots = await _f.PublishAsync(community, new DateOnly(2026, 9, 29), new DateOnly(2026, 9, 29), 2);
        var resident = (await _f.NewResidentsAsync(1))[0];
        var page = await PageClient.SignedInAsync(_f.App, resident.UserName);
        var url = $"/appointments?District={community[..6]}&Community={community}&Item={item}&Day=2026-09-29";

        var (status, html) = await page.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains("“老年优待证办理”需带材料", html);
        Assert.Contains("居民身份证", html);
        Assert.Contains("余 2 个", html);

        var booked = await page.SubmitAsync(url, new() { ["SlotId"] = slots[0].Id().ToString(System.Globalization.CultureInfo.InvariantCulture), ["SubmissionKey"] = Guid.NewGuid().ToString("N"),
            ["District"] = community[..6], ["Community"] = community, ["Item"] = item.ToString(System.Globalization.CultureInfo.InvariantCulture), ["Day"] = "2026-09-29" },
            "/appointments?handler=Book");
        Assert.Equal(HttpStatusCode.Redirect, booked.StatusCode);
        var booking = _f.Db(db => db.Bookings.Single(b => b.ResidentUserId == resident.UserId));
        Assert.Equal(slots[0].Id(), booking.SlotId);
        var (_, after) = await page.GetAsync(booked.Headers.Location!.OriginalString);
        Assert.Contains($"预约成功，预约号 {booking.Id}", after);
        Assert.Contains("余 1 个", after);

        var cancelled = await page.SubmitAsync(url, new(), $"/appointments?handler=Cancel&id={booking.Id}");
        Assert.Equal(HttpStatusCode.Redirect, cancelled.StatusCode);
        Assert.Equal(BookingState.Cancelled, _f.Db(db => db.Bookings.Single(b => b.Id == booking.Id).State));

        // A full slot answers on the page, not with an error page.
        var (_, again) = await page.GetAsync(url);
        Assert.Contains("已取消", again);
    }

    [Fact]
    public async Task The_item_picker_offers_only_what_can_be_booked_in_the_chosen_district()
    {
        var community = _f.NewCommunity();
        var tag = Guid.NewGuid().ToString("N")[..6];
        await _f.NewItemAsync("可预约" + tag);
        await _f.NewItemAsync("全市通办" + tag, districts: []);
        await _f.NewItemAsync("仅窗口" + tag, HandlingModes.Window);
        await _f.NewItemAsync("他区" + tag, districts: ["210103"], cityWide: false);
        var resident = (await _f.NewResidentsAsync(1))[0];
        var page = await PageClient.SignedInAsync(_f.App, resident.UserName);

        var (_, here) = await page.GetAsync($"/appointments?District={community[..6]}&Community={community}");
        Assert.Contains("可预约" + tag, here);
        Assert.Contains("全市通办" + tag, here);
        Assert.DoesNotContain("仅窗口" + tag, here);
        Assert.DoesNotContain("他区" + tag, here);
        var (_, none) = await page.GetAsync("/appointments");
        Assert.DoesNotContain("可预约" + tag, none);
        Assert.Contains("请先选择区县", none);
    }

    [Fact]
    public async Task The_window_publishes_slots_and_works_the_queue_on_its_pages()
    {
        var community = _f.NewCommunity();
        var item = await _f.NewItemAsync();
        var page = await PageClient.SignedInAsync(_f.App, "appt.district");

        var published = await page.SubmitAsync($"/appointments/manage?community={community}", new()
        {
            ["Community"] = community, ["From"] = "2026-09-28", ["To"] = "2026-09-29", ["Periods"] = "09:00-10:00，13:30-14:00", ["SlotMinutes"] = "30", ["Capacity"] = "2",
        }, "/appointments/manage?handler=Publish");
        Assert.Equal(HttpStatusCode.Redirect, published.StatusCode);
        Assert.Equal(6, _f.Db(db => db.WindowSlots.Count(s => s.CommunityCode == community)));
        var (_, manage) = await page.GetAsync(published.Headers.Location!.OriginalString);
        Assert.Contains("已生成 6 个时段", manage);

        var bad = await page.SubmitAsync($"/appointments/manage?community={community}", new()
        {
            ["Community"] = community, ["From"] = "2026-09-28", ["To"] = "2026-09-29", ["Periods"] = "10:00-09:00", ["SlotMinutes"] = "30", ["Capacity"] = "2",
        }, "/appointments/manage?handler=Publish");
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        Assert.Contains("时间段的结束时间须晚于开始时间。", await bad.Content.ReadAsStringAsync());

        var resident = (await _f.NewResidentsAsync(1))[0];
        var slot = (await AppointmentsFixture.SlotsAsync(_f.App.CreateClient(), community, new DateOnly(2026, 9, 28), new DateOnly(2026, 9, 28)))[0];
        var booking = await (await AppointmentsFixture.BookAsync(resident.Client, slot.Id(), item)).Json(HttpStatusCode.Created);
        var walkIn = await page.SubmitAsync($"/appointments/queue?community={community}", new() { ["Community"] = community, ["ItemId"] = item.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "/appointments/queue?handler=WalkIn");
        Assert.Equal(HttpStatusCode.Redirect, walkIn.StatusCode);
        var checkIn = await page.SubmitAsync($"/appointments/queue?community={community}", new() { ["Community"] = community, ["BookingId"] = booking.Id().ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "/appointments/queue?handler=CheckIn");
        Assert.Equal(HttpStatusCode.Redirect, checkIn.StatusCode);
        var (_, queue) = await page.GetAsync(checkIn.Headers.Location!.OriginalString);
        Assert.Contains("已签到，排队号 002。", queue);
        Assert.True(queue.IndexOf("data-number=\"1\"", StringComparison.Ordinal) < queue.IndexOf("data-number=\"2\"", StringComparison.Ordinal));
        var call = await page.SubmitAsync($"/appointments/queue?community={community}", new() { ["Community"] = community }, "/appointments/queue?handler=CallNext");
        var (_, called) = await page.GetAsync(call.Headers.Location!.OriginalString);
        Assert.Contains("请 001 号到窗口办理。", called);
    }

    [Fact]
    public async Task A_queue_action_refused_by_the_queue_is_said_above_the_form_not_as_an_error_page()
    {
        var community = _f.NewCommunity();
        var page = await PageClient.SignedInAsync(_f.App, "appt.district");

        // Nobody waits (a not-found refusal) and no such booking to check in: both answer on the queue page.
        var call = await page.SubmitAsync($"/appointments/queue?community={community}", new() { ["Community"] = community }, "/appointments/queue?handler=CallNext");
        Assert.Equal(HttpStatusCode.OK, call.StatusCode);
        Assert.Contains("没有等候的人。", await call.Content.ReadAsStringAsync());
        var checkIn = await page.SubmitAsync($"/appointments/queue?community={community}", new() { ["Community"] = community }, "/appointments/queue?handler=CheckIn");
        Assert.Equal(HttpStatusCode.OK, checkIn.StatusCode);
        Assert.Contains("请输入预约号。", await checkIn.Content.ReadAsStringAsync());
    }
}
