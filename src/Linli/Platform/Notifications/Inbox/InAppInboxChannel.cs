using Microsoft.EntityFrameworkCore;

namespace Linli.Platform.Notifications.Inbox;

/// <summary>The default channel: a row in the recipient's inbox, keyed by the outbox message's key.</summary>
internal sealed class InAppInboxChannel(IServiceScopeFactory scopes, TimeProvider clock) : INotificationChannel
{
    public bool Handles(string recipient) => NotificationAddress.IsInbox(recipient);

    public async Task DeliverAsync(OutboxMessage message, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
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
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<NotificationsDbContext>();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
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
        Key = message.Key, Recipient = message.Recipient, Subject = message.Subject, Body = message.Body,
        AboutKind = message.AboutKind, AboutId = message.AboutId, CreatedAt = clock.GetUtcNow().UtcDateTime,
    };

    private async Task<bool> KeyExistsAsync(Guid key, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<NotificationsDbContext>().Inbox.AnyAsync(i => i.Key == key, cancellationToken);
    }
}
