namespace Linli.Platform.Notifications.Inbox;

/// <summary>A message delivered in the app (the default channel): a person's, a department's or an area's inbox, shared by every module.</summary>
internal sealed class InboxMessage
{
    public long Id { get; set; }
    /// <summary>The outbox message's key: delivering the same message twice finds it here and adds nothing.</summary>
    public Guid Key { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    /// <summary>What it is about (e.g. "ticket"), for a link (<see cref="InboxLink"/>).</summary>
    public string? AboutKind { get; set; }
    public long? AboutId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    public string? ReadBy { get; set; }
}

/// <summary>
/// How the inbox links a message to what it is about: a module registers one per kind it sends (Requests: "ticket" →
/// the ticket page for staff). <see cref="Href"/> answers null for a reader who has no page to go to.
/// </summary>
internal sealed record InboxLink(string Kind, string Label, Func<long, System.Security.Claims.ClaimsPrincipal, string?> Href);
