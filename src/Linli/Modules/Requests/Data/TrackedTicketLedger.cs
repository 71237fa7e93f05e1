using Linli.Modules.Requests.Domain;

namespace Linli.Modules.Requests.Data;

/// <summary>
/// The ledger of the workflow and the deadline watcher: what the steps add is tracked by the context and saved with the
/// ticket in the same SaveChanges; what they close or resolve is what the context has loaded or added for the ticket.
/// </summary>
internal sealed class TrackedTicketLedger(RequestsDbContext db) : ITicketLedger
{
    public IEnumerable<Deadline> OpenDeadlines(Ticket ticket) => db.Deadlines.Local.Where(d => d.TicketId == ticket.Id && d.ClosedAt == null);

    public IEnumerable<Supervision> OpenSupervisions(Ticket ticket) => db.Supervisions.Local.Where(s => s.TicketId == ticket.Id && s.ResolvedAt == null);

    public void Add(Deadline deadline) => db.Deadlines.Add(deadline);

    public void Add(Supervision supervision) => db.Supervisions.Add(supervision);
}
