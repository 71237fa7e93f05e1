using Linli.Modules.Requests.Domain;
using Linli.Platform.Calendar;
using Linli.Platform.DueTimes;
using Linli.Platform.Notifications;
using Linli.Platform.Notifications.Inbox;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Platform.DueTimes;

/// <summary>
/// The platform's due times and outbox with an owner that is not Requests (<see cref="TestOwner"/>), on the real database:
/// the watcher fires a running due time once, in the owner's transaction, and never a stopped or met one; two instances
/// on one database fire each once and send each message once (on PostgreSQL, row locks keep them from even handing the
/// same one over twice); a stopped clock restarts with the office time it had left.
/// </summary>
public sealed class DueTimeWatcherTests : IAsyncLifetime
{
    // Tuesday 10 Nov 2026, 10:00 China time: an ordinary working morning.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(WorkingCalendar.ToUtc(new DateTime(2026, 11, 10, 10, 0, 0)), TimeSpan.Zero));
    private readonly HandOverLog _log = new();
    private LinliFactory _a = null!;

    private void Services(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(_clock);
        services.Configure<RequestsOptions>(o => o.RunJobs = false);
        TestOwner.Register(services, _log);
    }

    public async Task InitializeAsync()
    {
        _a = new LinliFactory { TestServices = Services };
        _ = _a.Server;
        await TestOwner.CreateTablesAsync(_a.Services);
    }

    public async Task DisposeAsync() => await _a.DisposeAsync();

    private static DateTime China(int m, int d, int h, int min = 0) => WorkingCalendar.ToUtc(new DateTime(2026, m, d, h, min, 0));

    private static Task<T> Owner<T>(LinliFactory app, Func<TestOwnerDbContext, Task<T>> use) => app.WithScopeAsync(sp => use(sp.GetRequiredService<TestOwnerDbContext>()));

    private Task<List<Reminder>> AddAsync(params Reminder[] reminders) => Owner(_a, async db =>
    {
        db.Reminders.AddRange(reminders);
        await db.SaveChangesAsync();
        return reminders.ToList();
    });

    private static Task<int> FireAsync(LinliFactory app) => app.Services.GetRequiredService<DueTimeWatcher>().RunOnceAsync();

    [Fact]
    public async Task The_watcher_fires_a_running_due_time_once_with_its_owners_changes_and_never_a_stopped_or_met_one()
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var calendar = _a.Services.GetRequiredService<WorkingCalendar>();
        var stopped = new Reminder { Topic = "stopped", DueAt = now.AddHours(1) };
        stopped.Pause(now, calendar); // one office hour left
        var met = new Reminder { Topic = "met", DueAt = now.AddMinutes(-5) };
        met.Close(now);
        var (passed, cancelled, later) = (new Reminder { Topic = "passed", DueAt = now.AddMinutes(-5) },
            new Reminder { Topic = "cancelled", DueAt = now.AddMinutes(-5) }, new Reminder { Topic = "later", DueAt = now.AddHours(2) });
        await AddAsync(passed, cancelled, later, stopped, met);

        Assert.Equal(1, await FireAsync(_a));
        Assert.Equal(0, await FireAsync(_a));
        var reminders = await Owner(_a, db => db.Reminders.AsNoTracking().ToDictionaryAsync(r => r.Topic));
        Assert.Equal(now, reminders["passed"].FiredAt);
        Assert.Null(reminders["cancelled"].FiredAt); // the handler closed it instead
        Assert.Equal(now, reminders["cancelled"].ClosedAt);
        Assert.All(new[] { "later", "stopped", "met" }, t => Assert.Null(reminders[t].FiredAt));
        Assert.Equal([passed.Id], await Owner(_a, db => db.Notes.Select(n => n.ReminderId).ToListAsync()));
        Assert.Equal([passed.Id], await Owner(_a, db => db.Outbox.Select(m => m.ReminderId!.Value).ToListAsync()));

