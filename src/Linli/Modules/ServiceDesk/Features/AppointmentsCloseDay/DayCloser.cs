using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Features.AppointmentsShared;
using Linli.Platform.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsCloseDay;

/// <summary>What closing a day did to its bookings.</summary>
internal sealed record ClosedDay(string CommunityCode, DateOnly Day, int Slots, int Moved, int Cancelled);

/// <summary>
/// Closes a community's window for a day, inside the caller's transaction: records the closure, closes the day's slots,
/// and moves each active booking to the next free slot that serves its item (taken by the same conditional UPDATE as a
/// booking), or cancels it when there is none or moving was not asked for; every resident concerned gets a message in
/// the same transaction. Used by a worker's closure and by a holiday entered later.
/// </summary>
internal static class DayCloser
{
    /// <summary>How many later slots are tried for one booking before it is cancelled.</summary>
    private const int Candidates = 50;

    public static async Task<ClosedDay> CloseAsync(ServiceDeskDbContext db, string community, DateOnly day, string reason, bool move, string by,
        WorkingCalendar calendar, DateTime now, AppointmentOptions options, CancellationToken ct)
    {
        db.CommunityClosures.Add(new CommunityClosure { CommunityCode = community, Day = day, Reason = reason, ClosedAt = now, ClosedBy = by });
        await db.SaveChangesAsync(ct);
        var slotIds = await db.WindowSlots.Where(s => s.CommunityCode == community && s.Day == day && s.ClosedAt == null).Select(s => s.Id).ToListAsync(ct);
        await db.WindowSlots.Where(s => slotIds.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosedAt, now), ct);
        var bookings = await db.Bookings.Where(b => slotIds.Contains(b.SlotId) && b.State == BookingState.Booked).OrderBy(b => b.StartsAt).ThenBy(b => b.Id).ToListAsync(ct);
        var guides = await ItemGuides.VersionsAsync(db, bookings.Select(b => b.ItemVersionId), ct);
        var (moved, cancelled) = (0, 0);
        foreach (var booking in bookings)
        {
            var itemName = guides.GetValueOrDefault(booking.ItemVersionId)?.Name ?? "";
            var target = move ? await TakeNextFreeAsync(db, booking, day, calendar, now, ct) : null;
            if (target is not null)
            {
                var from = booking.StartsAt;
                booking.MovedFromSlotId ??= booking.SlotId;
                (booking.SlotId, booking.StartsAt) = (target.Id, target.StartsAt);
                (booking.RemindAt, booking.RemindedAt) = (BookingRules.RemindAt(target.Day, now, calendar, options), null);
                db.AppointmentMessages.Add(AppointmentNotices.Moved(booking, itemName, from, reason, now));
                moved++;
            }
            else
            {
                (booking.State, booking.CancelledAt, booking.CancelReason, booking.RemindAt) = (BookingState.Cancelled, now, CancelReason.DayClosed, null);
                db.AppointmentMessages.Add(AppointmentNotices.Cancelled(booking, itemName, reason, now));
                cancelled++;
            }
        }
        await db.SaveChangesAsync(ct);
        return new ClosedDay(community, day, slotIds.Count, moved, cancelled);
    }

    private static async Task<WindowSlot?> TakeNextFreeAsync(ServiceDeskDbContext db, Booking booking, DateOnly closedDay, WorkingCalendar calendar, DateTime now,
        CancellationToken ct)
    {
        var item = booking.ItemId;
        var candidates = await db.WindowSlots.AsNoTracking()
            .Where(s => s.CommunityCode == booking.CommunityCode && s.Day > closedDay && s.ClosedAt == null && s.StartsAt > now && s.Taken < s.Capacity
                        && (s.ServesAllItems || s.Items.Any(i => i.ItemId == item)))
            .OrderBy(s => s.StartsAt).ThenBy(s => s.Id).Take(Candidates).ToListAsync(ct);
        foreach (var slot in candidates.Where(s => calendar.IsWorkingDay(s.Day)))
        {
            var took = await db.WindowSlots.Where(s => s.Id == slot.Id && s.Taken < s.Capacity && s.ClosedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken + 1), ct);
            if (took == 1) return slot;
        }
        return null;
    }
}
