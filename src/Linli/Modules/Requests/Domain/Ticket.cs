using Linli.Modules.Requests.Contracts;
using Linli.Platform.DueTimes;

namespace Linli.Modules.Requests.Domain;

/// <summary>A resident's request or a patrol finding (诉求/工单), from intake to the resident's verdict.</summary>
internal sealed class Ticket
{
    public long Id { get; set; }
    /// <summary>Human-readable and unique: the China-time day of intake and a per-day sequence, e.g. 20260929000017.</summary>
    public required string Number { get; set; }
    public Channel Channel { get; set; }
    public int CategoryId { get; set; }
    /// <summary>The routing rule version the ticket was routed under; it keeps it when the rule is edited later.</summary>
    public int RoutingRuleId { get; set; }
    public Urgency Urgency { get; set; }
    /// <summary>Plain text as the resident typed it; markup is stored as text and escaped wherever it is shown.</summary>
    public required string Description { get; set; }
    public string? Address { get; set; }

    public required string CommunityCode { get; set; }
    public string? GridCode { get; set; }
    public double? Longitude { get; set; }
    public double? Latitude { get; set; }

    public bool IsAnonymous { get; set; }
    /// <summary>The resident's account, when filed by a signed-in resident.</summary>
    public string? ReporterUserId { get; set; }
    public byte[]? PhoneCipher { get; set; }
    public string? PhoneMasked { get; set; }
    /// <summary>Keyed hash of the phone number: the hotline finds a caller's earlier tickets without decrypting anything.</summary>
    public byte[]? PhoneHash { get; set; }
    public string? CreatedBy { get; set; }

    public TicketState State { get; set; } = TicketState.Received;
    /// <summary>The lead unit: a department code or a 12-digit community code.</summary>
    public string? AssignedUnitCode { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? DispatchedAt { get; set; }
    public DateTime? SignedAt { get; set; }
    public DateTime? RepliedAt { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime? SignDueAt { get; set; }
    public DateTime? FinishDueAt { get; set; }
    public DateTime? SuspendedAt { get; set; }

    public int? ExtensionRequestedDays { get; set; }
    public string? ExtensionReason { get; set; }

    public string? Reply { get; set; }
    public Rating? Rating { get; set; }
    public int ReopenCount { get; set; }
    public int ReturnCount { get; set; }
    public bool UnderSupervision { get; set; }
    public bool IsOverdue { get; set; }
    public long? MergedIntoId { get; set; }

    /// <summary>Optimistic concurrency: bumped on every save of the ticket; a save from a stale copy fails.</summary>
    public int Version { get; set; }

    public List<TicketUnit> Units { get; set; } = [];
    public List<TicketAction> Actions { get; set; } = [];

    public bool IsOpen => IsOpenState(State);

    /// <summary>Open: still being handled, anything but closed or merged (a state added later is open until it says otherwise).</summary>
    public static bool IsOpenState(TicketState state) => state is not (TicketState.Closed or TicketState.Merged);

    /// <summary>
    /// The open states named one by one, for queries: "state IN (open states)" reads the few open tickets by the state index,
    /// where "not closed and not merged" would read past the million closed ones.
    /// </summary>
    public static readonly TicketState[] OpenStates = Enum.GetValues<TicketState>().Where(IsOpenState).ToArray();

    /// <summary>Summons still waiting for their department: neither reported in nor withdrawn.</summary>
    public IEnumerable<TicketUnit> PendingSummons => Units.Where(u => u.Role == UnitRole.Summoned && u.IsActive && u.ReportedAt is null);
}

internal enum UnitRole { Lead = 1, CoHandler = 2, Summoned = 3 }

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

internal enum TicketActionKind
{
    File = 1, Dispatch, Sign, Return, AddCoHandlers, RequestExtension, ApproveExtension, RefuseExtension, Suspend, Resume,
    Whistle, ReportIn, Reply, Evaluate, Reopen, Close, AnswerDirectly, Merge, Overdue,
    /// <summary>A comment from the resident's side (through an Open311 client): in the history for the handling unit; changes nothing.</summary>
    Comment,
    WithdrawSummons, ReportInOnBehalf, ChangeCategory, RouteToCommunity,
}

/// <summary>One step of a ticket's life: who, when, for which unit, what, and their opinion (流转记录).</summary>
internal sealed class TicketAction
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? UnitCode { get; set; }
    public TicketActionKind Action { get; set; }
    public TicketState FromState { get; set; }
    public TicketState ToState { get; set; }
    public string? Opinion { get; set; }
}

internal enum DeadlineKind { Sign = 1, Finish = 2, ReportIn = 3 }

/// <summary>
/// A ticket's stored due time: to sign, to finish, or (a summoned department) to report in, for one unit. The clock —
/// running, stopped while the ticket is suspended, fired once by the watcher when it passes unmet, closed when met or
/// replaced — is the platform's (<see cref="DueTime"/>); nothing about deadlines lives only in memory.
/// </summary>
internal sealed class Deadline : DueTime
{
    public long TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public DeadlineKind Kind { get; set; }
    public required string UnitCode { get; set; }
}

internal enum SupervisionReason { Overdue = 1, Dissatisfied = 2 }

/// <summary>An entry on the supervision list (督办).</summary>
internal sealed class Supervision
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public SupervisionReason Reason { get; set; }
    public string? UnitCode { get; set; }
    public DeadlineKind? DeadlineKind { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
}

/// <summary>Per-day counter behind ticket numbers.</summary>
internal sealed class TicketNumberCounter
{
    public required string Day { get; set; }
    public int LastNumber { get; set; }
}
