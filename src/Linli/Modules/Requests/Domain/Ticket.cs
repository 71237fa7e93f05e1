using Linli.Modules.Requests.Contracts;

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
