namespace Linli.Modules.Requests.Domain;

/// <summary>
/// Where the steps keep what they change besides the ticket: its stored due times and its entries on the supervision
/// list. The workflow and the watcher keep them in the DbContext (saved with the ticket); the synthetic history keeps
/// them in memory and writes them in bulk.
/// </summary>
internal interface ITicketLedger
{
    /// <summary>The ticket's due times neither met nor replaced yet.</summary>
    IEnumerable<Deadline> OpenDeadlines(Ticket ticket);

    IEnumerable<Supervision> OpenSupervisions(Ticket ticket);

    void Add(Deadline deadline);

    void Add(Supervision supervision);
}
