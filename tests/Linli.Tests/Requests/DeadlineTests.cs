using System.Net;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.DueTimes;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Requests;

/// <summary>
/// Deadlines are stored and fired by the module's background watcher on the injected clock: across the National Day
/// holiday (1–7 Oct 2026) and across a restart, each fires exactly once.
/// </summary>
public sealed class DeadlineTests : IAsyncLifetime
{
    // Wednesday 30 Sep 2026, 16:00 China time: the last working afternoon before the National Day week.
    private static readonly DateTimeOffset Start = new(WorkingCalendar.ToUtc(new DateTime(2026, 9, 30, 16, 0, 0)), TimeSpan.Zero);

    private readonly FakeTimeProvider _clock = new(Start);
    private LinliFactory _app = null!;

    private static LinliFactory Start_(FakeTimeProvider clock, LinliFactory? previous = null) =>
        previous is null
            ? new LinliFactory { TestServices = s => s.AddSingleton<TimeProvider>(clock) }
            : new LinliFactory(previous) { TestServices = s => s.AddSingleton<TimeProvider>(clock) };

    public async Task InitializeAsync()
    {
        _app = Start_(_clock);
        _ = _app.Server;
        await _app.CreateUserAsync("hotline", Roles.HotlineOperator, "2101");
        await _app.CreateUserAsync("admin", Roles.Administrator, "2101");
        await _app.CreateUserAsync("dept.water", Roles.DepartmentStaff, departmentCode: "water");
        await _app.CreateUserAsync("cw.a", Roles.CommunityWorker, CityFixture.CommunityA);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static DateTime China(int month, int day, int hour, int minute) => WorkingCalendar.ToUtc(new DateTime(2026, month, day, hour, minute, 0));

    private static void MoveTo(FakeTimeProvider clock, DateTime utc) => clock.SetUtcNow(new DateTimeOffset(utc, TimeSpan.Zero));

    private static Task<T> Db<T>(LinliFactory app, Func<RequestsDbContext, Task<T>> use) => app.WithScopeAsync(sp => use(sp.GetRequiredService<RequestsDbContext>()));

    private static Task<int> FireAsync(LinliFactory app) => app.Services.GetRequiredService<DueTimeWatcher>().RunOnceAsync();

    /// <summary>A water ticket dispatched now: sign within 2 office hours, finish within 5 working days.</summary>
    private static async Task<long> DispatchedTicketAsync(LinliFactory app)
    {
        var category = await RequestsApi.NewLeafAsync(app, "water");
        var hotline = await app.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(category)).Id();
        await hotline.OkAsync(id, "dispatch");
        return id;
    }

    private static Task<List<Supervision>> OverduesAsync(LinliFactory app, long id) =>
        Db(app, db => db.Supervisions.Where(s => s.TicketId == id && s.Reason == SupervisionReason.Overdue).OrderBy(s => s.Id).ToListAsync());

    [Fact]
    public async Task Deadlines_count_office_time_across_the_national_day_week_and_fire_once_each()
    {
        var id = await DispatchedTicketAsync(_app);
        var ticket = await (await _app.ClientForAsync("hotline")).GetTicketAsync(id);
        // 1.5 office hours on Wednesday, the other half hour on Thursday 8 Oct from 08:30. Five working days: 8, 9, Saturday
        // 10 Oct (worked instead, 调休), 12 and 13 Oct.
        Assert.Equal(China(10, 8, 9, 0), ticket.GetProperty("signDueAt").GetDateTime().ToUniversalTime());
        Assert.Equal(China(10, 13, 17, 30), ticket.GetProperty("finishDueAt").GetDateTime().ToUniversalTime());

        MoveTo(_clock, China(10, 5, 12, 0)); // the middle of the holiday: nothing is late
        await FireAsync(_app);
        Assert.Empty(await OverduesAsync(_app, id));

        MoveTo(_clock, China(10, 8, 9, 1));
        await FireAsync(_app);
        await FireAsync(_app);
        var afterSign = await OverduesAsync(_app, id);
        Assert.Equal([DeadlineKind.Sign], afterSign.Select(s => s.DeadlineKind));
        var late = await (await _app.ClientForAsync("hotline")).GetTicketAsync(id);
        Assert.True(late.GetProperty("isOverdue").GetBoolean());
        Assert.True(late.GetProperty("underSupervision").GetBoolean());
        Assert.Equal(1, RequestsApi.ActionsOf(late).Count(a => a == "Overdue"));

        // Signing late still works; the finish deadline then fires once, after closing time on 13 Oct.
        await (await _app.ClientForAsync("dept.water")).OkAsync(id, "sign");
        MoveTo(_clock, China(10, 13, 17, 29));
        await FireAsync(_app);
        Assert.Single(await OverduesAsync(_app, id));
        MoveTo(_clock, China(10, 13, 17, 31));
        await FireAsync(_app);
        MoveTo(_clock, China(10, 14, 17, 31));
        await FireAsync(_app);
        Assert.Equal([DeadlineKind.Sign, DeadlineKind.Finish], (await OverduesAsync(_app, id)).Select(s => s.DeadlineKind));

        // The unit and its supervisors (street, district, centre) were told, once per deadline.
        var told = await Db(_app, db => db.Outbox.Where(m => m.TicketId == id && m.Subject == "超期督办").Select(m => m.Recipient).ToListAsync());
        Assert.Equal(8, told.Count);
        Assert.Equal(2, told.Count(r => r == "dept:water"));
        Assert.Equal(2, told.Count(r => r == "area:" + CityFixture.CommunityA[..9]));
    }

