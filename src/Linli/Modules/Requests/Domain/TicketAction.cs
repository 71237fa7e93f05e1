using Linli.Modules.Requests.Contracts;

namespace Linli.Modules.Requests.Domain;

/// <summary>One step of a ticket's life: who, when, for which unit, what, and their opinion (流转记录).</summary>
internal sealed class TicketAction
{
    public long Id { get; set; }
    public long TicketId { get; set; }
    public DateTime At { get; set; }
    public string? UserId { get; set; }
    public string? UserName { get; set; }
    public string? UnitCode { get; set; }
    public TicketActionKind Action { get; set; }
    public TicketState FromState { get; set; }
    public TicketState ToState { get; set; }
    public string? Opinion { get; set; }
}
