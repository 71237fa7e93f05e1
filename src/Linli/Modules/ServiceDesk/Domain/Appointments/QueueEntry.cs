namespace Linli.Modules.ServiceDesk.Domain.Appointments;

internal enum QueueEntryKind
{
    /// <summary>A booking checked in at the window.</summary>
    Booking = 1,
    /// <summary>A resident who came without booking (现场取号).</summary>
    WalkIn = 2,
}

internal enum QueueEntryState
{
    Waiting = 1,
    Called = 2,
    /// <summary>Received at the window (a case was opened, or the visit ended).</summary>
    Done = 3,
    /// <summary>Called and not there.</summary>
    Missed = 4,
}

/// <summary>
/// One person in a community's window queue for one day, in arrival order, with the number the window calls. It carries
/// what receiving the case needs (the resident, the item, the booking); <see cref="CaseId"/> links the case once received.
/// </summary>
internal sealed class QueueEntry
{
    public long Id { get; set; }
    public required string CommunityCode { get; set; }

    /// <summary>The day in China time; numbers start at 1 each day.</summary>
    public DateOnly Day { get; set; }

    /// <summary>The number called (1, 2, 3 … per community and day): bookings and walk-ins share one sequence, so one order.</summary>
    public int Number { get; set; }

    public QueueEntryKind Kind { get; set; }
    public long? BookingId { get; set; }
    public long? ItemId { get; set; }
    public long? ResidentId { get; set; }
    public string? ResidentUserId { get; set; }

    public DateTime ArrivedAt { get; set; }
    public QueueEntryState State { get; set; }
    public DateTime? CalledAt { get; set; }
    public string? CalledBy { get; set; }

    /// <summary>The case received for it, once the window opened one.</summary>
    public long? CaseId { get; set; }

    public required string AddedBy { get; set; }
}
