namespace Linli.Modules.Requests.Domain;

/// <summary>
/// A message waiting to be sent, written in the same transaction as the change it reports. <see cref="Key"/> travels with
/// it to the channel, which uses it to deliver once however often it is handed the message.
/// </summary>
internal sealed class OutboxMessage
{
    public long Id { get; set; }
    public Guid Key { get; set; } = Guid.NewGuid();
    /// <summary>"user:{id}", "dept:{code}", "area:{region code}" or "reporter:{ticket number}".</summary>
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public long? TicketId { get; set; }
    /// <summary>Set when queued with a ticket not yet saved; EF fills <see cref="TicketId"/> in the same transaction.</summary>
    public Ticket? Ticket { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
    public int Attempts { get; set; }
    public string? LastError { get; set; }
}

/// <summary>A message delivered in the app (the default channel): a person's, a department's or an area's inbox.</summary>
internal sealed class InboxMessage
{
    public long Id { get; set; }
    /// <summary>The outbox message's key: delivering the same message twice finds it here and adds nothing.</summary>
    public Guid Key { get; set; }
    public required string Recipient { get; set; }
    public required string Subject { get; set; }
    public required string Body { get; set; }
    public long? TicketId { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ReadAt { get; set; }
    public string? ReadBy { get; set; }
}

/// <summary>Who is told what: recipients are addresses, not people, so a unit's inbox is shared by its staff.</summary>
internal static class Recipients
{
    public static string User(string userId) => "user:" + userId;
    public static string Department(string code) => "dept:" + code;
    public static string Area(string regionCode) => "area:" + regionCode;

    /// <summary>A department code or a community code.</summary>
    public static string Unit(string unitCode) => IsRegionCode(unitCode) ? Area(unitCode) : Department(unitCode);

    public static bool IsRegionCode(string code) => code.Length > 0 && code.All(char.IsAsciiDigit);

    /// <summary>The resident: their account, or (filed by phone) the ticket number the SMS channel will resolve.</summary>
    public static string? Reporter(Ticket ticket) =>
        ticket.ReporterUserId is { } user ? User(user) : ticket.PhoneHash is not null ? "reporter:" + ticket.Number : null;

    /// <summary>The hotline centre of the ticket's city.</summary>
    public static string Centre(Ticket ticket) => Area(ticket.CommunityCode[..4]);

    /// <summary>Those who supervise the ticket's place: its street, its district and the centre.</summary>
    public static IEnumerable<string> Supervisors(Ticket ticket) =>
        [Area(ticket.CommunityCode[..9]), Area(ticket.CommunityCode[..6]), Centre(ticket)];
}

/// <summary>How an overdue deadline is named in a ticket's history, by the watcher and by the synthetic history alike.</summary>
internal static class OverdueNotice
{
    public static string What(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Sign => "超期未签收",
        DeadlineKind.Finish => "超期未办结",
        _ => "超时未报到",
    };

    public static string Opinion(DeadlineKind kind, DateTime dueAtUtc) => $"{What(kind)}（时限 {Linli.Platform.Calendar.WorkingCalendar.ToChina(dueAtUtc):yyyy-MM-dd HH:mm}）";
}
