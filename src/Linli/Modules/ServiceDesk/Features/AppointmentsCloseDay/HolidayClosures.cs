using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Platform.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsCloseDay;

/// <summary>
/// A holiday entered after slots were published: every community's open slots on a day that is no longer a working day
/// are closed as a closure would close them, their bookings moved to the next free slot (or cancelled) and their residents
/// told — all of them at once, set-based (<see cref="DayCloser"/>: a few statements for the whole city, not a few per
/// community or booking), in one transaction begun with the revision's claim, so it is done once however many instances try.
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
        var affected = closed.Sum(c => c.Moved + c.Cancelled);
        await claims.CountAsync(db, change.Revision, Name, affected, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Appointments: holiday revision {Revision} closed {Days} days ({Closures} community days); {Bookings} bookings moved or cancelled", change.Revision, holidays.Count, toClose.Count, affected);
        return affected;
    }
}
