namespace Linli.Modules.ServiceDesk.Domain.Appointments;

/// <summary>
/// A window time slot a community publishes (预约时段): so many places between two instants, for the items it serves.
/// <see cref="Taken"/> only ever moves by one conditional UPDATE (<c>taken &lt; capacity</c>), never read-then-written,
/// so concurrent bookings can never overbook it.
/// </summary>
internal sealed class WindowSlot
{
    public long Id { get; set; }

    /// <summary>The 12-digit code of the community whose window it is.</summary>
    public required string CommunityCode { get; set; }

    /// <summary>The day in China time (what a closure or a holiday is about).</summary>
    public DateOnly Day { get; set; }

    public DateTime StartsAt { get; set; }
    public DateTime EndsAt { get; set; }

    public int Capacity { get; set; }

    /// <summary>Places held by bookings (a cancelled one keeps its place until its release time).</summary>
    public int Taken { get; set; }

    /// <summary>True: every item the community handles; false: only <see cref="Items"/>.</summary>
    public bool ServesAllItems { get; set; }

    public List<WindowSlotItem> Items { get; set; } = [];

    /// <summary>Set when the day was closed (a closure or a holiday entered later): no more bookings.</summary>
    public DateTime? ClosedAt { get; set; }

    public DateTime CreatedAt { get; set; }
    public required string CreatedBy { get; set; }
}

/// <summary>One item a slot serves (when it does not serve all).</summary>
internal sealed class WindowSlotItem
{
    public long SlotId { get; set; }
    public long ItemId { get; set; }
}
