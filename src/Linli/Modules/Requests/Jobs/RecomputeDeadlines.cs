using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Calendar;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Jobs;

/// <summary>
/// When the holidays change, moves every open ticket's due times under the new calendar (<see cref="WorkingCalendarChange.Move(DateTime)"/>):
/// the stored deadlines the watcher fires, the ticket's sign and finish times (also of a suspended ticket, whose clock
/// resumes from them) and a summoned department's report-in time. One transaction for the whole module, begun with the
/// revision's claim, so that it is applied once however many instances try, and nothing is half moved if it fails.
/// A ticket saved by someone meanwhile makes the transaction fail; it is then done again from the start.
/// </summary>
internal sealed class RecomputeDeadlines(IServiceScopeFactory scopes, CalendarRecomputations claims, ILogger<RecomputeDeadlines> logger) : IWorkingCalendarChangeHandler
{
    private const int Attempts = 5;

    public string Name => "requests.deadlines";

    public async Task<int> ApplyAsync(WorkingCalendarChange change, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await ApplyOnceAsync(change, cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < Attempts)
            {
                logger.LogInformation("A ticket changed while its deadlines were moved for holiday revision {Revision}; moving them again", change.Revision);
            }
        }
    }

    private async Task<int> ApplyOnceAsync(WorkingCalendarChange change, CancellationToken cancellationToken)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<RequestsDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        if (!await claims.ClaimAsync(db, change.Revision, Name, change.NowUtc, cancellationToken)) return 0;

        // Only what falls on or after the first changed day can move (ix_deadlines_open_due_at, ix_tickets_finish_due_at).
        var from = change.FirstChangedUtc;
        var deadlines = await db.Deadlines.Where(d => d.FiredAt == null && d.ClosedAt == null && d.DueAt >= from).ToListAsync(cancellationToken);
        var ticketIds = deadlines.Select(d => d.TicketId).ToHashSet();
        ticketIds.UnionWith(await db.Tickets.IgnoreQueryFilters()
            .Where(t => t.FinishDueAt >= from && t.State != TicketState.Closed && t.State != TicketState.Merged)
            .Select(t => t.Id).ToListAsync(cancellationToken));
        var tickets = new List<Ticket>();
        foreach (var chunk in ticketIds.Chunk(500))
            tickets.AddRange(await db.Tickets.IgnoreQueryFilters().Include(t => t.Units).Where(t => chunk.Contains(t.Id)).ToListAsync(cancellationToken));

        var withMovedDeadline = new HashSet<long>();
        foreach (var deadline in deadlines)
        {
            var due = change.Move(deadline.DueAt);
            if (due == deadline.DueAt) continue;
            deadline.DueAt = due;
            withMovedDeadline.Add(deadline.TicketId);
        }
        var moved = 0;
        foreach (var ticket in tickets)
        {
            var before = (ticket.SignDueAt, ticket.FinishDueAt);
            if (ticket.SignedAt is null) ticket.SignDueAt = change.Move(ticket.SignDueAt);
            if (ticket.RepliedAt is null) ticket.FinishDueAt = change.Move(ticket.FinishDueAt);
            foreach (var summons in ticket.Units.Where(u => u.Role == UnitRole.Summoned && u.ReportedAt is null))
                summons.ReportDueAt = change.Move(summons.ReportDueAt);
            if (before != (ticket.SignDueAt, ticket.FinishDueAt) || withMovedDeadline.Contains(ticket.Id))
            {
                ticket.UpdatedAt = change.NowUtc;
                moved++;
            }
        }
        await claims.CountAsync(db, change.Revision, Name, moved, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        logger.LogInformation("Holiday revision {Revision}: deadlines of {Moved} open tickets moved", change.Revision, moved);
        return moved;
    }
}
