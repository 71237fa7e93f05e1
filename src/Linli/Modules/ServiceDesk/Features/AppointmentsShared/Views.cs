using Linli.Modules.ServiceDesk.Domain.Appointments;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsShared;

internal static class Views
{
    public static BookingView Of(Booking b, DateTime endsAt, string? communityName, BookingItem? item) =>
        new(b.Id, b.SlotId, b.CommunityCode, communityName, b.StartsAt, endsAt, b.ItemId, item?.Name ?? "", b.State, b.CreatedAt, b.CancelledAt,
            b.CancelReason, b.ReleaseAt, b.RemindAt, b.MovedFromSlotId is not null, item?.Materials ?? []);
}
