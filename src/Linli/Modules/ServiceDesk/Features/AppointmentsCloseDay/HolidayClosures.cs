using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Platform.Calendar;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsCloseDay;

/// <summary>
/// A holiday entered after slots were published: every community's open slots on a day that is no longer a working day
/// are closed as a closure would close them, their bookings moved to the next free slot (or cancelled) and their residents
/// told — in one transaction begun with the revision's claim, so it is done once however many instances try.
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
        var today = DateOnly.FromDateTime(WorkingCalendar.ToChina(change.NowUtc));
        var from = change.FirstChangedDay > today ? change.FirstChangedDay : today;
        // The open slots' days from the first changed day on (the filtered index on open slots' days), then the calendar's verdict on each.
        var days = await db.WindowSlots.Where(s => s.ClosedAt == null && s.Day >= from).Select(s => s.Day).Distinct().ToListAsync(cancellationToken);
        var holidays = days.Where(d => !change.After.IsWorkingDay(d)).ToList();
        var affected = 0;
        foreach (var day in holidays.Order())
        {
            var communities = await db.WindowSlots.Where(s => s.ClosedAt == null && s.Day == day).Select(s => s.CommunityCode).Distinct().ToListAsync(cancellationToken);
            foreach (var community in communities.Order(StringComparer.Ordinal))
            {
                if (await db.CommunityClosures.AnyAsync(c => c.CommunityCode == community && c.Day == day, cancellationToken)) continue;
                var closed = await DayCloser.CloseAsync(db, community, day, "法定节假日调整", move: true, "system", change.After, change.NowUtc, options.Value, cancellationToken);
                affected += closed.Moved + closed.Cancelled;
            }
        }
        await claims.CountAsync(db, change.Revision, Name, affected, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Appointments: holiday revision {Revision} closed {Days} days; {Bookings} bookings moved or cancelled", change.Revision, holidays.Count, affected);
        return affected;
    }
}
