using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Appointments;
using Linli.Modules.ServiceDesk.Features.AppointmentsShared;
using Linli.Platform.Jobs;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsReminders;

/// <summary>
/// The appointments' timed work, all from stored times so a restart loses nothing: cancelled places whose release time
/// has come go back to their slots, and reminders whose time has come go to the outbox. Set-based, a batch at a time in
/// one transaction, claimed as the platform's due-time watcher and outboxes claim theirs (<see cref="BatchClaim"/>: FOR
/// UPDATE SKIP LOCKED on PostgreSQL, so two instances never take the same ones), marked by one UPDATE, and their slots
/// given back by one UPDATE per number of places returned (or their reminders written in one SaveChanges) — a handful
/// of statements per batch, not a few per booking.
/// </summary>
internal sealed class AppointmentChores(IServiceScopeFactory scopes, TimeProvider clock, ILogger<AppointmentChores> logger)
{
    private const int Batch = 500;

    /// <summary>Gives back the places due for release; returns how many.</summary>
    public async Task<int> ReleaseDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var released = 0;
        while (true)
        {
            var (claimed, done) = await ReleaseBatchAsync(now, ct);
            released += done;
            if (claimed < Batch || done == 0) return released;
        }
    }

    private async Task<(int Claimed, int Released)> ReleaseBatchAsync(DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await db.ClaimBatchAsync<Booking>("released_at IS NULL AND release_at IS NOT NULL AND release_at <= {0}", "release_at, id", [now],
            q => q.Where(b => b.ReleasedAt == null && b.ReleaseAt != null && b.ReleaseAt <= now).OrderBy(b => b.ReleaseAt).ThenBy(b => b.Id), Batch, tracked: false, ct);
        if (due.Count == 0) return (0, 0);
        var ids = due.Select(b => b.Id).ToList();
        var marked = await db.Bookings.Where(b => ids.Contains(b.Id) && b.ReleasedAt == null).ExecuteUpdateAsync(b => b.SetProperty(x => x.ReleasedAt, now), ct);
        if (marked != due.Count)
        {
            // Someone released some of them meanwhile (cannot happen under the lock): nothing of the batch is kept; the next pass looks again.
            logger.LogWarning("Appointments: {Marked} of {Claimed} places were still waiting for release; the batch is left to the next pass", marked, due.Count);
            return (due.Count, 0);
        }
        // The slots get back as many places as they had released: one UPDATE for all the slots that get the same number back.
        foreach (var same in due.GroupBy(b => b.SlotId).GroupBy(g => g.Count(), g => g.Key))
        {
            var (places, slots) = (same.Key, same.ToList());
            await db.WindowSlots.Where(s => slots.Contains(s.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Taken, x => x.Taken > places ? x.Taken - places : 0), ct);
        }
        await transaction.CommitAsync(ct);
        return (due.Count, due.Count);
    }

    /// <summary>Writes the reminders due to the outbox; returns how many.</summary>
    public async Task<int> RemindDueAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var reminded = 0;
        while (true)
        {
            var (claimed, done) = await RemindBatchAsync(now, ct);
            reminded += done;
            if (claimed < Batch || done == 0) return reminded;
        }
    }

    private async Task<(int Claimed, int Reminded)> RemindBatchAsync(DateTime now, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ServiceDeskDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var due = await db.ClaimBatchAsync<Booking>("reminded_at IS NULL AND remind_at IS NOT NULL AND remind_at <= {0} AND state = {1}", "remind_at, id", [now, (int)BookingState.Booked],
            q => q.Where(b => b.RemindedAt == null && b.RemindAt != null && b.RemindAt <= now && b.State == BookingState.Booked).OrderBy(b => b.RemindAt).ThenBy(b => b.Id),
            Batch, tracked: false, ct);
        if (due.Count == 0) return (0, 0);
        var ids = due.Select(b => b.Id).ToList();
        var marked = await db.Bookings.Where(b => ids.Contains(b.Id) && b.RemindedAt == null && b.State == BookingState.Booked && b.RemindAt != null && b.RemindAt <= now)
            .ExecuteUpdateAsync(b => b.SetProperty(x => x.RemindedAt, now), ct);
        if (marked != due.Count)
        {
            logger.LogWarning("Appointments: {Marked} of {Claimed} reminders were still due; the batch is left to the next pass", marked, due.Count);
            return (due.Count, 0);
        }
        var guides = await ItemGuides.VersionsAsync(db, due.Select(b => b.ItemVersionId), ct);
        db.AppointmentMessages.AddRange(due.Select(b => AppointmentNotices.Reminder(b, guides.GetValueOrDefault(b.ItemVersionId)?.Name ?? "", now)));
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (due.Count, due.Count);
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
