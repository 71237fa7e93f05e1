using Linli.Platform.Persistence;

namespace Linli.Modules.Requests.Domain;

/// <summary>
/// "A ticket filed on this day changed": written in the same transaction as the change (append-only, so concurrent
/// writers never wait on each other), consumed by the roll-up job, which recomputes the day. Until then the day is counted
/// from the tickets, so the metrics never read a stale row.
/// </summary>
internal sealed class TicketStatsChange : IRollupMark
{
    public long Id { get; set; }
    public DateOnly Day { get; set; }
}
