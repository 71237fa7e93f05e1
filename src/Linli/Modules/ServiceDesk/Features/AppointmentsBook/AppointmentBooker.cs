using System.Text.Json;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Features.AppointmentsShared;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Linli.Platform.Idempotency;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsBook;

/// <summary>What a booking gives back: the booking, or the first answer to an earlier submission under the same key.</summary>
internal sealed record BookingOutcome(BookingView? Booking, IdempotentAnswer? Earlier);

/// <summary>
/// Books a place. The rules that need no database are <see cref="BookingRules"/>; the place itself is taken by one
/// conditional UPDATE (<c>taken = taken + 1 WHERE id = @id AND taken &lt; capacity</c>) as the first statement of the
/// transaction that inserts the booking, so however many bookings race for the last place exactly one gets it (the
/// database serialises the UPDATEs on the slot's row), and a booking that fails afterwards gives its place back with
/// its rollback. Never check-then-insert. One active booking per person and item is a unique index besides.
/// </summary>
internal sealed class AppointmentBooker(ServiceDeskDbContext db, IdempotencyStore<ServiceDeskDbContext> idempotency, WorkingCalendar calendar,
    IRegionDirectory regions, IOptions<AppointmentOptions> options, TimeProvider clock)
{
    public async Task<BookingOutcome> BookAsync(string userId, long slotId, long itemId, IdempotencyKey? key, Func<BookingView, IdempotentAnswer> answerOf,
        CancellationToken ct)
    {
        if (key is not null && await idempotency.FindAsync(key, ct) is { } earlier) return new BookingOutcome(null, earlier);
        var now = clock.GetUtcNow().UtcDateTime;
        var slot = await db.WindowSlots.AsNoTracking().FirstOrDefaultAsync(s => s.Id == slotId, ct)
                   ?? throw ValidationFailedException.For("slotId", "没有这个时段。");
        var item = await ItemGuides.PublishedAsync(db, itemId, ct) ?? throw ValidationFailedException.For("itemId", "没有这个事项，或它已停办。");
        if (!item.Modes.HasFlag(HandlingModes.Appointment)) throw ValidationFailedException.For("itemId", "事项 {0} 不能预约办理。", item.Name);
        var district = slot.CommunityCode[..6];
        if (!await db.ReceivableIn(district).AnyAsync(x => x.Item.Id == itemId, ct))
            throw ValidationFailedException.For("itemId", "本区县的代办事项清单中没有事项 {0}，不能在本社区预约。", item.Name);
        var serves = slot.ServesAllItems || await db.Set<WindowSlotItem>().AnyAsync(i => i.SlotId == slotId && i.ItemId == itemId, ct);
        var today = WorkingCalendar.ToUtc(WorkingCalendar.ChinaDay(now).ToDateTime(TimeOnly.MinValue));
        var mine = db.Bookings.Where(b => b.ResidentUserId == userId && b.State == BookingState.Booked && b.StartsAt >= today);
        var holdsItem = await mine.AnyAsync(b => b.ItemId == itemId, ct);
        var active = await mine.CountAsync(ct);
        if (BookingRules.Refusal(slot, now, calendar, serves, holdsItem, active, options.Value) is { } refusal) throw Refused(refusal.Message, refusal.Arguments);

        var booking = new Booking
        {
            SlotId = slot.Id, ItemId = itemId, ItemVersionId = item.VersionId, CommunityCode = slot.CommunityCode, StartsAt = slot.StartsAt,
            ResidentUserId = userId, State = BookingState.Booked, CreatedAt = now, RemindAt = BookingRules.RemindAt(slot.Day, now, calendar, options.Value),
        };
        var community = (await regions.FindAsync(slot.CommunityCode, ct))?.Name;
        BookingView view;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The place first: the write lock comes before anything else of the transaction (SQLite never upgrades a read).
            var took = await db.WindowSlots
                .Where(s => s.Id == slot.Id && s.Taken < s.Capacity && s.ClosedAt == null && s.StartsAt > now)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken + 1), ct);
            if (took == 0) throw Refused(BookingRefusals.Full, []);
            // The person's bookings whose day has passed unattended no longer hold an item or count toward the cap.
            await db.Bookings.Where(b => b.ResidentUserId == userId && b.State == BookingState.Booked && b.StartsAt < today)
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.State, BookingState.Missed), ct);
            db.Bookings.Add(booking);
            await db.SaveChangesAsync(ct);
            db.AppointmentMessages.Add(AppointmentNotices.Booked(booking, item.Name, now));
            view = Views.Of(booking, slot.EndsAt, community, item);
            if (key is not null) db.Set<IdempotencyRecord>().Add(idempotency.Record(key, answerOf(view)));
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            db.ChangeTracker.Clear();
            if (key is not null && await idempotency.FindAsync(key, ct) is { } first) return new BookingOutcome(null, first);
            // The unique index on active bookings per person and item: a concurrent booking of the same item got there first.
            if (await db.Bookings.AnyAsync(b => b.ResidentUserId == userId && b.ItemId == itemId && b.State == BookingState.Booked, ct))
                throw Refused(BookingRefusals.SameItem, []);
            throw;
        }
        return new BookingOutcome(view, null);
    }

    /// <summary>The 409 a refused booking answers, with <c>reason</c> saying which rule (so a client can tell a full slot from a limit).</summary>
    public static Exception Refused(string message, object[] arguments) => message switch
    {
        BookingRefusals.Full => new ConflictException(new Phrase(message, arguments), new Dictionary<string, object?> { ["reason"] = "full" }),
        BookingRefusals.SameItem => new ConflictException(new Phrase(message, arguments), new Dictionary<string, object?> { ["reason"] = "same-item" }),
        BookingRefusals.TooMany => new ConflictException(new Phrase(message, arguments), new Dictionary<string, object?> { ["reason"] = "too-many" }),
        _ => ValidationFailedException.For("slotId", message, arguments),
    };

    public static string Fingerprint(BookRequest request, JsonSerializerOptions json) =>
        IdempotencyKey.Fingerprint("POST /api/appointments", JsonSerializer.Serialize(request, json));
}
