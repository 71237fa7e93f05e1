using Linli.Modules.ServiceDesk.Domain.Appointments;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsShared;

/// <summary>One material of the item, as a booking shows it so the resident comes once with everything.</summary>
internal sealed record MaterialView(int Position, string Name, bool Original, bool Electronic, int Copies, bool Mandatory, string? Condition,
    bool AcceptLater, bool SuppliedByPlatform);

/// <summary>A slot in the public list: how many places are still free (0: 约满).</summary>
internal sealed record SlotView(long Id, string CommunityCode, DateOnly Day, DateTime StartsAt, DateTime EndsAt, int Capacity, int Available, bool ServesAllItems);

/// <summary>A booking as its resident and the window see it, with the item's materials.</summary>
internal sealed record BookingView(long Id, long SlotId, string CommunityCode, string? CommunityName, DateTime StartsAt, DateTime EndsAt,
    long ItemId, string ItemName, BookingState State, DateTime CreatedAt, DateTime? CancelledAt, CancelReason? CancelReason, DateTime? ReleaseAt,
    DateTime? RemindAt, bool Moved, IReadOnlyList<MaterialView> Materials);
