using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Features.AppointmentsShared;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsCancel;

/// <summary>
/// A resident cancels their booking. The place is not given back at once: the booking stores when it is
/// (<see cref="BookingRules.ReleaseAt"/>) and the release job gives it back then, so a place cannot be handed from one
/// account to another by cancelling and booking again at the same moment.
/// </summary>
internal static class CancelBooking
{
    public static async Task<BookingView> CancelAsync(ServiceDeskDbContext db, string userId, long id, AppointmentOptions options, IRegionDirectory regions,
        DateTime now, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == id && b.ResidentUserId == userId, ct)
                      ?? throw new NotFoundException("没有这个预约。");
        if (booking.State != BookingState.Booked)
            throw new ConflictException("该预约已取消或已签到，不能再取消。", new Dictionary<string, object?> { ["state"] = booking.State.ToString() });
        if (booking.StartsAt <= now) throw new ConflictException("预约时间已到，不能再取消。");
        var releaseAt = BookingRules.ReleaseAt(now, options);
        // Conditional on the state it was read in: a check-in or a closure meanwhile wins, and this answers 409.
        var changed = await db.Bookings.Where(b => b.Id == id && b.State == BookingState.Booked)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.State, BookingState.Cancelled).SetProperty(x => x.CancelledAt, now)
                .SetProperty(x => x.CancelReason, CancelReason.ByResident).SetProperty(x => x.ReleaseAt, releaseAt).SetProperty(x => x.RemindAt, (DateTime?)null), ct);
        if (changed == 0) throw new ConflictException("该预约已取消或已签到，不能再取消。");
        var endsAt = await db.WindowSlots.Where(s => s.Id == booking.SlotId).Select(s => s.EndsAt).FirstAsync(ct);
        var guide = (await ItemGuides.VersionsAsync(db, [booking.ItemVersionId], ct)).GetValueOrDefault(booking.ItemVersionId);
        (booking.State, booking.CancelledAt, booking.CancelReason, booking.ReleaseAt, booking.RemindAt) = (BookingState.Cancelled, now, CancelReason.ByResident, releaseAt, null);
        return Views.Of(booking, endsAt, (await regions.FindAsync(booking.CommunityCode, ct))?.Name, guide);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/{id:long}/cancel", async Task<Ok<BookingView>> (long id, IAreaScope scope, ServiceDeskDbContext db, IOptions<AppointmentOptions> options,
                IRegionDirectory regions, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await CancelAsync(db, scope.UserId ?? throw new ForbiddenException("请先登录。"), id, options.Value, regions, clock.GetUtcNow().UtcDateTime, ct)))
            .RequireAuthorization(ServiceDeskPermissions.Apply)
            .WithName("CancelAppointment")
            .WithSummary("The resident cancels their booking; its place goes back to the slot after Appointments:ReleaseDelayMinutes (the answer's releaseAt).");
}
