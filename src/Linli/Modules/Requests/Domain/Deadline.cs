using Linli.Platform.DueTimes;

namespace Linli.Modules.Requests.Domain;

/// <summary>
/// A ticket's stored due time: to sign, to finish, or (a summoned department) to report in, for one unit. The clock —
/// running, stopped while the ticket is suspended, fired once by the watcher when it passes unmet, closed when met or
/// replaced — is the platform's (<see cref="DueTime"/>); nothing about deadlines lives only in memory.
/// </summary>
internal sealed class Deadline : DueTime
{
    public long TicketId { get; set; }
    public Ticket? Ticket { get; set; }
    public DeadlineKind Kind { get; set; }
    public required string UnitCode { get; set; }
}
