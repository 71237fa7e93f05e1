using Linli.Platform.Jobs;
using Linli.Platform.Persistence;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Jobs;

/// <summary>
/// Fires every stored deadline that has passed unmet, once: marks the ticket overdue, puts it on the supervision list,
/// logs it and tells the unit and its supervisors, in one transaction with setting <see cref="Deadline.FiredAt"/>.
/// Deadlines live in the database, so a restart loses none. On PostgreSQL each is claimed with FOR UPDATE SKIP LOCKED,
/// so several instances share the work; <see cref="Deadline.FiredAt"/> and <see cref="Deadline.ClosedAt"/> are
/// concurrency tokens, so a deadline met or fired elsewhere meanwhile is never fired here.
/// </summary>
internal sealed class DeadlineWatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeadlineWatcher> logger)
{
    private const int Batch = 200;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Fires what is due now; returns how many deadlines fired.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            var fired = 0;
            while (true)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                List<long> due;
                using (var scope = scopes.CreateScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
                    due = await db.Deadlines.AsNoTracking().Where(d => d.FiredAt == null && d.ClosedAt == null && d.DueAt <= now)
                        .OrderBy(d => d.DueAt).ThenBy(d => d.Id).Select(d => d.Id).Take(Batch).ToListAsync(cancellationToken);
                }
                var firedNow = 0;
                foreach (var id in due)
                {
                    if (await FireAsync(id, now, cancellationToken)) firedNow++;
                }
                fired += firedNow;
                if (due.Count < Batch || firedNow == 0) return fired;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<bool> FireAsync(long id, DateTime now, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
#pragma warning disable EF1003 // the table name comes from the EF model; the values are parameters
        var deadline = db.Database.IsNpgsql()
            ? await db.Deadlines.FromSqlRaw("SELECT * FROM " + db.QualifiedTable<Deadline>() + " WHERE id = {0} AND fired_at IS NULL AND closed_at IS NULL FOR UPDATE SKIP LOCKED", id)
                .FirstOrDefaultAsync(cancellationToken)
            : await db.Deadlines.FirstOrDefaultAsync(d => d.Id == id && d.FiredAt == null && d.ClosedAt == null, cancellationToken);
#pragma warning restore EF1003
        if (deadline is null) return false; // met, fired or being fired elsewhere
        var ticket = await db.Tickets.IgnoreQueryFilters().FirstAsync(t => t.Id == deadline.TicketId, cancellationToken);

        deadline.FiredAt = now;
        if (deadline.Kind is DeadlineKind.Sign or DeadlineKind.Finish) ticket.IsOverdue = true;
        ticket.UnderSupervision = true;
        ticket.UpdatedAt = now;
        db.Supervisions.Add(new Supervision
        {
            TicketId = ticket.Id, Reason = SupervisionReason.Overdue, UnitCode = deadline.UnitCode, DeadlineKind = deadline.Kind, CreatedAt = now,
        });
        var what = deadline.Kind switch
        {
            DeadlineKind.Sign => "超期未签收",
            DeadlineKind.Finish => "超期未办结",
            _ => "超时未报到",
        };
        ticket.Actions.Add(new TicketAction
        {
            At = now, UserName = "system", UnitCode = deadline.UnitCode, Action = TicketActionKind.Overdue,
            FromState = ticket.State, ToState = ticket.State, Opinion = $"{what}（时限 {Platform.Calendar.WorkingCalendar.ToChina(deadline.DueAt):yyyy-MM-dd HH:mm}）",
        });
        foreach (var recipient in Recipients.Supervisors(ticket).Prepend(Recipients.Unit(deadline.UnitCode)).Distinct())
        {
            db.Outbox.Add(new OutboxMessage
            {
                Recipient = recipient, Subject = "超期督办", Body = $"工单 {ticket.Number} {what}，已列入督办。", TicketId = ticket.Id, CreatedAt = now,
            });
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            if (transaction is not null) await transaction.CommitAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateConcurrencyException)
        {
            // The ticket or the deadline changed under us (signed, replied, fired elsewhere): look again next pass.
            logger.LogInformation("Deadline {DeadlineId} changed while firing; it is looked at again on the next pass", id);
            return false;
        }
    }
}

/// <summary>Runs the watcher every few seconds, by the injected clock.</summary>
internal sealed class DeadlineWatcherService(DeadlineWatcher watcher, TimeProvider clock, IOptions<RequestsOptions> options, ILogger<DeadlineWatcherService> logger)
    : PollingJob(clock, logger)
{
    protected override bool Enabled => options.Value.RunJobs;
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);
    protected override Task RunOnceAsync(CancellationToken cancellationToken) => watcher.RunOnceAsync(cancellationToken);
}
