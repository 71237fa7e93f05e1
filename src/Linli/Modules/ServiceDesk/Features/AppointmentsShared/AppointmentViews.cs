using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Features.Catalog;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsShared;

/// <summary>A slot in the public list: how many places are still free (0: 约满).</summary>
internal sealed record SlotView(long Id, string CommunityCode, DateOnly Day, DateTime StartsAt, DateTime EndsAt, int Capacity, int Available, bool ServesAllItems);

/// <summary>A booking as its resident and the window see it, with the item's materials (the catalog's <see cref="MaterialView"/>).</summary>
internal sealed record BookingView(long Id, long SlotId, string CommunityCode, string? CommunityName, DateTime StartsAt, DateTime EndsAt,
    long ItemId, string ItemName, BookingState State, DateTime CreatedAt, DateTime? CancelledAt, CancelReason? CancelReason, DateTime? ReleaseAt,
    DateTime? RemindAt, bool Moved, IReadOnlyList<MaterialView> Materials);
