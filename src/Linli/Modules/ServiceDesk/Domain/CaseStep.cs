namespace Linli.Modules.ServiceDesk.Domain;

/// <summary>One step of a case's history: who did what, when, from which state to which.</summary>
internal sealed class CaseStep
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public DateTime At { get; set; }
    public CaseState? FromState { get; set; }
    public CaseState ToState { get; set; }
    public required string ActorUserId { get; set; }
    public required string ActorName { get; set; }
    public string? Note { get; set; }
}
