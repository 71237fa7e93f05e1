namespace Linli.Modules.Requests.Domain;

/// <summary>An entry on the supervision list (督办).</summary>
internal sealed class Supervision
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public SupervisionReason Reason { get; set; }
    public string? UnitCode { get; set; }
    public DeadlineKind? DeadlineKind { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
}
