using Linli.Modules.Workforce.Contracts;

namespace Linli.Modules.Workforce.Domain;

/// <summary>A community worker or village committee member, attached to one community.</summary>
internal sealed class Worker
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public Gender Gender { get; set; }
    public DateOnly BirthDate { get; set; }
    public WorkerRole Role { get; set; }
    /// <summary>12-digit code of the community (or village) the worker serves.</summary>
    public required string CommunityCode { get; set; }
    /// <summary>Holds the national social-work qualification (社会工作者职业资格).</summary>
    public bool HasSocialWorkCertificate { get; set; }
    public EducationLevel EducationLevel { get; set; }
    /// <summary>Made by the synthetic city generator, not a real person.</summary>
    public bool IsSynthetic { get; set; }
}
