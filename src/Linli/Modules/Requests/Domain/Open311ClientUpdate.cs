namespace Linli.Modules.Requests.Domain;

/// <summary>
/// An update an Open311 client posted on a request it filed (mySociety's POST servicerequestupdates): the client's own
/// update_id, what it said of the request's status, when, and the comment it became in the ticket's history. The
/// client's update_id is unique per client, so a retry of the same update is answered with the same comment.
/// </summary>
internal sealed class Open311ClientUpdate
{
    public long Id { get; set; }
    public int ClientId { get; set; }
    public required string ClientUpdateId { get; set; }
    public long ActionId { get; set; }
    /// <summary>Set when queued with the comment not yet saved; EF fills <see cref="ActionId"/> in the same transaction.</summary>
    public TicketAction? Action { get; set; }
    /// <summary>The extension's status as the client sent it (OPEN, CLOSED, FIXED, REOPEN, …), upper case.</summary>
    public required string Status { get; set; }
    public DateTime UpdatedAt { get; set; }
    public string? MediaUrl { get; set; }
    public DateTime CreatedAt { get; set; }
}
