using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Features.AppointmentsQueue;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsCheckIn;

/// <summary>The resident in the pool, when the worker identified them at the window (a case needs it).</summary>
internal sealed record CheckInRequest(long? ResidentId = null);

/// <summary>
/// 签到: the resident of a booking arrives at the window on its day; the booking is marked arrived and enters the
/// community's window queue with its resident, item and booking, which is what receiving the case at the window needs.
/// </summary>
internal static class CheckIn
{
    public static async Task<QueueEntryView> CheckInAsync(ServiceDeskDbContext db, IAreaScope scope, long bookingId, long? residentId, DateTime now, CancellationToken ct)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        // Outside the worker's communities a booking does not exist for them.
        if (booking is null || !scope.Covers(booking.CommunityCode)) throw new NotFoundException("没有这个预约。");
        if (booking.State != BookingState.Booked)
            throw new ConflictException("该预约已取消或已签到。", new Dictionary<string, object?> { ["state"] = booking.State.ToString() });
        var today = DateOnly.FromDateTime(WorkingCalendar.ToChina(now));
        if (DateOnly.FromDateTime(WorkingCalendar.ToChina(booking.StartsAt)) != today) throw new ConflictException("只能在预约当天签到。");
        var by = scope.UserName ?? "system";
        var entry = new QueueEntry
        {
            CommunityCode = booking.CommunityCode, Day = today, Kind = QueueEntryKind.Booking, BookingId = booking.Id, ItemId = booking.ItemId,
            ResidentId = residentId ?? booking.ResidentId, ResidentUserId = booking.ResidentUserId, ArrivedAt = now, State = QueueEntryState.Waiting, AddedBy = by,
        };
        await WindowQueue.EnqueueAsync(db, entry, async token =>
        {
            var changed = await db.Bookings.Where(b => b.Id == bookingId && b.State == BookingState.Booked)
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.State, BookingState.CheckedIn).SetProperty(x => x.CheckedInAt, now).SetProperty(x => x.CheckedInBy, by)
                    .SetProperty(x => x.ResidentId, residentId ?? booking.ResidentId).SetProperty(x => x.RemindAt, (DateTime?)null), token);
            if (changed == 0) throw new ConflictException("该预约已取消或已签到。");
        }, ct);
        return await WindowQueue.Views(db, db.QueueEntries.AsNoTracking().Where(q => q.Id == entry.Id)).FirstAsync(ct);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/{id:long}/check-in", async Task<Ok<QueueEntryView>> (long id, CheckInRequest? request, IAreaScope scope, ServiceDeskDbContext db, TimeProvider clock,
                CancellationToken ct) =>
                TypedResults.Ok(await CheckInAsync(db, scope, id, request?.ResidentId, clock.GetUtcNow().UtcDateTime, ct)))
            .RequireAuthorization(ServiceDeskPermissions.HandleCases)
            .WithName("CheckInAppointment")
            .WithSummary("The window checks a booking in on its day: the booking is marked arrived and enters the community's queue (answered with its number).");
}
