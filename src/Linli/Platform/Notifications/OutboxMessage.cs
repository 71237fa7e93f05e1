using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Linli.Platform.Notifications;

/// <summary>
/// A notification waiting to be sent, written in the same transaction as the change it reports: a module derives its
/// own message type (what the message is about) and keeps it in its own table, mapped with <see cref="OutboxMapping.IsOutbox{TMessage}"/>,
/// so that adding one is adding a row to its own DbContext before the SaveChanges it makes anyway. <see cref="Key"/>
/// travels with it to the channel, which uses it to deliver once however often it is handed the message. See
/// docs/how-to/notifications.md.
/// </summary>
internal abstract class OutboxMessage
{
    public long Id { get; set; }
    public Guid Key { get; set; } = Guid.NewGuid();
    /// <summary>An address (<see cref="NotificationAddress"/>): the scheme before the colon decides the channel.</summary>
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
    /// <summary>Given up: no channel takes the recipient, the channel can never deliver it, or it failed <see cref="OutboxSenderLimits.MaxAttempts"/> times.</summary>
    public DateTime? FailedAt { get; set; }

    /// <summary>What the message is about, as the inbox links it (e.g. "ticket"); read when the message is delivered.</summary>
    public virtual string? AboutKind => null;

    /// <summary>The id of what it is about.</summary>
    public virtual long? AboutId => null;
}

internal static class OutboxMapping
{
    /// <summary>Maps the <see cref="OutboxMessage"/> columns of a module's message entity.</summary>
    public static EntityTypeBuilder<TMessage> IsOutbox<TMessage>(this EntityTypeBuilder<TMessage> entity) where TMessage : OutboxMessage
    {
        entity.HasKey(x => x.Id);
        entity.HasIndex(x => x.Key).IsUnique();
        entity.Property(x => x.Recipient).HasMaxLength(NotificationAddress.MaxLength);
        entity.Property(x => x.Subject).HasMaxLength(200);
        entity.Property(x => x.Body).HasMaxLength(4000);
        entity.Property(x => x.LastError).HasMaxLength(2000);
        entity.Ignore(x => x.AboutKind);
        entity.Ignore(x => x.AboutId);
        // The sender's question: what is waiting? Only waiting rows are in the index, however many were sent. (Named by
        // the convention from the module's table: SQLite wants index names unique across the file.)
        entity.HasIndex(x => x.Id).HasFilter(WaitingFilter);
        return entity;
    }

    /// <summary>The rows the sender looks at, as SQL (snake_case names on both providers).</summary>
    public const string WaitingFilter = "sent_at IS NULL AND failed_at IS NULL";
}
