namespace Linli.Platform.Audit;

/// <summary>One full view of personal data: who, when, which record, which field, and why. Never updated or deleted.</summary>
internal sealed class AuditEntry
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    public string Action { get; set; } = "";
    /// <summary>Kind and id of the record, e.g. "resident".</summary>
    public string SubjectType { get; set; } = "";
    public string SubjectId { get; set; } = "";
    /// <summary>Region code of the record, so a supervisor reads the entries of their own area.</summary>
    public string RegionCode { get; set; } = "";
    public string Field { get; set; } = "";
    public string Reason { get; set; } = "";
}
