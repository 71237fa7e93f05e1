namespace Linli.Modules.Volunteering.Domain;

/// <summary>
/// A need posted for volunteers (点单) in a community: what (title, skill), when, and how many volunteers (capacity).
/// <see cref="Claimed"/> counts the places taken; it only ever grows through one conditional UPDATE
/// (… WHERE claimed &lt; capacity AND state = Dispatched), so it never passes the capacity.
/// </summary>
internal sealed class VolunteerOrder
{
    public long Id { get; set; }
    /// <summary>12-digit code of the community the service is in; scopes every read.</summary>
    public required string CommunityCode { get; set; }
    public Skill Skill { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    /// <summary>When the service starts and ends (UTC).</summary>
    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }
    public int Capacity { get; set; }
    public int Claimed { get; set; }
    public OrderState State { get; set; }
    /// <summary>The resident served, when posted by or for a resident of the pool.</summary>
    public long? ResidentId { get; set; }
    public required string PostedBy { get; set; }
    public DateTime PostedAt { get; set; }
    public DateTime? DispatchedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public DateTime? CancelledAt { get; set; }
    public string? CancelReason { get; set; }
}

/// <summary>One place taken on an order by one volunteer (unique per order and volunteer); carries the order's community.</summary>
internal sealed class OrderClaim
{
    public long Id { get; set; }
    public long OrderId { get; set; }
    public long VolunteerId { get; set; }
    public required string CommunityCode { get; set; }
    public DateTime ClaimedAt { get; set; }
    public required string ClaimedBy { get; set; }
}
