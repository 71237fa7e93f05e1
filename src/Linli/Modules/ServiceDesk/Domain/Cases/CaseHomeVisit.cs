namespace Linli.Modules.ServiceDesk.Domain.Cases;

/// <summary>上门办: a visit to the applicant's home, scheduled and then recorded (when, who, what came of it).</summary>
internal sealed class CaseHomeVisit
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public DateTime ScheduledAt { get; set; }
    public required string WorkerUserId { get; set; }
    public required string WorkerName { get; set; }
    public DateTime? VisitedAt { get; set; }
    public string? Outcome { get; set; }

    /// <summary>Copied from the case, so that visits are counted by place.</summary>
    public required string AcceptingCommunityCode { get; set; }
}
