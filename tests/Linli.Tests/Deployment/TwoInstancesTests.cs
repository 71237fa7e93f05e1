using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.DueTimes;
using Linli.Platform.Notifications;
using Linli.Platform.Notifications.Inbox;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Tests.Infrastructure;
using Linli.Tests.Requests;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static Linli.Tests.Residents.ResidentTestData;

namespace Linli.Tests.Deployment;

/// <summary>
/// Two instances of the app on one database, as behind a load balancer (the deployment PostgreSQL is for): background
/// work is done once, reference data changed on one is seen by the other within its bound, and personal data written by
/// one is read by the other. On SQLite (one file, one instance in a real deployment) the same runs as the single-file
/// equivalent; the assertion that needs row locks is PostgreSQL's alone.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private const int CatalogRefreshSeconds = 5;

    // Tuesday 10 Nov 2026, 10:00 China time: an ordinary working morning.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(WorkingCalendar.ToUtc(new DateTime(2026, 11, 10, 10, 0, 0)), TimeSpan.Zero));
    private readonly ConcurrentDictionary<Guid, int> _handed = new();
    private LinliFactory _a = null!;
    private LinliFactory _b = null!;

    private void Services(IServiceCollection services)
    {
        services.AddSingleton<TimeProvider>(_clock);
        // The jobs run when the test says, on both instances at once, instead of on their timers.
        services.Configure<RequestsOptions>(o =>
        {
            o.RunJobs = false;
            o.CatalogRefreshSeconds = CatalogRefreshSeconds;
        });
        services.AddSingleton<INotificationChannel>(sp => new CountingChannel(new InAppInboxChannel(sp.GetRequiredService<IServiceScopeFactory>(), _clock), _handed));
    }

    public async Task InitializeAsync()
    {
        _a = new LinliFactory { TestServices = Services };
        _ = _a.Server;
        _b = LinliFactory.Beside(_a, Services);
        _ = _b.Server;
        await _a.CreateUserAsync("hotline", Roles.HotlineOperator, "2101");
        await _a.CreateUserAsync("admin", Roles.Administrator, "2101");
        await _a.CreateUserAsync("dept.water", Roles.DepartmentStaff, departmentCode: "water");
        await _a.CreateUserAsync("cw.a", Roles.CommunityWorker, CityFixture.CommunityA);
    }

    public async Task DisposeAsync()
    {
        await _b.DisposeAsync();
        await _a.DisposeAsync();
    }

    private static Task<T> Db<T>(LinliFactory app, Func<RequestsDbContext, Task<T>> use) => app.WithScopeAsync(sp => use(sp.GetRequiredService<RequestsDbContext>()));

    private async Task<List<long>> DispatchedTicketsAsync(int count)
    {
        var category = await RequestsApi.NewLeafAsync(_a, "water");
        var onA = await _a.ClientForAsync("hotline");
        var onB = await _b.ClientForAsync("hotline");
        var ids = new List<long>();
        for (var i = 0; i < count; i++)
        {
            var client = i % 2 == 0 ? onA : onB;
            var id = (await client.FileAsync(category, description: $"第{i}号楼停水", phone: null)).Id();
            await client.OkAsync(id, "dispatch");
            ids.Add(id);
        }
        return ids;
    }

    [Fact]
    public async Task A_deadline_fires_once_when_both_instances_watch_it()
    {
        var tickets = await DispatchedTicketsAsync(30);
        _clock.Advance(TimeSpan.FromDays(30)); // past every sign and finish deadline

        var fired = await Task.WhenAll(
            _a.Services.GetRequiredService<DueTimeWatcher>().RunOnceAsync(),
            _b.Services.GetRequiredService<DueTimeWatcher>().RunOnceAsync());

        Assert.Equal(2 * tickets.Count, fired.Sum());
        var deadlines = await Db(_a, db => db.Deadlines.Where(d => tickets.Contains(d.TicketId)).ToListAsync());
        Assert.Equal(2 * tickets.Count, deadlines.Count);
        Assert.All(deadlines, d => Assert.NotNull(d.FiredAt));
        var supervisions = await Db(_a, db => db.Supervisions.Where(s => tickets.Contains(s.TicketId) && s.Reason == SupervisionReason.Overdue)
            .Select(s => new { s.TicketId, s.DeadlineKind }).ToListAsync());
        Assert.Equal(2 * tickets.Count, supervisions.Count);
        Assert.Equal(supervisions.Count, supervisions.Distinct().Count()); // one per ticket and kind
        var overdueSteps = await Db(_a, db => db.TicketActions.CountAsync(a => tickets.Contains(a.TicketId) && a.Action == TicketActionKind.Overdue));
        Assert.Equal(2 * tickets.Count, overdueSteps);

        // Nothing is left to fire on either.
        Assert.Equal(0, await _a.Services.GetRequiredService<DueTimeWatcher>().RunOnceAsync() + await _b.Services.GetRequiredService<DueTimeWatcher>().RunOnceAsync());
    }

    [Fact]
    public async Task A_notification_is_delivered_once_when_both_instances_send()
    {
        var tickets = await DispatchedTicketsAsync(40);
        var waiting = await Db(_a, db => db.Outbox.Where(m => m.SentAt == null).Select(m => m.Key).ToListAsync());
        Assert.True(waiting.Count >= tickets.Count, $"expected each dispatch to queue a message for the unit, found {waiting.Count}");

        var sent = await Task.WhenAll(
            _a.Services.GetRequiredService<NotificationSender>().RunOnceAsync(),
            _b.Services.GetRequiredService<NotificationSender>().RunOnceAsync());

        Assert.Empty(await Db(_a, db => db.Outbox.Where(m => m.SentAt == null).ToListAsync()));
        var inbox = await _a.WithScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Inbox.Where(i => waiting.Contains(i.Key)).Select(i => i.Key).ToListAsync());
        Assert.Equal(waiting.Order(), inbox.Order()); // each message in an inbox exactly once
        if (TestDatabase.IsPostgres)
        {
            // With row locks the instances never even hand the same message to the channel (an SMS gateway counts those).
            Assert.Equal(waiting.Count, sent.Sum());
            Assert.All(waiting, key => Assert.Equal(1, _handed.GetValueOrDefault(key)));
        }
    }

    [Fact]
    public async Task A_category_and_a_routing_rule_changed_on_one_instance_are_used_by_the_other_within_the_refresh_bound()
    {
        var hotlineB = await _b.ClientForAsync("hotline");
        var known = await RequestsApi.NewLeafAsync(_a, "water");
        await hotlineB.FileAsync(known, description: "水管漏水"); // B has read the catalog now

        // A new category on A: B accepts tickets in it once its catalog is refreshed, with A's rule.
        var added = await RequestsApi.NewLeafAsync(_a, "water");
        _clock.Advance(TimeSpan.FromSeconds(CatalogRefreshSeconds + 1));
        var filed = await hotlineB.FileAsync(added, description: "井盖丢失");
        var dispatched = await hotlineB.OkAsync(filed.Id(), "dispatch");
        Assert.Equal("water", dispatched.GetProperty("assignedUnitCode").GetString());

        // The rule edited on A (now the gas company): B routes its next ticket under the new version.
        var admin = await _a.ClientForAsync("admin");
        var edited = await (await admin.PutAsJsonAsync($"/api/requests/routing-rules/{added}", new
        {
            departmentCode = "gas", signHoursUrgent = 1, signHoursNormal = 2, finishDaysUrgent = 1, finishDaysNormal = 5,
        })).Json(HttpStatusCode.OK);
        _clock.Advance(TimeSpan.FromSeconds(CatalogRefreshSeconds + 1));
        var next = await hotlineB.FileAsync(added, description: "燃气管道有异味");
        Assert.Equal(edited.GetProperty("id").GetInt32(), next.GetProperty("routingRuleId").GetInt32());
        Assert.Equal("gas", (await hotlineB.OkAsync(next.Id(), "dispatch")).GetProperty("assignedUnitCode").GetString());
    }

    [Fact]
    public async Task Personal_data_written_by_one_instance_is_found_and_revealed_by_the_other()
    {
        var idNumber = NewIdNumber();
        var phone = NewPhone();
        var onA = await _a.ClientForAsync("cw.a");
        var id = await CreateAsync(onA, CityFixture.CommunityA, idNumber, phone);

        // A sign-in on A is valid on B (the instances share the data-protection keys), and B has the same personal-data key.
        var onB = _b.CreateClient();
        onB.DefaultRequestHeaders.Authorization = onA.DefaultRequestHeaders.Authorization;
        var found = await (await onB.PostAsJsonAsync("/api/residents/search", new { idNumber })).Json(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single(found.GetProperty("items").EnumerateArray()).GetProperty("id").GetInt64());
        var revealed = await (await onB.PostAsJsonAsync($"/api/residents/{id}/reveal", new { field = "idNumber", reason = "核对身份" })).Json(HttpStatusCode.OK);
        Assert.Equal(idNumber, revealed.GetProperty("value").GetString());
        var revealedPhone = await (await onB.PostAsJsonAsync($"/api/residents/{id}/reveal", new { field = "phone", reason = "电话回访" })).Json(HttpStatusCode.OK);
        Assert.Equal(phone, revealedPhone.GetProperty("value").GetString());

        // The same number registered again through B is refused as the duplicate it is, not stored as a second person.
        var again = await onB.PostAsJsonAsync("/api/residents", NewResident(CityFixture.CommunityA, idNumber, phone));
        Assert.NotEqual(HttpStatusCode.Created, again.StatusCode);
        Assert.True((int)again.StatusCode is >= 400 and < 500, $"a duplicate answered {(int)again.StatusCode}");
        Assert.Equal(1, await CountByIdNumberAsync(onA, idNumber));
    }

    /// <summary>Counts how often each message is handed to the channel, across both instances.</summary>
    private sealed class CountingChannel(INotificationChannel inner, ConcurrentDictionary<Guid, int> handed) : INotificationChannel
    {
        public bool Handles(string recipient) => inner.Handles(recipient);

        public Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
        {
            handed.AddOrUpdate(message.Key, 1, (_, n) => n + 1);
            return inner.DeliverAsync(message, cancellationToken);
        }

        public Task<IReadOnlyList<Exception?>> DeliverAllAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
        {
            foreach (var message in messages) handed.AddOrUpdate(message.Key, 1, (_, n) => n + 1);
            return inner.DeliverAllAsync(messages, cancellationToken);
        }
    }
}