    [Fact]
    public async Task A_deadline_met_in_time_never_fires_and_a_whistle_report_in_deadline_fires_once()
    {
        var id = await DispatchedTicketAsync(_app);
        await (await _app.ClientForAsync("dept.water")).OkAsync(id, "sign");
        var community = await _app.ClientForAsync("hotline");
        var urgent = (await community.FileAsync(await RequestsApi.NewLeafAsync(_app), urgency: "Urgent")).Id();
        await (await _app.ClientForAsync("cw.a")).OkAsync(urgent, "whistle", new { departmentCodes = new[] { "water" } });

        MoveTo(_clock, Start.UtcDateTime.AddMinutes(31)); // 16:31: the urgent report-in (30 office minutes) has passed
        await FireAsync(_app);
        await FireAsync(_app);
        Assert.Empty(await OverduesAsync(_app, id));
        var whistled = await OverduesAsync(_app, urgent);
        Assert.Single(whistled);
        Assert.Equal(DeadlineKind.ReportIn, whistled[0].DeadlineKind);
        Assert.Equal("water", whistled[0].UnitCode);
    }

    [Fact]
    public async Task Deadlines_are_stored_so_a_restart_loses_none_and_fires_none_twice()
    {
        var id = await DispatchedTicketAsync(_app);
        MoveTo(_clock, China(10, 8, 9, 1));
        await FireAsync(_app); // the sign deadline fires before the restart

        // Stop the process; start it again later on the same database, with its own clock.
        var later = new FakeTimeProvider(new DateTimeOffset(China(10, 13, 17, 31), TimeSpan.Zero));
        var restarted = Start_(later, _app);
        await _app.DisposeAsync();
        _app = restarted;
        _ = _app.Server;

        // The hosted watcher's first pass at start fires the finish deadline that passed while the app was down.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await OverduesAsync(_app, id)).Count < 2 && DateTime.UtcNow < deadline) await Task.Delay(100);
        Assert.Equal(2, (await OverduesAsync(_app, id)).Count);
        await FireAsync(_app);
        later.Advance(TimeSpan.FromMinutes(5)); // another pass of the background loop
        await FireAsync(_app);
        Assert.Equal([DeadlineKind.Sign, DeadlineKind.Finish], (await OverduesAsync(_app, id)).Select(s => s.DeadlineKind));
        Assert.Equal(2, await Db(_app, db => db.TicketActions.CountAsync(a => a.TicketId == id && a.Action == TicketActionKind.Overdue)));
    }

    [Fact]
    public async Task The_supervision_list_shows_overdue_tickets_to_the_centre()
    {
        var id = await DispatchedTicketAsync(_app);
        MoveTo(_clock, China(10, 8, 9, 1));
        await FireAsync(_app);
        var page = await (await (await _app.ClientForAsync("hotline")).GetAsync("/api/requests/tickets?overdue=true&supervised=true")).Json(HttpStatusCode.OK);
        Assert.Contains(page.GetProperty("items").EnumerateArray(), t => t.Id() == id);
    }

    [Fact]
    public async Task A_ticket_changed_while_its_batch_fires_sends_the_batch_one_by_one_and_each_deadline_still_fires_once()
    {
        var clock = new FakeTimeProvider(Start);
        var meddler = new ChangeOneTicketDuringTheFirstBatch();
        await using var app = new LinliFactory
        {
            TestServices = s =>
            {
                s.AddSingleton<TimeProvider>(clock);
                s.Configure<RequestsOptions>(o => o.RunJobs = false); // only this test's passes, so each can be counted
                s.ConfigureDbContext<RequestsDbContext>(o => o.AddInterceptors(meddler));
            },
        };
        _ = app.Server;
        await app.CreateUserAsync("hotline", Roles.HotlineOperator, "2101");
        await app.CreateUserAsync("admin", Roles.Administrator, "2101");
        var first = await DispatchedTicketAsync(app);
        var second = await DispatchedTicketAsync(app);
        // Someone acts on the first ticket after the watcher read it and before it saves the batch.
        meddler.Meddle = () => app.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Tickets
            .Where(t => t.Id == first).ExecuteUpdateAsync(u => u.SetProperty(t => t.Version, t => t.Version + 1)));

        MoveTo(clock, China(10, 8, 9, 1)); // both sign deadlines passed
        Assert.Equal(2, await FireAsync(app)); // in the same pass, one by one
        Assert.True(meddler.Meddled, "the batch was saved while a ticket changed under it");
        Assert.Single(await OverduesAsync(app, first));
        Assert.Single(await OverduesAsync(app, second));
        Assert.Equal(0, await FireAsync(app));
    }

    /// <summary>Changes a ticket from outside just before the watcher saves a batch of two or more deadlines, once.</summary>
    private sealed class ChangeOneTicketDuringTheFirstBatch : Microsoft.EntityFrameworkCore.Diagnostics.SaveChangesInterceptor
    {
        public Func<Task<int>>? Meddle { get; set; }
        public bool Meddled { get; private set; }

        public override async ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int>> SavingChangesAsync(
            Microsoft.EntityFrameworkCore.Diagnostics.DbContextEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            if (!Meddled && Meddle is { } meddle && eventData.Context is RequestsDbContext db
                && db.ChangeTracker.Entries<Supervision>().Count(e => e.State == EntityState.Added) > 1)
            {
                Meddled = true;
                await meddle();
            }
            return result;
        }
    }
}
