using System.Net;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Platform.DueTimes;
using Linli.Tests.Infrastructure;
using Linli.Tests.Ui;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Requests;

/// <summary>
/// A summons nobody answers goes up: when its report-in time passes the watcher escalates it to the district over the
/// place, which is told, finds it on its list, and may withdraw it or record the department's report; nobody else gains a say.
/// </summary>
public sealed class SummonsEscalationTests : IAsyncLifetime
{
    // Monday 23 November 2026, 10:00 China time: an ordinary working morning.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(WorkingCalendar.ToUtc(new DateTime(2026, 11, 23, 10, 0, 0)), TimeSpan.Zero));
    private LinliFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = new LinliFactory { TestServices = s => s.AddSingleton<TimeProvider>(_clock) };
        _ = _app.Server;
        await _app.CreateUserAsync("hotline", Roles.HotlineOperator, "2101");
        await _app.CreateUserAsync("admin", Roles.Administrator, "2101");
        await _app.CreateUserAsync("cw.a", Roles.CommunityWorker, CityFixture.CommunityA);
        await _app.CreateUserAsync("street.a", Roles.StreetStaff, CityFixture.CommunityA[..9]);
        await _app.CreateUserAsync("district.heping", Roles.DistrictStaff, "210102");
        await _app.CreateUserAsync("district.shenhe", Roles.DistrictStaff, "210103");
        await _app.CreateUserAsync("dept.water", Roles.DepartmentStaff, departmentCode: "water");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<long> WhistledAsync(string description)
    {
        var hotline = await _app.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(_app), description: description)).Id();
        await hotline.OkAsync(id, "dispatch", new { unitCode = "community" });
        var community = await _app.ClientForAsync("cw.a");
        await community.OkAsync(id, "sign");
        await community.OkAsync(id, "whistle", new { departmentCodes = new[] { "water" } });
        return id;
    }

    private async Task<List<long>> QueueAsync(string user)
    {
        var queue = await (await (await _app.ClientForAsync(user)).GetAsync("/api/requests/queues/Escalated?pageSize=500")).Json(HttpStatusCode.OK);
        return queue.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToList();
    }

    private Task<T> Db<T>(Func<RequestsDbContext, Task<T>> use) => _app.WithScopeAsync(sp => use(sp.GetRequiredService<RequestsDbContext>()));

    [Fact]
    public async Task An_unanswered_summons_goes_to_the_district_which_is_told_lists_it_and_withdraws_it()
    {
        var id = await WhistledAsync("井盖丢失（合成）");
        var district = await _app.ClientForAsync("district.heping");
        // Before its time the district has no part in the whistle.
        Assert.Equal(HttpStatusCode.Forbidden, (await district.ActAsync(id, "withdraw-summons", new { departmentCode = "water", reason = "区里撤回" })).StatusCode);
        Assert.DoesNotContain(id, await QueueAsync("district.heping"));

        _clock.Advance(TimeSpan.FromDays(1));
        await _app.Services.GetRequiredService<DueTimeWatcher>().RunOnceAsync();

        district = await _app.ClientForAsync("district.heping"); // a day later: a fresh sign-in
        var ticket = await district.GetTicketAsync(id);
        var summons = ticket.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("role").GetString() == "Summoned");
        Assert.NotEqual(System.Text.Json.JsonValueKind.Null, summons.GetProperty("escalatedAt").ValueKind);
        Assert.True(ticket.GetProperty("underSupervision").GetBoolean());
        Assert.False(ticket.GetProperty("isOverdue").GetBoolean());
        var told = await Db(db => db.Outbox.AsNoTracking().Where(m => m.TicketId == id && m.Subject != "吹哨报到").Select(m => new { m.Recipient, m.Subject, m.Body }).ToListAsync());
        var toDistrict = Assert.Single(told, m => m.Recipient == "area:210102");
        Assert.Equal("吹哨超时报区级", toDistrict.Subject);
        Assert.Contains("撤回召集", toDistrict.Body);
        Assert.Contains(told, m => m.Recipient == "area:" + CityFixture.CommunityA && m.Body.Contains("已报区级协调"));
        Assert.Contains(told, m => m.Recipient == "dept:water" && m.Subject == "超期督办");

        // On the district's list and the centre's, and only there; the district next door does not even see the ticket.
        Assert.Contains(id, await QueueAsync("district.heping"));
        Assert.Contains(id, await QueueAsync("hotline"));
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.ClientForAsync("district.shenhe")).GetAsync($"/api/requests/tickets/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden,
            (await (await _app.ClientForAsync("street.a")).ActAsync(id, "withdraw-summons", new { departmentCode = "water", reason = "街道撤回" })).StatusCode);

        // The district's page offers what it may now do.
        var html = (await (await PageClient.SignedInAsync(_app, "district.heping")).GetAsync($"/requests/tickets/{id}")).Html;
        Assert.Contains("id=\"withdraw-water\"", html);
        Assert.Contains("id=\"report-on-behalf-water\"", html);
        Assert.Contains("超时，已报区级", html);

        await district.OkAsync(id, "withdraw-summons", new { departmentCode = "water", reason = "经区里协调，由燃气公司处理" });
        Assert.Equal("WithdrawSummons", RequestsApi.ActionsOf(await district.GetTicketAsync(id)).Last());
        Assert.DoesNotContain(id, await QueueAsync("district.heping"));
        var supervision = await Db(db => db.Supervisions.AsNoTracking().SingleAsync(s => s.TicketId == id));
        Assert.Equal((DeadlineKind.ReportIn, "water"), (supervision.DeadlineKind, supervision.UnitCode));
        Assert.NotNull(supervision.ResolvedAt);
        Assert.Equal("Replied", (await (await _app.ClientForAsync("cw.a")).OkAsync(id, "reply", new { reply = "燃气公司已更换井盖" })).State());
    }

    [Fact]
    public async Task After_escalation_the_district_records_the_report_the_department_gave_it()
    {
        var id = await WhistledAsync("下水道返水（合成）");
        _clock.Advance(TimeSpan.FromDays(1));
        await _app.Services.GetRequiredService<DueTimeWatcher>().RunOnceAsync();
        var ticket = await (await _app.ClientForAsync("district.heping")).OkAsync(id, "report-in-on-behalf",
            new { departmentCode = "water", report = "区水务局已派人疏通", reportedBy = "区水务局 刘科长（区指挥中心电话）" });
        var summons = ticket.GetProperty("units").EnumerateArray().Single(u => u.GetProperty("role").GetString() == "Summoned");
        Assert.Equal("区水务局 刘科长（区指挥中心电话）", summons.GetProperty("reportedBy").GetString());
        Assert.DoesNotContain(id, await QueueAsync("district.heping"));
        // The department reporting late itself is still accepted on a summons that was not answered for it.
        var late = await WhistledAsync("路面塌陷（合成）");
        _clock.Advance(TimeSpan.FromDays(1));
        await _app.Services.GetRequiredService<DueTimeWatcher>().RunOnceAsync();
        await (await _app.ClientForAsync("dept.water")).OkAsync(late, "report-in", new { report = "迟到报到，已处置" });
        Assert.DoesNotContain(late, await QueueAsync("district.heping"));
    }
}
