using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Features.AppointmentsShared;
using Linli.Platform.Calendar;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsCloseDay;

/// <summary>What closing a day did to its bookings.</summary>
internal sealed record ClosedDay(string CommunityCode, DateOnly Day, int Slots, int Moved, int Cancelled);

/// <summary>
/// Closes communities' windows for days, inside the caller's transaction: records the closures, closes the days' slots,
/// and moves each active booking to the next free later slot of its community that serves its item, or cancels it when
/// there is none or moving was not asked for; every resident concerned gets a message in the same transaction. Used by a
/// worker's closure (one day) and by a holiday entered later (every community's open days, <see cref="CommunitiesPerPass"/>
/// communities at a time). Set-based, per pass: one query
/// for the slots, one UPDATE closing them, one query for their bookings, one for the free later slots (locked on
/// PostgreSQL until the commit, so no booking takes their places meanwhile), the free places handed out in memory, one
/// UPDATE per number of places taken, and the bookings, closures and messages in one SaveChanges — never a query per booking.
/// </summary>
internal static class DayCloser
{
    public static async Task<ClosedDay> CloseAsync(ServiceDeskDbContext db, string community, DateOnly day, string reason, bool move, string by,
        WorkingCalendar calendar, DateTime now, AppointmentOptions options, CancellationToken ct) =>
        (await CloseAsync(db, [(community, day)], reason, move, by, calendar, now, options, ct))[0];

    /// <summary>
    /// Communities closed by one pass of the statements: a booking moves only within its community, so passes over
    /// separate communities give what one pass over all would, while what one pass reads and holds in memory, and the
    /// lists it sends as parameters, stay bounded (the rows it locks stay locked until the caller commits). A city-wide
    /// holiday over Shenyang's 2,703 communities is 28 passes of at most 100 communities × 30 days × a dozen free slots
    /// (~36,000 rows) each, not one read of every free later slot in the city (~1,000,000 rows).
    /// </summary>
    internal const int CommunitiesPerPass = 100;

    /// <summary>Closes each of <paramref name="days"/> (community and day, none closed yet); one answer per day, in their order.</summary>
    public static async Task<IReadOnlyList<ClosedDay>> CloseAsync(ServiceDeskDbContext db, IReadOnlyList<(string Community, DateOnly Day)> days, string reason,
        bool move, string by, WorkingCalendar calendar, DateTime now, AppointmentOptions options, CancellationToken ct, int communitiesPerPass = CommunitiesPerPass)
    {
        var answers = new Dictionary<(string, DateOnly), ClosedDay>();
        foreach (var pass in days.GroupBy(d => d.Community, StringComparer.Ordinal).Chunk(communitiesPerPass))
            foreach (var closed in await ClosePassAsync(db, pass.SelectMany(g => g).ToList(), reason, move, by, calendar, now, options, ct))
                answers[(closed.CommunityCode, closed.Day)] = closed;
        return days.Select(d => answers[d]).ToList();
    }

