namespace Linli.Modules.Requests.Domain;

/// <summary>What the detection found (未诉先办): a spatial cluster, a caller who keeps calling, or a category rising in a street.</summary>
internal enum HotspotKind
{
    /// <summary>At least a few tickets of one category close together within a week (聚集).</summary>
    Cluster = 1,
    /// <summary>One caller (by the keyed hash of the phone, or the resident's account) about the same category again and again (重复来电).</summary>
    RepeatCaller = 2,
    /// <summary>A first-level category well above its level of the previous weeks in one street (上升).</summary>
    RisingCategory = 3,
}

internal enum HotspotState
{
    /// <summary>Found, waiting for the centre or the street.</summary>
    Open = 1,
    /// <summary>A proactive ticket (主动工单) was opened for it.</summary>
    Ticketed = 2,
    /// <summary>Looked at and set aside, with a reason.</summary>
    Dismissed = 3,
}

/// <summary>
/// A hotspot and its place: clusters and repeat callers by the community most of their tickets lie in, rising categories
/// by their street (a nine-digit code), so a street sees all of them and a community only its own clusters.
/// </summary>
internal sealed class Hotspot
{
    public long Id { get; set; }
    public HotspotKind Kind { get; set; }
    public HotspotState State { get; set; } = HotspotState.Open;
    /// <summary>The leaf category (clusters, repeat callers) or the first-level category (rising).</summary>
    public int CategoryId { get; set; }
    /// <summary>The community (12 digits) of a cluster or repeat caller; the street (9 digits) of a rising category.</summary>
    public required string RegionCode { get; set; }
    public double? Longitude { get; set; }
    public double? Latitude { get; set; }
    /// <summary>The farthest member from the centre, in metres (clusters).</summary>
    public int? RadiusMeters { get; set; }
    public DateTime FirstAt { get; set; }
    public DateTime LastAt { get; set; }
    public int TicketCount { get; set; }
    /// <summary>Rising: the mean weekly count of the weeks before, against which this week rose.</summary>
    public double? Baseline { get; set; }
    /// <summary>Rising: the first day of the week counted (China time), part of its identity.</summary>
    public DateOnly? WeekOf { get; set; }
    public DateTime DetectedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public long? ProactiveTicketId { get; set; }
    public Ticket? ProactiveTicket { get; set; }
    public string? DismissReason { get; set; }
    public string? HandledBy { get; set; }
    public List<HotspotMember> Members { get; set; } = [];
}

/// <summary>A ticket that belongs to a cluster or repeat-caller hotspot.</summary>
internal sealed class HotspotMember
{
    public long HotspotId { get; set; }
    public long TicketId { get; set; }
}

/// <summary>One pass of the detection: the period it looked at, how far it got and what it found.</summary>
internal sealed class HotspotRun
{
    public long Id { get; set; }
    public DateTime From { get; set; }
    public DateTime To { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    public int TicketsRead { get; set; }
    public int Found { get; set; }
    public string? StartedBy { get; set; }
    public string? Failure { get; set; }
}
