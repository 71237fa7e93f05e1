using System.ComponentModel.DataAnnotations;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Features.AppointmentsShared;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsCloseDay;

/// <summary>A community closes its window for a China-time day; <see cref="MoveBookings"/> moves the day's bookings to the next free slots instead of cancelling them.</summary>
internal sealed record CloseDayRequest([property: Required, MaxLength(12)] string CommunityCode, DateOnly Day,
    [property: Required, MaxLength(200)] string Reason, bool MoveBookings = true);

internal static class CloseDay
{
    public static async Task<ClosedDay> CloseAsync(ServiceDeskDbContext db, IAreaScope scope, IRegionDirectory regions, WorkingCalendar calendar,
        AppointmentOptions options, CloseDayRequest request, DateTime now, CancellationToken ct)
    {
        var community = await CommunityAccess.CheckAsync(request.CommunityCode, scope, regions, ct);
        var reason = request.Reason.Trim();
        if (reason.Length == 0) throw ValidationFailedException.For("reason", "请填写闭站原因。");
        if (request.Day < WorkingCalendar.ChinaDay(now)) throw ValidationFailedException.For("day", "不能关闭已过去的日期。");
        if (await db.CommunityClosures.AnyAsync(c => c.CommunityCode == community.Code && c.Day == request.Day, ct))
            throw new ConflictException("该社区当天已闭站。");
        try
        {
            // One transaction: the closure, the closed slots, every moved or cancelled booking and every message, or none of it.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var closed = await DayCloser.CloseAsync(db, community.Code, request.Day, reason, request.MoveBookings, scope.UserName ?? "system", calendar, now, options, ct);
            await transaction.CommitAsync(ct);
            return closed;
        }
        catch (DbUpdateException)
        {
            // Two workers closing the same day at once: the unique closure row lets one commit; the other's changes are rolled back.
            db.ChangeTracker.Clear();
            if (await db.CommunityClosures.AsNoTracking().AnyAsync(c => c.CommunityCode == community.Code && c.Day == request.Day, ct))
                throw new ConflictException("该社区当天已闭站。");
            throw;
        }
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/closures", async Task<Ok<ClosedDay>> (CloseDayRequest request, IAreaScope scope, ServiceDeskDbContext db, IRegionDirectory regions,
                WorkingCalendar calendar, IOptions<AppointmentOptions> options, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await CloseAsync(db, scope, regions, calendar, options.Value, request, clock.GetUtcNow().UtcDateTime, ct)))
            .RequireAuthorization(ServiceDeskPermissions.HandleCases)
            .WithName("CloseAppointmentDay")
            .WithSummary("A community closes its window for a day: its slots close, and in one transaction its bookings move to the next free slots " +
                         "(moveBookings, default) or are cancelled, and every resident concerned is notified.");
}
