namespace Linli.Modules.ServiceDesk.Domain.Cases;

/// <summary>Where one of the item's materials stands on a case.</summary>
internal enum MaterialStatus
{
    /// <summary>收取: the window has it.</summary>
    Received = 1,
    /// <summary>缺少.</summary>
    Missing = 2,
    /// <summary>不符合要求 (expired, illegible, wrong copy …), with the reason.</summary>
    Defective = 3,
    /// <summary>容缺: brought later under a written commitment, by <see cref="CaseMaterial.CommitmentDueAt"/>.</summary>
    Deferred = 4,
    /// <summary>免提交: the platform supplied it from its own pools.</summary>
    Supplied = 5,
    /// <summary>A conditional material whose condition does not apply to this applicant.</summary>
    NotNeeded = 6,
}
