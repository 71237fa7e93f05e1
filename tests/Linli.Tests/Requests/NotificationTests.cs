using System.Collections.Concurrent;
using System.Net;
using Linli.Modules.Requests.Data;
using Linli.Platform.Notifications;
using Linli.Platform.Notifications.Inbox;
using Linli.Platform.Auth;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Requests;

/// <summary>
/// Notifications go through an outbox written with the change, drained by the module's sender into the in-app inbox:
/// nothing lost when the process stops between saving and sending, nothing delivered twice when marking fails.
/// </summary>
public sealed class NotificationTests : IAsyncLifetime
{
    // A fake clock that never moves on its own: the background sender runs once at start and then only when told.
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
    private readonly FailAfterDelivery _flaky = new();
    private LinliFactory _app = null!;

    private LinliFactory Create(LinliFactory? previous = null)
    {
        void Services(IServiceCollection s)
        {
            s.AddSingleton<TimeProvider>(_clock);
            s.AddSingleton<INotificationChannel>(sp => _flaky.Wrap(new InAppInboxChannel(sp.GetRequiredService<IServiceScopeFactory>(), _clock)));
        }
        return previous is null ? new LinliFactory { TestServices = Services } : new LinliFactory(previous) { TestServices = Services };
    }

    public async Task InitializeAsync()
    {
        _app = Create();
        _ = _app.Server;
        await _app.CreateUserAsync("hotline", Roles.HotlineOperator, "2101");
        await _app.CreateUserAsync("admin", Roles.Administrator, "2101");
        await _app.CreateUserAsync("dept.water", Roles.DepartmentStaff, departmentCode: "water");
        await _app.CreateUserAsync("resident", Roles.Resident);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<T> Db<T>(Func<RequestsDbContext, Task<T>> use) => _app.WithScopeAsync(sp => use(sp.GetRequiredService<RequestsDbContext>()));

    private Task<T> Inbox<T>(Func<NotificationsDbContext, Task<T>> use) => _app.WithScopeAsync(sp => use(sp.GetRequiredService<NotificationsDbContext>()));

    private Task<int> DrainAsync() => _app.Services.GetRequiredService<NotificationSender>().RunOnceAsync();

    private async Task<long> DispatchedByResidentAsync()
    {
        var resident = await _app.ClientForAsync("resident");
        var id = (await resident.FileAsync(await RequestsApi.NewLeafAsync(_app, "water"))).Id();
        await (await _app.ClientForAsync("hotline")).OkAsync(id, "dispatch");
        return id;
    }

    [Fact]
    public async Task The_outbox_is_written_with_the_change_and_drained_into_the_units_and_residents_inboxes()
    {
        var id = await DispatchedByResidentAsync();
        var pending = await Db(db => db.Outbox.Where(m => m.TicketId == id && m.SentAt == null).Select(m => m.Recipient).ToListAsync());
        Assert.Contains("dept:water", pending);
        Assert.Equal(2, pending.Count(r => r.StartsWith("user:", StringComparison.Ordinal))); // received, dispatched

        Assert.True(await DrainAsync() >= 3);
        var water = await _app.ClientForAsync("dept.water");
        var inbox = await (await water.GetAsync("/api/inbox?pageSize=1")).Json(HttpStatusCode.OK);
        Assert.Equal(1, inbox.GetProperty("items").GetArrayLength());
        var message = inbox.GetProperty("items")[0];
        Assert.Equal("新派工单", message.GetProperty("subject").GetString());
        Assert.Equal(("ticket", id), (message.GetProperty("aboutKind").GetString(), message.GetProperty("aboutId").GetInt64()));

        var resident = await (await (await _app.ClientForAsync("resident")).GetAsync("/api/inbox")).Json(HttpStatusCode.OK);
        Assert.Equal(["诉求已派发", "诉求已受理"], resident.GetProperty("items").EnumerateArray().Select(m => m.GetProperty("subject").GetString()!).ToArray());

        var messageId = message.GetProperty("id").GetInt64();
        Assert.Equal(HttpStatusCode.NotFound, (await (await _app.ClientForAsync("resident")).PostAsync($"/api/inbox/{messageId}/read", null)).StatusCode);
        Assert.Equal(HttpStatusCode.NoContent, (await water.PostAsync($"/api/inbox/{messageId}/read", null)).StatusCode);
        var unread = await (await water.GetAsync("/api/inbox?unread=true")).Json(HttpStatusCode.OK);
        Assert.DoesNotContain(unread.GetProperty("items").EnumerateArray(), m => m.GetProperty("id").GetInt64() == messageId);
    }

    [Fact]
    public async Task A_failure_after_delivery_before_marking_sent_delivers_each_message_once()
    {
        var id = await DispatchedByResidentAsync();
        _flaky.FailOnce = true;
        Assert.Equal(0, await DrainAsync()); // each delivered, then the sender "crashed" before marking it sent
        var unsent = await Db(db => db.Outbox.Where(m => m.TicketId == id).ToListAsync());
        Assert.All(unsent, m => Assert.Null(m.SentAt));
        Assert.All(unsent, m => Assert.Equal(1, m.Attempts));
        Assert.Equal(unsent.Count, await Inbox(db => db.Inbox.CountAsync(i => i.AboutId == id)));

        Assert.Equal(unsent.Count, await DrainAsync()); // handed again: the inbox recognises each key
        Assert.Equal(0, await DrainAsync());
        Assert.All(await Db(db => db.Outbox.Where(m => m.TicketId == id).ToListAsync()), m => Assert.NotNull(m.SentAt));
        var delivered = await Inbox(db => db.Inbox.Where(i => i.AboutId == id).Select(i => i.Key).ToListAsync());
        Assert.Equal(unsent.Count, delivered.Count);
        Assert.Equal(unsent.Select(m => m.Key).Order(), delivered.Order());
        Assert.True(_flaky.Deliveries.Values.All(n => n == 2));
    }

    [Fact]
    public async Task A_stop_between_saving_and_sending_loses_nothing_the_next_start_sends_it()
    {
        var id = await DispatchedByResidentAsync();
        var saved = await Db(db => db.Outbox.CountAsync(m => m.TicketId == id && m.SentAt == null));
        Assert.True(saved >= 3);

        var restarted = Create(_app);
        await _app.DisposeAsync();
        _app = restarted;
        _ = _app.Server; // the sender's first pass at start drains what the stopped process left

        var until = DateTime.UtcNow.AddSeconds(30);
        while (await Db(db => db.Outbox.CountAsync(m => m.TicketId == id && m.SentAt == null)) > 0 && DateTime.UtcNow < until) await Task.Delay(100);
        Assert.Equal(0, await Db(db => db.Outbox.CountAsync(m => m.TicketId == id && m.SentAt == null)));
        await DrainAsync();
        Assert.Equal(saved, await Inbox(db => db.Inbox.CountAsync(i => i.AboutId == id)));
    }

    [Fact]
    public async Task The_inbox_takes_a_batch_at_once_and_skips_keys_it_already_holds()
    {
        var id = await DispatchedByResidentAsync();
        var messages = await Db(db => db.Outbox.AsNoTracking().Where(m => m.TicketId == id).OrderBy(m => m.Id).ToListAsync());
        Assert.True(messages.Count >= 3);
        var inbox = new InAppInboxChannel(_app.Services.GetRequiredService<IServiceScopeFactory>(), _clock);
        await inbox.DeliverAsync(messages[1], CancellationToken.None); // one of them got there before

        var outcomes = await inbox.DeliverAllAsync(messages, CancellationToken.None);
        Assert.All(outcomes, Assert.Null);
        Assert.All(await inbox.DeliverAllAsync(messages, CancellationToken.None), Assert.Null); // handed again: nothing added
        var delivered = await Inbox(db => db.Inbox.Where(i => i.AboutId == id).Select(i => i.Key).ToListAsync());
        Assert.Equal(messages.Select(m => m.Key).Order(), delivered.Order());
    }

    /// <summary>A channel that, when told to, delivers and then throws, as a sender crashing after the delivery would look.</summary>
    private sealed class FailAfterDelivery
    {
        public volatile bool FailOnce;
        public ConcurrentDictionary<Guid, int> Deliveries { get; } = new();

        public INotificationChannel Wrap(INotificationChannel inner) => new Channel(this, inner);

        private sealed class Channel(FailAfterDelivery owner, INotificationChannel inner) : INotificationChannel
        {
            public bool Handles(string recipient) => inner.Handles(recipient);

            public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
            {
                await inner.DeliverAsync(message, cancellationToken);
                var count = owner.Deliveries.AddOrUpdate(message.Key, 1, (_, n) => n + 1);
                if (owner.FailOnce && count == 1) throw new IOException("lost the connection after delivering");
            }
        }
    }
}
