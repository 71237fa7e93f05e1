using Linli.Platform.Calendar;
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
/// Deadlines live in the database, so a restart loses none. A batch is claimed and fired in one transaction (on
/// PostgreSQL with FOR UPDATE SKIP LOCKED, so several instances share the work); <see cref="Deadline.FiredAt"/>,
/// <see cref="Deadline.ClosedAt"/> and the ticket's version are concurrency tokens, so when someone acted on one of
/// the tickets meanwhile the batch is fired again one deadline at a time, and a deadline met meanwhile is not fired.
/// </summary>
internal sealed class DeadlineWatcher(IServiceScopeFactory scopes, TimeProvider clock, ILogger<DeadlineWatcher> logger) : IDisposable
{
    private const int Batch = 200;
    private readonly SemaphoreSlim _gate = new(1, 1);

    public void Dispose() => _gate.Dispose();

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
                var (claimed, firedNow) = await FireBatchAsync(now, cancellationToken);
                fired += firedNow;
                if (claimed < Batch || firedNow == 0) return fired;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<(int Claimed, int Fired)> FireBatchAsync(DateTime now, CancellationToken cancellationToken)
    {
        List<long> ids;
        using (var scope = scopes.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
            await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
            var due = await ClaimAsync(db, now, null, cancellationToken);
            if (due.Count == 0) return (0, 0);
            ids = due.Select(d => d.Id).ToList();
            var ticketIds = due.Select(d => d.TicketId).Distinct().ToList();
            var tickets = await db.Tickets.IgnoreQueryFilters().Where(t => ticketIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, cancellationToken);
            var steps = StepsOf(scope.ServiceProvider, db);
            foreach (var deadline in due) Fire(db, steps, deadline, tickets[deadline.TicketId], now);
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                if (transaction is not null) await transaction.CommitAsync(cancellationToken);
                return (due.Count, due.Count);
            }
            catch (DbUpdateConcurrencyException)
            {
                // Someone acted on one of the tickets meanwhile: nothing of the batch was saved; fire them one by one.
                logger.LogInformation("A ticket changed while firing {Count} deadlines; firing them one by one", due.Count);
            }
        }
        var fired = 0;
        foreach (var id in ids)
        {
            if (await FireOneAsync(id, now, cancellationToken)) fired++;
        }
        return (ids.Count, fired);
    }

    private async Task<bool> FireOneAsync(long id, DateTime now, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        await using var transaction = db.Database.IsNpgsql() ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        if ((await ClaimAsync(db, now, id, cancellationToken)).FirstOrDefault() is not { } deadline) return false; // met, fired or being fired elsewhere
        Fire(db, StepsOf(scope.ServiceProvider, db), deadline, await db.Tickets.IgnoreQueryFilters().FirstAsync(t => t.Id == deadline.TicketId, cancellationToken), now);
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

    /// <summary>Unmet deadlines due by <paramref name="now"/> (or the one given), oldest first, locked for this transaction on PostgreSQL.</summary>
    private static Task<List<Deadline>> ClaimAsync(RequestsDbContext db, DateTime now, long? only, CancellationToken cancellationToken)
    {
#pragma warning disable EF1003 // the table name comes from the EF model; the values are parameters
        if (db.Database.IsNpgsql())
            return db.Deadlines.FromSqlRaw("SELECT * FROM " + db.QualifiedTable<Deadline>() +
                                           " WHERE fired_at IS NULL AND closed_at IS NULL AND due_at <= {0} AND ({1}::bigint IS NULL OR id = {1})" +
                                           " ORDER BY due_at, id LIMIT {2} FOR UPDATE SKIP LOCKED", now, only!, Batch)
                .ToListAsync(cancellationToken);
#pragma warning restore EF1003
        return db.Deadlines.Where(d => d.FiredAt == null && d.ClosedAt == null && d.DueAt <= now && (only == null || d.Id == only))
            .OrderBy(d => d.DueAt).ThenBy(d => d.Id).Take(Batch).ToListAsync(cancellationToken);
    }

    private static TicketSteps StepsOf(IServiceProvider services, RequestsDbContext db) =>
        new(services.GetRequiredService<WorkingCalendar>(), services.GetRequiredService<IOptions<RequestsOptions>>().Value, new TrackedTicketLedger(db));

    // What firing does to the ticket is the overdue step of the ticket rules, the same one the synthetic history takes;
    // telling the unit and those over it is the watcher's.
    private static void Fire(RequestsDbContext db, TicketSteps steps, Deadline deadline, Ticket ticket, DateTime now)
    {
        if (!steps.Overdue(ticket, deadline, now)) return;
        foreach (var recipient in Recipients.Supervisors(ticket).Prepend(Recipients.Unit(deadline.UnitCode)).Distinct())
        {
            db.Outbox.Add(new OutboxMessage
            {
                Recipient = recipient, Subject = "超期督办", Body = $"工单 {ticket.Number} {OverdueNotice.What(deadline.Kind)}，已列入督办。", TicketId = ticket.Id, CreatedAt = now,
            });
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
