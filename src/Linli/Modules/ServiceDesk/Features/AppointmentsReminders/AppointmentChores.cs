using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Features.AppointmentsShared;
using Linli.Platform.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsReminders;

/// <summary>
/// The appointments' timed work, all from stored times so a restart loses nothing: cancelled places whose release time
/// has come go back to their slots, and reminders whose time has come go to the outbox. Each row is claimed by a
/// conditional UPDATE in the transaction that does its work, so two instances never release or remind twice.
/// </summary>
internal sealed class AppointmentChores(IServiceScopeFactory scopes, TimeProvider clock)
{
    private const int Batch = 200;

    /// <summary>Gives back the places due for release; returns how many.</summary>
    public async Task<int> ReleaseDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        var due = await db.Bookings.AsNoTracking().Where(b => b.ReleasedAt == null && b.ReleaseAt != null && b.ReleaseAt <= now)
            .OrderBy(b => b.ReleaseAt).Take(Batch).Select(b => new { b.Id, b.SlotId }).ToListAsync(ct);
        var released = 0;
        foreach (var booking in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Bookings.Where(b => b.Id == booking.Id && b.ReleasedAt == null)
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.ReleasedAt, now), ct);
            if (claimed == 1)
            {
                await db.WindowSlots.Where(s => s.Id == booking.SlotId && s.Taken > 0).ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken - 1), ct);
                released++;
            }
            await transaction.CommitAsync(ct);
        }
        return released;
    }

    /// <summary>Writes the reminders due to the outbox; returns how many.</summary>
    public async Task<int> RemindDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        var due = await db.Bookings.AsNoTracking().Where(b => b.RemindedAt == null && b.RemindAt != null && b.RemindAt <= now && b.State == BookingState.Booked)
            .OrderBy(b => b.RemindAt).Take(Batch).ToListAsync(ct);
        var guides = await ItemGuides.VersionsAsync(db, due.Select(b => b.ItemVersionId), ct);
        var reminded = 0;
        foreach (var booking in due)
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var claimed = await db.Bookings.Where(b => b.Id == booking.Id && b.RemindedAt == null && b.State == BookingState.Booked && b.RemindAt == booking.RemindAt)
                .ExecuteUpdateAsync(b => b.SetProperty(x => x.RemindedAt, now), ct);
            if (claimed == 1)
            {
                db.AppointmentMessages.Add(AppointmentNotices.Reminder(booking, guides.GetValueOrDefault(booking.ItemVersionId)?.Name ?? "", now));
                await db.SaveChangesAsync(ct);
                reminded++;
            }
            await transaction.CommitAsync(ct);
        }
        return reminded;
    }
}

/// <summary>Runs <see cref="AppointmentChores"/> every Appointments:PollSeconds.</summary>
internal sealed class AppointmentChoresJob(AppointmentChores chores, IOptions<AppointmentOptions> options, TimeProvider clock, ILogger<AppointmentChoresJob> logger)
    : PollingJob(clock, logger)
{
    protected override bool Enabled => options.Value.RunJobs;
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await chores.ReleaseDueAsync(cancellationToken);
        await chores.RemindDueAsync(cancellationToken);
    }
}
