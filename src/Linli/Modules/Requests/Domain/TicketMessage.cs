using Linli.Platform.Notifications;

namespace Linli.Modules.Requests.Domain;

/// <summary>A notification about a ticket in the module's outbox, written in the same transaction as the action it reports.</summary>
internal sealed class TicketMessage : OutboxMessage
{
    public long? TicketId { get; set; }
    /// <summary>Set when queued with a ticket not yet saved (intake, its group commit included); EF fills <see cref="TicketId"/> in the same transaction.</summary>
    public Ticket? Ticket { get; set; }

    public const string Kind = "ticket";

    public override string? AboutKind => TicketId is null ? null : Kind;
    public override long? AboutId => TicketId;
}
