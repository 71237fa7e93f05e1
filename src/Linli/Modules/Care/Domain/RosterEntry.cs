namespace Linli.Modules.Care.Domain;

/// <summary>
/// A resident on the care roster with their tier and their next due visit — the only visit of the plan that is stored
/// (the rest follow from the rules). The tags are a copy the sync job writes from the resident pool, never typed here.
/// </summary>
internal sealed class RosterEntry
{
    public long ResidentId { get; set; }
    public required string CommunityCode { get; set; }
    public string? GridCode { get; set; }
    /// <summary>The roster tags active at the last sync, as "|Elderly80|LivingAlone|Disabled:2|" (for reading and for set-based filters).</summary>
    public required string Tags { get; set; }
    public RiskTier TagTier { get; set; }
    /// <summary>The tier the last visit's findings called for, if any.</summary>
    public RiskTier? FindingTier { get; set; }
    /// <summary>A worker's raise, kept with its reason (audited), until a worker lowers it again.</summary>
    public RiskTier? RaisedTier { get; set; }
    public string? RaiseReason { get; set; }
    public string? RaisedBy { get; set; }
    public DateTime? RaisedAt { get; set; }
    /// <summary>The tier in force (<see cref="TierRules.Effective"/>), stored so lists filter and sort by it.</summary>
    public RiskTier Tier { get; set; }
    public DateTime JoinedAt { get; set; }
    public DateTime? LastVisitAt { get; set; }
    public DateTime SyncedAt { get; set; }
    public DateTime NextDueAt { get; set; }
    public DateTime WindowStartAt { get; set; }
    public DateTime WindowEndAt { get; set; }
    public DueReason DueReason { get; set; }
    /// <summary>What the event said (a hospital, a cold-spell notice), for the visitor.</summary>
    public string? DueNote { get; set; }

    public NextVisit Next => new(NextDueAt, WindowStartAt, WindowEndAt, DueReason);

    public void Schedule(NextVisit next)
    {
        NextDueAt = next.DueAt;
        WindowStartAt = next.WindowStart;
        WindowEndAt = next.WindowEnd;
        DueReason = next.Reason;
        if (next.Reason == DueReason.Routine) DueNote = null;
    }

    public static string TagText(IEnumerable<Residents.Contracts.CareRosterTag> tags) =>
        "|" + string.Concat(tags.Select(t => t.Grade is { } g ? $"{t.Tag}:{g}|" : $"{t.Tag}|"));
}

/// <summary>A visit to a resident on the roster: who, when, how, what was found, and the ticket a need opened.</summary>
internal sealed class VisitRecord
{
    public long Id { get; set; }
    public long ResidentId { get; set; }
    public required string CommunityCode { get; set; }
    public string? GridCode { get; set; }
    public DateTime VisitedAt { get; set; }
    public VisitMethod Method { get; set; }
    public Condition Health { get; set; }
    public Condition Living { get; set; }
    public Safety Safety { get; set; }
    public Need Needs { get; set; }
    public string? Notes { get; set; }
    public string? VisitorUserId { get; set; }
    public string? VisitorName { get; set; }
    public RiskTier TierBefore { get; set; }
    public RiskTier TierAfter { get; set; }
    public long? FollowUpTicketId { get; set; }
    public string? FollowUpTicketNumber { get; set; }
    public DateTime RecordedAt { get; set; }
}
