using System.Linq.Expressions;
using Linli.Modules.Workforce.Contracts;

namespace Linli.Modules.Workforce.Domain;

/// <summary>
/// A community worker or committee member, attached to one community. The dates make the workforce a history: a worker
/// counts at the end of a day when hired on or before it and not yet gone (<see cref="ServesAt"/>).
/// </summary>
internal sealed class Worker
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }
    public WorkerRole Role { get; set; }
    /// <summary>12-digit code of the community (or village) the worker serves.</summary>
    public required string CommunityCode { get; set; }
    /// <summary>First day of service.</summary>
    public DateOnly HiredOn { get; set; }
    /// <summary>The day the worker left (no longer serving on it); null while serving.</summary>
    public DateOnly? LeftOn { get; set; }
    /// <summary>The day the national social-work qualification (社会工作者职业资格, 持证) was obtained; null without one.</summary>
    public DateOnly? CertifiedOn { get; set; }
    public EducationLevel EducationLevel { get; set; }
    /// <summary>Made by the synthetic city generator, not a real person.</summary>
    public bool IsSynthetic { get; set; }

    /// <summary>Serving at the end of <paramref name="day"/>: hired on or before it, and not gone on or before it. As an expression, so
    /// the measures' SQL and everything else share the one rule.</summary>
    public static Expression<Func<Worker, bool>> ServesAt(DateOnly day) => w => w.HiredOn <= day && (w.LeftOn == null || w.LeftOn > day);

    /// <summary>Holding the certificate at the end of <paramref name="day"/>.</summary>
    public static Expression<Func<Worker, bool>> CertifiedAt(DateOnly day) => w => w.CertifiedOn != null && w.CertifiedOn <= day;
}
