using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Platform.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsCloseDay;

/// <summary>
/// A holiday entered after slots were published: every community's open slots on a day that is no longer a working day
/// are closed as a closure would close them, their bookings moved to the next free slot (or cancelled) and their residents
/// told, and the reminders of the bookings kept moved to the working day before under the new calendar — all of them at
/// once, set-based (<see cref="DayCloser"/>: a few statements for the whole city, not a few per community or booking),
/// in one transaction begun with the revision's claim, so it is done once however many instances try.
/// </summary>
internal sealed class HolidayClosures(IServiceScopeFactory scopes, CalendarRecomputations claims, IOptions<AppointmentOptions> options,
    ILogger<HolidayClosures> logger) : IWorkingCalendarChangeHandler
{
    public string Name => "servicedesk.appointments";

    public async Task<int> ApplyAsync(WorkingCalendarChange change, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await claims.ClaimAsync(db, change.Revision, Name, change.NowUtc, cancellationToken)) return 0;
        var today = WorkingCalendar.ChinaDay(change.NowUtc);
        var from = change.FirstChangedDay > today ? change.FirstChangedDay : today;
        // The open slots' days from the first changed day on (the filtered index on open slots' days), then the calendar's verdict on each.
        var days = await db.WindowSlots.Where(s => s.ClosedAt == null && s.Day >= from).Select(s => s.Day).Distinct().ToListAsync(cancellationToken);
        var holidays = days.Where(d => !change.After.IsWorkingDay(d)).ToList();
        // Every community's open days among them, less those a worker closed already: one query, then all closed together.
        var open = await db.WindowSlots.Where(s => s.ClosedAt == null && holidays.Contains(s.Day)
                                                   && !db.CommunityClosures.Any(c => c.CommunityCode == s.CommunityCode && c.Day == s.Day))
            .Select(s => new { s.CommunityCode, s.Day }).Distinct().ToListAsync(cancellationToken);
        var toClose = open.Select(d => (d.CommunityCode, d.Day)).OrderBy(d => d.Day).ThenBy(d => d.CommunityCode, StringComparer.Ordinal).ToList();
        var closed = await DayCloser.CloseAsync(db, toClose, "法定节假日调整", move: true, "system", change.After, change.NowUtc, options.Value, cancellationToken);
        await MoveRemindersAsync(db, from, change, options.Value, cancellationToken);
        var affected = closed.Sum(c => c.Moved + c.Cancelled);
        await claims.CountAsync(db, change.Revision, Name, affected, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Appointments: holiday revision {Revision} closed {Days} days ({Closures} community days); {Bookings} bookings moved or cancelled", change.Revision, holidays.Count, toClose.Count, affected);
        return affected;
    }

    /// <summary>
    /// A booking kept is reminded on the working day before its day, which a changed day before it moves (a Wednesday
    /// made a holiday sends Thursday's reminders on Tuesday): the reminders not yet sent of the booked days from
    /// <paramref name="from"/> on are set by the new calendar, one UPDATE per day whose reminder moved (the days within
    /// the booking horizon: a few dozen at most).
    /// </summary>
    private static async Task MoveRemindersAsync(ServiceDeskDbContext db, DateOnly from, WorkingCalendarChange change, AppointmentOptions options, CancellationToken ct)
    {
        var waiting = db.Bookings.Where(b => b.State == BookingState.Booked && b.RemindedAt == null && b.RemindAt != null);
        var days = await waiting.Join(db.WindowSlots, b => b.SlotId, s => s.Id, (b, s) => s.Day).Where(d => d >= from).Distinct().ToListAsync(ct);
        foreach (var day in days)
        {
            // Today's bookings keep what they have (a reminder due now still goes out).
            if (BookingRules.RemindAt(day, change.NowUtc, change.After, options) is not { } at) continue;
            await waiting.Where(b => b.RemindAt != at && db.WindowSlots.Any(s => s.Id == b.SlotId && s.Day == day))
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.RemindAt, at), ct);
        }
    }
}
