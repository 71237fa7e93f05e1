using System.Collections.Concurrent;
using System.Net;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Notifications;
using Linli.Platform.Notifications.Inbox;
using Linli.Platform.Notifications.Sms;
using Linli.Platform.Protection;
using Linli.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Linli.Tests.Requests;

/// <summary>
/// A resident who calls the hotline and leaves a phone number, without an account, is told by SMS: the same outbox, the
/// SMS channel behind the same interface as the inbox, the number decrypted from the ticket on the way to the gateway.
/// Synthetic numbers from the unassigned 140 block.
/// </summary>
public sealed class SmsNotificationTests : IAsyncLifetime
{
    private const string CallerPhone = "14000000017";

    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 24, 2, 0, 0, TimeSpan.Zero));
    private readonly RecordingSmsGateway _sms = new();
    private LinliFactory _app = null!;

    public async Task InitializeAsync()
    {
        _app = new LinliFactory
        {
            TestServices = s =>
            {
                s.AddSingleton<TimeProvider>(_clock);
                s.Configure<RequestsOptions>(o => o.RunJobs = false);
                s.AddSingleton<ISmsGateway>(_sms);
            },
        };
        _ = _app.Server;
        await _app.CreateUserAsync("hotline", Roles.HotlineOperator, "2101");
        await _app.CreateUserAsync("admin", Roles.Administrator, "2101");
        await _app.CreateUserAsync("resident", Roles.Resident);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private Task<int> DrainAsync() => _app.Services.GetRequiredService<NotificationSender>().RunOnceAsync();

    private Task<List<TicketMessage>> OutboxAsync(long id) =>
        _app.WithScopeAsync(sp => sp.GetRequiredService<RequestsDbContext>().Outbox.AsNoTracking().Where(m => m.TicketId == id).OrderBy(m => m.Id).ToListAsync());

    [Fact]
    public async Task A_caller_without_an_account_gets_each_notice_by_sms_once_and_the_unit_in_its_inbox()
    {
        var hotline = await _app.ClientForAsync("hotline");
        var ticket = await hotline.FileAsync(await RequestsApi.NewLeafAsync(_app, "water"), phone: CallerPhone);
        var id = ticket.Id();
        var number = ticket.GetProperty("number").GetString()!;
        await hotline.OkAsync(id, "dispatch");

        Assert.True(await DrainAsync() >= 3);
        Assert.Equal(0, await DrainAsync());
        var toReporter = (await OutboxAsync(id)).Where(m => m.Recipient == "reporter:" + number).ToList();
        Assert.Equal(["诉求已受理", "诉求已派发"], toReporter.Select(m => m.Subject));
        Assert.All(await OutboxAsync(id), m => Assert.NotNull(m.SentAt));

        // The channel hands a batch to the gateway in parallel: texts are matched to their messages by key, not by order.
        var texts = _sms.Sent.ToDictionary(t => t.Key);
        Assert.Equal(toReporter.Select(m => m.Key).Order(), texts.Keys.Order()); // the outbox keys: a provider sends each once
        Assert.All(texts.Values, t => Assert.Equal("+86" + CallerPhone, t.PhoneNumber)); // E.164, as numbers are stored
        Assert.Equal($"【邻里】诉求已受理：您的诉求 {number} 已受理。", texts[toReporter[0].Key].Text);
        Assert.Equal($"【邻里】诉求已派发：您的诉求 {number} 已派至承办单位。", texts[toReporter[1].Key].Text);
        Assert.All(_sms.Handed.Values, n => Assert.Equal(1, n));

        // The unit's notice went to its inbox; nothing for the caller landed there.
        var inbox = await _app.WithScopeAsync(sp => sp.GetRequiredService<NotificationsDbContext>().Inbox.Where(i => i.AboutId == id).Select(i => i.Recipient).ToListAsync());
        Assert.Equal(["dept:water"], inbox);
    }

    [Fact]
    public async Task A_number_stored_as_typed_before_numbers_were_stored_in_e164_is_texted_in_e164()
    {
        var hotline = await _app.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(_app, "water"), phone: CallerPhone)).Id();
        // As an older release stored it: the digits as the operator typed them, spaces and all.
        await _app.WithScopeAsync(async sp =>
        {
            var cipher = sp.GetRequiredService<IPersonalDataProtector>().Encrypt("140 0000 0017");
            return await sp.GetRequiredService<RequestsDbContext>().Tickets.IgnoreQueryFilters().Where(t => t.Id == id)
                .ExecuteUpdateAsync(u => u.SetProperty(t => t.PhoneCipher, cipher));
        });

        Assert.Equal(1, await DrainAsync());
        Assert.Equal("+8614000000017", Assert.Single(_sms.Sent).PhoneNumber);
    }

    [Fact]
    public async Task A_resident_with_an_account_is_told_in_the_inbox_not_by_sms()
    {
        var resident = await _app.ClientForAsync("resident");
        var id = (await resident.FileAsync(await RequestsApi.NewLeafAsync(_app, "water"), phone: "14000000018")).Id();
        await DrainAsync();
        Assert.Empty(_sms.Sent);
        var mine = await (await resident.GetAsync("/api/inbox")).Json(HttpStatusCode.OK);
        Assert.Equal(id, mine.GetProperty("items")[0].GetProperty("aboutId").GetInt64());
    }

    [Fact]
    public async Task A_text_the_gateway_could_not_send_is_tried_again_and_one_it_refused_is_given_up()
    {
        var hotline = await _app.ClientForAsync("hotline");
        var id = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(_app, "water"), phone: CallerPhone)).Id();
        _sms.Next = new HttpRequestException("gateway down");
        Assert.Equal(0, await DrainAsync());
        var waiting = Assert.Single(await OutboxAsync(id));
        Assert.Equal((1, (DateTime?)null, "HttpRequestException"), (waiting.Attempts, waiting.FailedAt, waiting.LastError));

        Assert.Equal(1, await DrainAsync());
        Assert.NotNull(Assert.Single(await OutboxAsync(id)).SentAt);

        var refused = (await hotline.FileAsync(await RequestsApi.NewLeafAsync(_app, "water"), phone: "14000000019")).Id();
        _sms.Next = new UndeliverableException("The SMS gateway refused the message (400).");
        Assert.Equal(0, await DrainAsync());
        var given = Assert.Single(await OutboxAsync(refused));
        Assert.Equal(((DateTime?)_clock.GetUtcNow().UtcDateTime, "The SMS gateway refused the message (400)."), (given.FailedAt, given.LastError));
        Assert.Null(given.SentAt);
        Assert.Equal(0, await DrainAsync()); // not handed again
    }

    /// <summary>
    /// An SMS provider that records what it is asked to send and, as a provider does with an idempotency key, sends each
    /// key once however often it is handed it. <see cref="Next"/> makes the next call fail with that exception.
    /// </summary>
    private sealed class RecordingSmsGateway : ISmsGateway
    {
        public ConcurrentQueue<SmsMessage> Sent { get; } = new();
        public ConcurrentDictionary<Guid, int> Handed { get; } = new();

        public Task SendAsync(SmsMessage message, CancellationToken cancellationToken)
        {
            if (Interlocked.Exchange(ref _failure, null) is { } failure) throw failure;
            if (Handed.AddOrUpdate(message.Key, 1, (_, n) => n + 1) == 1) Sent.Enqueue(message);
            return Task.CompletedTask;
        }

        private Exception? _failure;
        public Exception? Next { get => _failure; set => _failure = value; }
    }
}