    private static async Task<IReadOnlyList<ClosedDay>> ClosePassAsync(ServiceDeskDbContext db, IReadOnlyList<(string Community, DateOnly Day)> days, string reason,
        bool move, string by, WorkingCalendar calendar, DateTime now, AppointmentOptions options, CancellationToken ct)
    {
        db.CommunityClosures.AddRange(days.Select(d => new CommunityClosure { CommunityCode = d.Community, Day = d.Day, Reason = reason, ClosedAt = now, ClosedBy = by }));
        await db.SaveChangesAsync(ct);
        var communities = days.Select(d => d.Community).Distinct().ToList();
        var dates = days.Select(d => d.Day).Distinct().ToList();
        var wanted = days.ToHashSet();
        // The candidates by the indexed (community, day) columns, then exactly the pairs asked.
        var slots = (await db.WindowSlots.AsNoTracking().Where(s => communities.Contains(s.CommunityCode) && dates.Contains(s.Day) && s.ClosedAt == null)
                .Select(s => new { s.Id, s.CommunityCode, s.Day }).ToListAsync(ct))
            .Where(s => wanted.Contains((s.CommunityCode, s.Day))).ToList();
        var slotIds = slots.Select(s => s.Id).ToList();
        await db.WindowSlots.Where(s => slotIds.Contains(s.Id)).ExecuteUpdateAsync(s => s.SetProperty(x => x.ClosedAt, now), ct);
        var dayOf = slots.ToDictionary(s => s.Id, s => s.Day);
        var bookings = await db.Bookings.Where(b => slotIds.Contains(b.SlotId) && b.State == BookingState.Booked).OrderBy(b => b.StartsAt).ThenBy(b => b.Id).ToListAsync(ct);
        var guides = await ItemGuides.VersionsAsync(db, bookings.Select(b => b.ItemVersionId), ct);
        var places = move && bookings.Count > 0 ? await FreePlacesAsync(db, bookings.Select(b => b.CommunityCode).Distinct().ToList(), dates.Min(), calendar, now, ct) : [];
        var taken = new Dictionary<long, int>();
        var outcome = days.ToDictionary(d => d, _ => (Moved: 0, Cancelled: 0));
        foreach (var booking in bookings)
        {
            var closedDay = dayOf[booking.SlotId];
            var itemName = guides.GetValueOrDefault(booking.ItemVersionId)?.Name ?? "";
            var target = places.GetValueOrDefault(booking.CommunityCode)?
                .FirstOrDefault(s => s.Slot.Day > closedDay && s.Slot.Taken + taken.GetValueOrDefault(s.Slot.Id) < s.Slot.Capacity && (s.Slot.ServesAllItems || s.Items.Contains(booking.ItemId)))
                ?.Slot;
            var key = (booking.CommunityCode, closedDay);
            if (target is not null)
            {
                taken[target.Id] = taken.GetValueOrDefault(target.Id) + 1;
                var from = booking.StartsAt;
                booking.MovedFromSlotId ??= booking.SlotId;
                (booking.SlotId, booking.StartsAt) = (target.Id, target.StartsAt);
                (booking.RemindAt, booking.RemindedAt) = (BookingRules.RemindAt(target.Day, now, calendar, options), null);
                db.AppointmentMessages.Add(AppointmentNotices.Moved(booking, itemName, from, reason, now));
                outcome[key] = (outcome[key].Moved + 1, outcome[key].Cancelled);
            }
            else
            {
                (booking.State, booking.CancelledAt, booking.CancelReason, booking.RemindAt) = (BookingState.Cancelled, now, CancelReason.DayClosed, null);
                db.AppointmentMessages.Add(AppointmentNotices.Cancelled(booking, itemName, reason, now));
                outcome[key] = (outcome[key].Moved, outcome[key].Cancelled + 1);
            }
        }
        // The places taken, by the same condition as a booking's (room left, still open): one UPDATE per number of places.
        foreach (var same in taken.GroupBy(t => t.Value, t => t.Key))
        {
            var (count, ids) = (same.Key, same.ToList());
            var took = await db.WindowSlots.Where(s => ids.Contains(s.Id) && s.Taken + count <= s.Capacity && s.ClosedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken + count), ct);
            // The free slots are locked (PostgreSQL) or the database is (SQLite, after the first write): nobody took a place meanwhile.
            if (took != ids.Count) throw new DbUpdateConcurrencyException("A slot's free places changed while a closed day's bookings were moved.");
        }
        await db.SaveChangesAsync(ct);
        var slotCount = slots.CountBy(s => (s.CommunityCode, s.Day)).ToDictionary();
        return days.Select(d => new ClosedDay(d.Community, d.Day, slotCount.GetValueOrDefault(d), outcome[d].Moved, outcome[d].Cancelled)).ToList();
    }

    private sealed record FreeSlot(WindowSlot Slot, HashSet<long> Items);

    /// <summary>
    /// The open slots with a free place after <paramref name="after"/> of <paramref name="communities"/>, on working days,
    /// earliest first, with the items each serves; locked for the transaction on PostgreSQL.
    /// </summary>
    private static async Task<Dictionary<string, List<FreeSlot>>> FreePlacesAsync(ServiceDeskDbContext db, List<string> communities, DateOnly after,
        WorkingCalendar calendar, DateTime now, CancellationToken ct)
    {
#pragma warning disable EF1003 // the table name comes from the EF model; the values are parameters
        var slots = db.Database.IsNpgsql()
            ? await db.WindowSlots.FromSqlRaw("SELECT * FROM " + db.QualifiedTable<WindowSlot>() + " WHERE community_code = ANY({0}) AND day > {1} AND closed_at IS NULL " +
                                              "AND starts_at > {2} AND taken < capacity ORDER BY starts_at, id FOR UPDATE", communities.ToArray(), after, now)
                .AsNoTracking().ToListAsync(ct)
            : await db.WindowSlots.AsNoTracking().Where(s => communities.Contains(s.CommunityCode) && s.Day > after && s.ClosedAt == null && s.StartsAt > now && s.Taken < s.Capacity)
                .OrderBy(s => s.StartsAt).ThenBy(s => s.Id).ToListAsync(ct);
#pragma warning restore EF1003
        slots = slots.Where(s => calendar.IsWorkingDay(s.Day)).ToList();
        var partial = slots.Where(s => !s.ServesAllItems).Select(s => s.Id).ToList();
        var items = (await db.Set<WindowSlotItem>().AsNoTracking().Where(i => partial.Contains(i.SlotId)).ToListAsync(ct))
            .GroupBy(i => i.SlotId).ToDictionary(g => g.Key, g => g.Select(i => i.ItemId).ToHashSet());
        return slots.GroupBy(s => s.CommunityCode)
            .ToDictionary(g => g.Key, g => g.Select(s => new FreeSlot(s, items.GetValueOrDefault(s.Id) ?? [])).ToList(), StringComparer.Ordinal);
    }
}
