namespace Linli.Modules.Requests.Domain;

/// <summary>
/// A unit a ticket was sent to: the lead (every dispatch, kept after a return), a co-handler (加派) or a summoned department
/// (吹哨). A summons ends reported in (<see cref="ReportedAt"/>) or withdrawn (<see cref="IsActive"/> false, <see cref="WithdrawnAt"/>);
/// one left unanswered past its time is escalated to the district (<see cref="EscalatedAt"/>).
/// </summary>
internal sealed class TicketUnit
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public required string UnitCode { get; set; }
    public UnitRole Role { get; set; }
    /// <summary>False for a lead that returned the ticket or was replaced, and for a withdrawn summons.</summary>
    public bool IsActive { get; set; } = true;
    public DateTime AddedAt { get; set; }
    public DateTime? ReportDueAt { get; set; }
    public DateTime? ReportedAt { get; set; }
    public string? Report { get; set; }
    /// <summary>Who gave the report when someone else recorded it for the department (a report-in by phone, 电话报到).</summary>
    public string? ReportedBy { get; set; }
    /// <summary>When the report-in time passed unanswered and the summons went to the district (报区级协调).</summary>
    public DateTime? EscalatedAt { get; set; }
    public DateTime? WithdrawnAt { get; set; }
    public string? WithdrawReason { get; set; }
}