        // The stopped clock restarts two days later with its hour: it fires an office hour after the restart, not before.
        _clock.SetUtcNow(new DateTimeOffset(China(11, 12, 15), TimeSpan.Zero));
        await Owner(_a, async db =>
        {
            var reminder = await db.Reminders.SingleAsync(r => r.Topic == "stopped");
            reminder.Resume(_clock.GetUtcNow().UtcDateTime, calendar);
            return await db.SaveChangesAsync();
        });
        Assert.Equal(China(11, 12, 16), (await Owner(_a, db => db.Reminders.AsNoTracking().SingleAsync(r => r.Topic == "stopped"))).DueAt);
        _clock.SetUtcNow(new DateTimeOffset(China(11, 12, 15, 59), TimeSpan.Zero));
        Assert.Equal(1, await FireAsync(_a)); // "later" (due Tuesday noon) only
        _clock.SetUtcNow(new DateTimeOffset(China(11, 12, 16, 1), TimeSpan.Zero));
        Assert.Equal(1, await FireAsync(_a));
        Assert.Equal(3, await Owner(_a, db => db.Notes.CountAsync()));
        Assert.All(_log.Handed, h => Assert.Equal(1, h.Value));
    }

    [Fact]
    public async Task Two_instances_fire_each_due_time_once_and_deliver_each_of_its_messages_once()
    {
        await using var b = LinliFactory.Beside(_a, Services);
        _ = b.Server;
        var now = _clock.GetUtcNow().UtcDateTime;
        var due = await AddAsync(Enumerable.Range(0, 3 * DueTimeWatch<TestOwnerDbContext, Reminder>.Batch / 2)
            .Select(i => new Reminder { Topic = $"第{i}号", DueAt = now.AddMinutes(-i) }).ToArray());

        var fired = await Task.WhenAll(FireAsync(_a), FireAsync(b));

        Assert.Equal(due.Count, fired.Sum());
        var notes = await Owner(_a, db => db.Notes.GroupBy(n => n.ReminderId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync());
        Assert.Equal(due.Select(d => d.Id).Order(), notes.Select(n => n.Key).Order());
        Assert.All(notes, n => Assert.Equal(1, n.Count));
        Assert.Empty(await Owner(_a, db => db.Reminders.Where(r => r.FiredAt == null).ToListAsync()));
        if (TestDatabase.IsPostgres) Assert.All(due, d => Assert.Equal(1, _log.Handed[d.Id])); // row locks: never handed over twice
        Assert.Equal(0, await FireAsync(_a) + await FireAsync(b));

        // The messages written with the firings, sent by both instances at once: each in the inbox exactly once.
        var keys = await Owner(_a, db => db.Outbox.Select(m => m.Key).ToListAsync());
        Assert.Equal(due.Count, keys.Count);
        var sent = await Task.WhenAll(
            _a.Services.GetRequiredService<NotificationSender>().RunOnceAsync(), b.Services.GetRequiredService<NotificationSender>().RunOnceAsync());
        var inbox = await _a.WithScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Inbox
            .Where(i => i.AboutKind == "reminder").Select(i => i.Key).ToListAsync());
        Assert.Equal(keys.Order(), inbox.Order());
        Assert.Empty(await Owner(_a, db => db.Outbox.Where(m => m.SentAt == null).ToListAsync()));
        if (TestDatabase.IsPostgres) Assert.Equal(keys.Count, sent.Sum());
    }

    [Fact]
    public async Task A_new_holiday_moves_the_owners_running_due_times_but_not_a_stopped_clock()
    {
        // Due Wednesday 6 Jan 2027 (five working days from Wednesday 30 Dec 2026); New Year's Day 2027 entered later.
        _clock.SetUtcNow(new DateTimeOffset(China(12, 30, 10), TimeSpan.Zero));
        var calendar = _a.Services.GetRequiredService<WorkingCalendar>();
        var now = _clock.GetUtcNow().UtcDateTime;
        var running = new Reminder { Topic = "running", DueAt = calendar.AddWorkingDays(now, 5) };
        var stopped = new Reminder { Topic = "stopped", DueAt = calendar.AddWorkingDays(now, 5) };
        stopped.Pause(now, calendar);
        await AddAsync(running, stopped);
        Assert.Equal(WorkingCalendar.ToUtc(new DateTime(2027, 1, 6, 17, 30, 0)), running.DueAt);

        await _a.WithScopeAsync(sp => sp.GetRequiredService<HolidayCalendar>()
            .SaveYearAsync(2027, [new HolidayEntry(new DateOnly(2027, 1, 1), HolidayKind.Holiday, "元旦")], "测试", CancellationToken.None));

        var reminders = await Owner(_a, db => db.Reminders.AsNoTracking().ToDictionaryAsync(r => r.Topic));
        Assert.Equal(WorkingCalendar.ToUtc(new DateTime(2027, 1, 7, 17, 30, 0)), reminders["running"].DueAt);
        Assert.Equal((stopped.DueAt, stopped.Remaining), (reminders["stopped"].DueAt, reminders["stopped"].Remaining));
    }
}
