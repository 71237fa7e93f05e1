using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Features.AppointmentsShared;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsMine;

/// <summary>我的预约: the resident's bookings, latest appointment first, each with its item's materials.</summary>
internal static class MyBookings
{
    public const int PageSize = 20;

    public static async Task<Paged<BookingView>> ListAsync(ServiceDeskDbContext db, IRegionDirectory regions, string userId, BookingState? state, int? page, int? pageSize,
        CancellationToken ct)
    {
        if (state is { } s && !Enum.IsDefined(s)) throw ValidationFailedException.For("state", "没有这种状态。");
        var query = db.Bookings.AsNoTracking().Where(b => b.ResidentUserId == userId);
        if (state is { } wanted) query = query.Where(b => b.State == wanted);
        var rows = await query.OrderByDescending(b => b.StartsAt).ThenByDescending(b => b.Id)
            .Join(db.WindowSlots, b => b.SlotId, slot => slot.Id, (b, slot) => new { Booking = b, slot.EndsAt })
            .ToPagedAsync(page, pageSize ?? PageSize, ct);
        var guides = await ItemGuides.VersionsAsync(db, rows.Items.Select(r => r.Booking.ItemVersionId), ct);
        var names = await regions.NamesAsync(rows.Items.Select(r => r.Booking.CommunityCode), ct);
        return new Paged<BookingView>(rows.Items.Select(r => Views.Of(r.Booking, r.EndsAt, names.GetValueOrDefault(r.Booking.CommunityCode),
            guides.GetValueOrDefault(r.Booking.ItemVersionId))).ToList(), rows.Page, rows.PageSize, rows.Total);
    }

    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/mine", async Task<Ok<Paged<BookingView>>> (BookingState? state, int? page, int? pageSize, IAreaScope scope, ServiceDeskDbContext db,
                IRegionDirectory regions, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(db, regions, scope.UserId ?? throw new ForbiddenException("请先登录。"), state, page, pageSize, ct)))
            .RequireAuthorization(ServiceDeskPermissions.Apply)
            .WithName("MyAppointments")
            .WithSummary("The signed-in resident's bookings, latest first, with each item's materials; by state; paginated.");
        api.MapGet("/{id:long}", async Task<Ok<BookingView>> (long id, IAreaScope scope, ServiceDeskDbContext db, IRegionDirectory regions, CancellationToken ct) =>
            {
                var me = scope.UserId ?? throw new ForbiddenException("请先登录。");
                var row = await db.Bookings.AsNoTracking().Where(b => b.Id == id && b.ResidentUserId == me)
                              .Join(db.WindowSlots, b => b.SlotId, slot => slot.Id, (b, slot) => new { Booking = b, slot.EndsAt }).FirstOrDefaultAsync(ct)
                          ?? throw new NotFoundException("没有这个预约。");
                var guide = (await ItemGuides.VersionsAsync(db, [row.Booking.ItemVersionId], ct)).GetValueOrDefault(row.Booking.ItemVersionId);
                return TypedResults.Ok(Views.Of(row.Booking, row.EndsAt, (await regions.FindAsync(row.Booking.CommunityCode, ct))?.Name, guide));
            })
            .RequireAuthorization(ServiceDeskPermissions.Apply)
            .WithName("GetAppointment")
            .WithSummary("One of the signed-in resident's bookings, with the item's materials; another's is a 404.");
    }
}
