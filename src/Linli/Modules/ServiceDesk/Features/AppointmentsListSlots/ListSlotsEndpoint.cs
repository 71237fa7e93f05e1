using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Features.AppointmentsShared;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Linli.Platform.RateLimiting;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsListSlots;

/// <summary>
/// The open slots of a community, by time, public (a resident chooses before signing in): for one item (the slots that
/// serve it or every item), from and to a China-time day (default: today and the week after), at most 62 days at once.
/// </summary>
internal static class ListSlots
{
    public const int MaxDays = 62;

    public static async Task<Paged<SlotView>> ListAsync(ServiceDeskDbContext db, IRegionDirectory regions, string? community, long? item, DateOnly? from, DateOnly? to,
        int? page, int? pageSize, DateTime now, CancellationToken ct)
    {
        var code = (await CommunityAccess.PublicAsync(community, regions, ct)).Code;
        var today = WorkingCalendar.ChinaDay(now);
        var first = from ?? today;
        var last = to ?? first.AddDays(7);
        if (last < first) throw ValidationFailedException.For("to", "结束日期早于开始日期。");
        if (last.DayNumber - first.DayNumber + 1 > MaxDays) throw ValidationFailedException.For("to", "一次最多查询 {0} 天。", MaxDays);
        var query = db.WindowSlots.AsNoTracking().Where(s => s.CommunityCode == code && s.Day >= first && s.Day <= last && s.ClosedAt == null && s.EndsAt > now);
        if (item is { } wanted) query = query.Where(s => s.ServesAllItems || s.Items.Any(i => i.ItemId == wanted));
        return await query.OrderBy(s => s.StartsAt).ThenBy(s => s.Id)
            .Select(s => new SlotView(s.Id, s.CommunityCode, s.Day, s.StartsAt, s.EndsAt, s.Capacity, s.Capacity - s.Taken < 0 ? 0 : s.Capacity - s.Taken, s.ServesAllItems))
            .ToPagedAsync(page, pageSize, ct);
    }

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/api/appointments/slots", async Task<Ok<Paged<SlotView>>> (string? community, long? item, DateOnly? from, DateOnly? to, int? page, int? pageSize,
                ServiceDeskDbContext db, IRegionDirectory regions, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(db, regions, community, item, from, to, page, pageSize, clock.GetUtcNow().UtcDateTime, ct)))
            .AllowAnonymous()
            .RequireRateLimiting(RateLimitPolicies.PublicRead)
            .WithTags("ServiceDesk")
            .WithName("ListAppointmentSlots")
            .WithSummary("Public: a community's open window slots by time, for an item, from/to China-time days (default a week from today); places still free in available; paginated, rate-limited per client.");
}
