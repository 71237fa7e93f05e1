using Linli.Platform.Jobs;
using Linli.Platform.Persistence;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Jobs;

/// <summary>
/// Where notifications go: the in-app inbox by default; an SMS gateway is another implementation. A channel must deliver
/// a message at most once per <see cref="OutboxMessage.Key"/>, however often it is handed the same message: the sender
/// hands it again whenever it cannot record that it was sent (a crash, a failure after delivery).
/// </summary>
internal interface INotificationChannel
{
    Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken);

    /// <summary>Delivers a batch; per message, null when delivered or what went wrong. By default one at a time.</summary>
    Task<IReadOnlyList<Exception?>> DeliverAllAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken) =>
        OneByOneAsync(this, messages, cancellationToken);

    static async Task<IReadOnlyList<Exception?>> OneByOneAsync(INotificationChannel channel, IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        var outcomes = new Exception?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            try
            {
                await channel.DeliverAsync(messages[i], cancellationToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                outcomes[i] = e;
            }
        }
        return outcomes;
    }
}

/// <summary>The default channel: a row in the recipient's inbox, keyed by the outbox message's key.</summary>
internal sealed class InAppInboxChannel(IServiceScopeFactory scopes, TimeProvider clock) : INotificationChannel
{
    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        if (await db.Inbox.AnyAsync(i => i.Key == message.Key, cancellationToken)) return; // delivered before
        db.Inbox.Add(ToInbox(message));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Delivered meanwhile by another sender: the unique key kept it single. Anything else is a failure to retry.
            if (!await KeyExistsAsync(message.Key, cancellationToken)) throw;
        }
    }

    /// <summary>
    /// A batch in two round trips: which keys are in the inbox already, then the rest in one insert. If that insert fails
    /// (another sender got some of them first), each message is delivered alone.
    /// </summary>
    public async Task<IReadOnlyList<Exception?>> DeliverAllAsync(IReadOnlyList<OutboxMessage> messages, CancellationToken cancellationToken)
    {
        try
        {
            using var scope = scopes.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
            var keys = messages.Select(m => m.Key).ToList();
            var delivered = (await db.Inbox.Where(i => keys.Contains(i.Key)).Select(i => i.Key).ToListAsync(cancellationToken)).ToHashSet();
            db.Inbox.AddRange(messages.Where(m => !delivered.Contains(m.Key)).DistinctBy(m => m.Key).Select(ToInbox));
            await db.SaveChangesAsync(cancellationToken);
            return new Exception?[messages.Count];
        }
        catch (DbUpdateException)
        {
            return await INotificationChannel.OneByOneAsync(this, messages, cancellationToken);
        }
    }

    private InboxMessage ToInbox(OutboxMessage message) => new()
    {
        Key = message.Key, Recipient = message.Recipient, Subject = message.Subject, Body = message.Body, TicketId = message.TicketId,
        CreatedAt = clock.GetUtcNow().UtcDateTime,
    };

    private async Task<bool> KeyExistsAsync(Guid key, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<RequestsDbContext>().Inbox.AnyAsync(i => i.Key == key, cancellationToken);
    }
}

/// <summary>
/// Drains the outbox through the channel. A message is marked sent only after the channel took it; if marking fails,
/// the next pass hands it again and the channel's idempotency keeps it single. On PostgreSQL a batch is claimed with
/// FOR UPDATE SKIP LOCKED so instances never work on the same message.
/// </summary>
internal sealed class NotificationSender(IServiceScopeFactory scopes, INotificationChannel channel, TimeProvider clock, ILogger<NotificationSender> logger)
    : IDisposable
{
    private const int Batch = 100;
    public const int MaxAttempts = 20;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

    /// <summary>Sends what is waiting; returns how many messages were sent.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var sent = 0;
            while (true)
            {
                var (handled, delivered) = await SendBatchAsync(cancellationToken);
                sent += delivered;
                if (handled < Batch || delivered == 0) return sent;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(int Handled, int Delivered)> SendBatchAsync(CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
#pragma warning disable EF1003 // the table name comes from the EF model; the values are parameters
        var batch = db.Database.IsNpgsql()
            ? await db.Outbox.FromSqlRaw("SELECT * FROM " + db.QualifiedTable<OutboxMessage>() + " WHERE sent_at IS NULL AND attempts < {0} ORDER BY id LIMIT {1} FOR UPDATE SKIP LOCKED", MaxAttempts, Batch)
                .ToListAsync(cancellationToken)
            : await db.Outbox.Where(m => m.SentAt == null && m.Attempts < MaxAttempts).OrderBy(m => m.Id).Take(Batch).ToListAsync(cancellationToken);
#pragma warning restore EF1003
        var delivered = 0;
        var outcomes = batch.Count == 0 ? [] : await channel.DeliverAllAsync(batch, cancellationToken);
        for (var i = 0; i < batch.Count; i++)
        {
            var message = batch[i];
            if (outcomes[i] is not { } failure)
            {
                message.SentAt = clock.GetUtcNow().UtcDateTime;
                message.LastError = null;
                delivered++;
            }
            else
            {
                message.Attempts++;
                message.LastError = failure.GetType().Name;
                logger.LogWarning("Notification {MessageId} not delivered ({Error}); attempt {Attempt}", message.Id, failure.GetType().Name, message.Attempts);
            }
        }
        // On SQLite the read above holds no transaction open across delivery; the marks are one short write.
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null) await transaction.CommitAsync(cancellationToken);
        return (batch.Count, delivered);
    }
}

internal sealed class NotificationSenderService(NotificationSender sender, TimeProvider clock, IOptions<RequestsOptions> options, ILogger<NotificationSenderService> logger)
    : PollingJob(clock, logger)
{
    protected override bool Enabled => options.Value.RunJobs;
    protected override TimeSpan Interval => TimeSpan.FromSeconds(Math.Max(1, options.Value.PollSeconds / 5));
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => sender.RunOnceAsync(cancellationToken);
}
