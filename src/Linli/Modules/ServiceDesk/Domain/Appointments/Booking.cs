namespace Linli.Modules.ServiceDesk.Domain.Appointments;

internal enum BookingState
{
    /// <summary>Booked and still ahead: it counts toward the person's limits.</summary>
    Booked = 1,
    /// <summary>Arrived at the window and put in the queue.</summary>
    CheckedIn = 2,
    Cancelled = 3,
    /// <summary>Its day passed without a check-in: it no longer holds the item or counts toward the cap.</summary>
    Missed = 4,
}

/// <summary>Why a booking was cancelled.</summary>
internal enum CancelReason
{
    ByResident = 1,
    /// <summary>The community closed the day, or the day became a holiday, and no later place was free.</summary>
    DayClosed = 2,
}

/// <summary>A resident's booking of one place in a <see cref="WindowSlot"/> for one item (预约).</summary>
internal sealed class Booking
{
    public long Id { get; set; }
    public long SlotId { get; set; }
    public long ItemId { get; set; }

    /// <summary>The item's published version when booked: the materials the booking showed.</summary>
    public long ItemVersionId { get; set; }

    /// <summary>Copied from the slot (moved with it when the booking is moved), for the lists and the reminder job.</summary>
    public required string CommunityCode { get; set; }
    public DateTime StartsAt { get; set; }

    /// <summary>The resident's account.</summary>
    public required string ResidentUserId { get; set; }

    /// <summary>The resident in the pool, when known (a case needs it; the worker fills it at check-in otherwise).</summary>
    public long? ResidentId { get; set; }

    public BookingState State { get; set; }
    public DateTime CreatedAt { get; set; }

    public DateTime? CancelledAt { get; set; }
    public CancelReason? CancelReason { get; set; }

    /// <summary>When a cancelled booking's place goes back to the slot (a short delay after cancelling); the release job does it.</summary>
    public DateTime? ReleaseAt { get; set; }
    public DateTime? ReleasedAt { get; set; }

    /// <summary>When the reminder is due (the working day before), null when none is to be sent; <see cref="RemindedAt"/> once it went to the outbox.</summary>
    public DateTime? RemindAt { get; set; }
    public DateTime? RemindedAt { get; set; }

    /// <summary>Set when a closed day moved it to another slot: the slot it was first booked in.</summary>
    public long? MovedFromSlotId { get; set; }

    public DateTime? CheckedInAt { get; set; }
    public string? CheckedInBy { get; set; }
}
