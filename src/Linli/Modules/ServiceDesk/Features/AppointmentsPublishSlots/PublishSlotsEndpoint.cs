using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Features.AppointmentsShared;
using Linli.Platform.Auth;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsPublishSlots;

/// <summary>A period of the window day, as "09:00" to "11:30" (China time).</summary>
internal sealed record PeriodInput([property: Required, MaxLength(5)] string From, [property: Required, MaxLength(5)] string To);

/// <summary>
/// Slots for a range of days from a template: the periods of each working day cut into <see cref="SlotMinutes"/>-minute
/// slots of <see cref="Capacity"/> places, for <see cref="ItemIds"/> (none: every item).
/// </summary>
internal sealed record PublishSlotsRequest(
    [property: Required, MaxLength(12)] string CommunityCode,
    DateOnly From, DateOnly To,
    [property: Required, MaxLength(8)] IReadOnlyList<PeriodInput> Periods,
    [property: Range(5, 240)] int SlotMinutes,
    [property: Range(1, 100)] int Capacity,
    [property: MaxLength(100)] IReadOnlyList<long>? ItemIds = null);

/// <summary>What publishing did: slots created, and those skipped (already there, in the past, or on a closed day).</summary>
internal sealed record PublishedSlots(int Created, int Skipped, int Days);

internal static class PublishSlots
{
    /// <summary>The template's periods, or a 400 naming <c>periods</c> for a time that is not HH:mm.</summary>
    public static List<SlotPeriod> Periods(IReadOnlyList<PeriodInput> periods) => periods.Select(p => new SlotPeriod(Time(p.From), Time(p.To))).ToList();

    private static TimeOnly Time(string text) =>
        TimeOnly.TryParseExact(text.Trim(), ["HH:mm", "H:mm"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var t)
            ? t : throw ValidationFailedException.For("periods", "时间须写作 时:分（如 09:00）。");

    public static async Task<PublishedSlots> PublishAsync(ServiceDeskDbContext db, IAreaScope scope, IRegionDirectory regions, WorkingCalendar calendar,
        PublishSlotsRequest request, DateTime now, CancellationToken ct)
    {
        var community = await CommunityAccess.CheckAsync(request.CommunityCode, scope, regions, ct);
        var periods = Periods(request.Periods);
        var planned = SlotTemplate.Plan(request.From, request.To, periods, request.SlotMinutes, calendar);
        var itemIds = request.ItemIds?.Distinct().ToList() ?? [];
        if (itemIds.Count > 0)
        {
            var known = await ItemGuides.PublishedNamesAsync(db, itemIds, ct);
            if (known.Count != itemIds.Count) throw ValidationFailedException.For("itemIds", "有事项不存在或已停办。");
        }
        var closed = await db.CommunityClosures.AsNoTracking().Where(c => c.CommunityCode == community.Code && c.Day >= request.From && c.Day <= request.To)
            .Select(c => c.Day).ToListAsync(ct);
        var existing = (await db.WindowSlots.AsNoTracking().Where(s => s.CommunityCode == community.Code && s.Day >= request.From && s.Day <= request.To)
            .Select(s => s.StartsAt).ToListAsync(ct)).ToHashSet();
        var by = scope.UserName ?? "system";
        var created = planned.Where(p => p.StartsAt > now && !closed.Contains(p.Day) && !existing.Contains(p.StartsAt)).Select(p => new WindowSlot
        {
            CommunityCode = community.Code, Day = p.Day, StartsAt = p.StartsAt, EndsAt = p.EndsAt, Capacity = request.Capacity, ServesAllItems = itemIds.Count == 0,
            Items = itemIds.Select(i => new WindowSlotItem { ItemId = i }).ToList(), CreatedAt = now, CreatedBy = by,
        }).ToList();
        db.WindowSlots.AddRange(created);
        await db.SaveChangesAsync(ct);
        return new PublishedSlots(created.Count, planned.Count - created.Count, planned.Select(p => p.Day).Distinct().Count());
    }

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/slots", async Task<Ok<PublishedSlots>> (PublishSlotsRequest request, IAreaScope scope, ServiceDeskDbContext db, IRegionDirectory regions,
                WorkingCalendar calendar, TimeProvider clock, CancellationToken ct) =>
                TypedResults.Ok(await PublishAsync(db, scope, regions, calendar, request, clock.GetUtcNow().UtcDateTime, ct)))
            .RequireAuthorization(ServiceDeskPermissions.HandleCases)
            .WithName("PublishAppointmentSlots")
            .WithSummary("A community worker publishes window slots for a range of days from a template (periods in China time, slot length, capacity, items); " +
                         "holidays are skipped and the weekend days worked instead (调休) get slots; slots already there, past or on a closed day are skipped.");
}
