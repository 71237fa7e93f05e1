using System.ComponentModel.DataAnnotations;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Features.ReceiveCase;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Features.AppointmentsQueue;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsCheckIn;

/// <summary>
/// The resident in the pool, when the worker identified them at the window; and the applicant as presented (their ID
/// number, and name and home community for a person new to the pool), when the case is received at check-in, with the
/// materials in hand.
/// </summary>
internal sealed record CheckInRequest(long? ResidentId = null, ApplicantInput? Applicant = null, [property: MaxLength(200)] IReadOnlyList<long>? Received = null);

/// <summary>A case to open for the person at the window (<see cref="CaseIntake"/>): who applies, the receiving worker, the materials in hand.</summary>
internal sealed record CaseOpening(CaseIntake Intake, CaseActor Worker, ApplicantInput Applicant, IReadOnlyList<long>? Received);

/// <summary>
/// 签到: the resident of a booking arrives at the window on its day; the booking is marked arrived and enters the
/// community's window queue with its resident, item and booking, which is what receiving the case at the window needs.
/// With the applicant (a <see cref="CaseOpening"/>), the case is received in the same transaction (预约办, the booking's
/// item) and linked to the queue entry, whose view answers its number; without, the window receives it when it serves
/// the entry (POST /api/appointments/queue/{id}/receive).
/// </summary>
internal static class CheckIn
{
    public static async Task<QueueEntryView> CheckInAsync(ServiceDeskDbContext db, IAreaScope scope, long bookingId, long? residentId, DateTime now, CancellationToken ct,
        CaseOpening? opening = null)
    {
        var booking = await db.Bookings.AsNoTracking().FirstOrDefaultAsync(b => b.Id == bookingId, ct);
        // Outside the worker's communities a booking does not exist for them.
        if (booking is null || !scope.Covers(booking.CommunityCode)) throw new NotFoundException("没有这个预约。");
        if (booking.State != BookingState.Booked)
            throw new ConflictException("该预约已取消或已签到。", new Dictionary<string, object?> { ["state"] = booking.State.ToString() });
        var today = WorkingCalendar.ChinaDay(now);
        if (WorkingCalendar.ChinaDay(booking.StartsAt) != today) throw new ConflictException("只能在预约当天签到。");
        var by = scope.UserName ?? "system";
        var entry = new QueueEntry
        {
            CommunityCode = booking.CommunityCode, Day = today, Kind = QueueEntryKind.Booking, BookingId = booking.Id, ItemId = booking.ItemId,
            ResidentId = residentId ?? booking.ResidentId, ResidentUserId = booking.ResidentUserId, ArrivedAt = now, State = QueueEntryState.Waiting, AddedBy = by,
        };
        ServiceCase? received = null;
        await WindowQueue.EnqueueAsync(db, entry, async token =>
        {
            var changed = await db.Bookings.Where(b => b.Id == bookingId && b.State == BookingState.Booked)
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.State, BookingState.CheckedIn).SetProperty(x => x.CheckedInAt, now).SetProperty(x => x.CheckedInBy, by)
                    .SetProperty(x => x.ResidentId, residentId ?? booking.ResidentId).SetProperty(x => x.RemindAt, (DateTime?)null), token);
            if (changed == 0) throw new ConflictException("该预约已取消或已签到。");
            if (received is null) return;
            await db.SaveChangesAsync(token);
            entry.CaseId = received.Id;
        }, ct, opening is null ? null : async token =>
        {
            var itemCode = await db.ServiceItems.Where(i => i.Id == booking.ItemId).Select(i => i.Code).FirstOrDefaultAsync(token);
            received = await opening.Intake.ReceiveAsync(opening.Applicant, itemCode, HandlingModes.Appointment, opening.Worker, opening.Received, token);
        });
        return await WindowQueue.Views(db, db.QueueEntries.AsNoTracking().Where(q => q.Id == entry.Id)).FirstAsync(ct);
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/{id:long}/check-in", async Task<Ok<QueueEntryView>> (long id, CheckInRequest? request, HttpContext http, IAreaScope scope, ServiceDeskDbContext db,
                CaseIntake intake, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await CheckInAsync(db, scope, id, request?.ResidentId, clock.GetUtcNow().UtcDateTime, ct,
                    request?.Applicant is { } applicant ? new CaseOpening(intake, CaseActor.From(http.User, scope), applicant, request.Received) : null)))
            .RequireAuthorization(ServiceDeskPermissions.HandleCases)
            .WithName("CheckInAppointment")
            .WithSummary("The window checks a booking in on its day: the booking is marked arrived and enters the community's queue (answered with its number); with the applicant, the case is received too and its number answered.");
}
