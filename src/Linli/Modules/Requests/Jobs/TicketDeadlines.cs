using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Calendar;
using Linli.Platform.DueTimes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Jobs;

/// <summary>
/// What the module does when its deadlines pass and when the holidays move them; the platform's watcher and
/// recomputation (Platform/DueTimes) call it inside their transaction, in the same <see cref="RequestsDbContext"/>.
/// </summary>
internal sealed class TicketDeadlines(RequestsDbContext db, WorkingCalendar calendar, IOptions<RequestsOptions> options) : IDueTimeHandler<Deadline>
{
    public const string Name = "requests.deadlines";

    /// <summary>
    /// Deadlines that passed unmet: the overdue step of the ticket rules (the ticket marked overdue and put on the
    /// supervision list, the same step the synthetic history takes), then the unit and those over it are told. A summons
    /// unanswered in time is escalated to the district over the place (the ticket rules let it withdraw the summons or
    /// record the department's report from then on): the district is told what it may do, and the place that blew the
    /// whistle that it went up.
    /// </summary>
    public async Task FireAsync(IReadOnlyList<Deadline> due, DateTime now, CancellationToken cancellationToken)
    {
        var ticketIds = due.Select(d => d.TicketId).Distinct().ToList();
        // With their units: a report-in deadline escalates its summons.
        var tickets = await db.Tickets.IgnoreQueryFilters().Include(t => t.Units).Where(t => ticketIds.Contains(t.Id)).AsSplitQuery()
            .ToDictionaryAsync(t => t.Id, cancellationToken);
        var steps = new TicketSteps(calendar, options.Value, new TrackedTicketLedger(db));
        foreach (var deadline in due)
        {
            var ticket = tickets[deadline.TicketId];
            if (!steps.Overdue(ticket, deadline, now)) continue;
            var district = Recipients.Area(ticket.CommunityCode[..6]);
            var escalated = deadline.Kind == DeadlineKind.ReportIn;
            var recipients = Recipients.Supervisors(ticket).Prepend(Recipients.Unit(deadline.UnitCode));
            if (escalated) recipients = recipients.Append(Recipients.Area(ticket.CommunityCode));
            foreach (var recipient in recipients.Distinct())
            {
                var (subject, body) = escalated && recipient == district
                    ? ("吹哨超时报区级", $"工单 {ticket.Number}：被召集部门超时未报到，已报区级协调。请在工单页督促报到、代为登记报到或撤回召集。")
                    : ("超期督办", $"工单 {ticket.Number} {OverdueNotice.What(deadline.Kind)}{(escalated ? "，已报区级协调" : "")}，已列入督办。");
                db.Outbox.Add(new TicketMessage { Recipient = recipient, Subject = subject, Body = body, TicketId = ticket.Id, CreatedAt = now });
            }
        }
    }

    /// <summary>
    /// The platform moved the running deadlines; the ticket keeps copies too — its sign and finish times (also of a
    /// suspended ticket, which shows the finish time it had; its stopped clock restarts from the office time it had left)
    /// and a summoned department's report-in time. Returns how many open tickets moved.
    /// </summary>
    public async Task<int> CalendarChangedAsync(WorkingCalendarChange change, IReadOnlyList<Deadline> moved, CancellationToken cancellationToken)
    {
        // Only what falls on or after the first changed day can move (ix_tickets_finish_due_at).
        var from = change.FirstChangedUtc;
        var ticketIds = moved.Select(d => d.TicketId).ToHashSet();
        ticketIds.UnionWith(await db.Tickets.IgnoreQueryFilters()
            .Where(t => t.FinishDueAt >= from && t.State != TicketState.Closed && t.State != TicketState.Merged)
            .Select(t => t.Id).ToListAsync(cancellationToken));
        var tickets = new List<Ticket>();
        foreach (var chunk in ticketIds.Chunk(500))
            tickets.AddRange(await db.Tickets.IgnoreQueryFilters().Include(t => t.Units).Where(t => chunk.Contains(t.Id)).ToListAsync(cancellationToken));

        var withMovedDeadline = moved.Select(d => d.TicketId).ToHashSet();
        var count = 0;
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
                count++;
            }
        }
        return count;
    }
}
