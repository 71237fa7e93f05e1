namespace Linli.Modules.ServiceDesk.Domain;

/// <summary>
/// A case (办件): one applicant's application for one item version, accepted at one community (受理地) for a resident
/// of another or the same (属地), owned to the end by the worker who first received it (首问负责).
/// </summary>
internal sealed class ServiceCase
{
    public long Id { get; set; }

    /// <summary>The case number residents follow it by; from the database, unique, never reused.</summary>
    public required string Number { get; set; }

    public long ItemId { get; set; }

    /// <summary>The item version it was received under, kept when the item is republished.</summary>
    public long ItemVersionId { get; set; }

    public CaseState State { get; set; }

    /// <summary>The applicant in the resident pool; null for a person new to the pool (then the fields below are all there is).</summary>
    public long? ResidentId { get; set; }

    public required string ApplicantName { get; set; }
    public required byte[] ApplicantIdCipher { get; set; }
    public required byte[] ApplicantIdHash { get; set; }
    public required string ApplicantIdMasked { get; set; }

    /// <summary>The phone of a person entered at the window as new to the pool (the pool has the phone of its residents), sealed like every phone.</summary>
    public byte[]? ApplicantPhoneCipher { get; set; }
    public string? ApplicantPhoneMasked { get; set; }

    /// <summary>
    /// Entered at the window as new to the pool, but the number is a resident's outside the worker's area: the case is
    /// linked to them (<see cref="ResidentId"/>) and otherwise holds only what the worker typed, so it shows the worker
    /// nothing the pool knows (not even that the person is in it).
    /// </summary>
    public bool ApplicantAsStated { get; set; }

    /// <summary>受理地: the 12-digit code of the community that received it.</summary>
    public required string AcceptingCommunityCode { get; set; }

    /// <summary>属地: the 12-digit code of the applicant's home community.</summary>
    public required string HomeCommunityCode { get; set; }

    /// <summary>The deciding department's code.</summary>
    public required string DepartmentCode { get; set; }

    /// <summary>首问负责: the worker who first received it and owns it to the end (a resident's own id for online cases until a worker takes it).</summary>
    public required string OwnerUserId { get; set; }
    public required string OwnerName { get; set; }

    /// <summary>The resident's account when they applied or booked themselves, so that they see it among their cases.</summary>
    public string? ApplicantUserId { get; set; }

    /// <summary>How it is handled: exactly one of <see cref="HandlingModes"/>.</summary>
    public HandlingModes Mode { get; set; }

    public DateTime ReceivedAt { get; set; }
    public DateTime? AcceptedAt { get; set; }
    public DateTime? DecidedAt { get; set; }
    public DateTime? HandedOverAt { get; set; }

    /// <summary>When it is due (UTC), copied from its running due time for lists; null before acceptance and after the decision.</summary>
    public DateTime? DueAt { get; set; }

    /// <summary>Set when its due time passed before the decision; stays set (it ran late).</summary>
    public bool IsOverdue { get; set; }

    /// <summary>The reason for 不予受理 or a refusal.</summary>
    public string? RefusalReason { get; set; }

    /// <summary>Working days from acceptance to decision, not counting stopped time; set at the decision.</summary>
    public double? WorkingDaysTaken { get; set; }

    /// <summary>When the first one-time notice (一次告知) was issued; null for a case that never needed one (the statistics' notice rate).</summary>
    public DateTime? NoticedAt { get; set; }

    /// <summary>Working days spent waiting for the applicant to complete the materials (补正), summed over notices; set at each completion.</summary>
    public double? WaitingDays { get; set; }

    /// <summary>Moves on every save; an update is conditional on the version it was read at (two workers: one wins).</summary>
    public int Version { get; set; }

    public DateTime UpdatedAt { get; set; }

    /// <summary>Accepted by the rule that a case without a notice within 5 working days counts as accepted from 收件.</summary>
    public bool AcceptedByLaw { get; set; }

    /// <summary>The non-counting step running while <see cref="CaseState.Suspended"/>.</summary>
    public NonCountingSteps? SuspendedFor { get; set; }

    /// <summary>延期 (once): asked for how many working days and why, and the decision.</summary>
    public int? ExtensionDays { get; set; }
    public string? ExtensionReason { get; set; }
    public DateTime? ExtensionRequestedAt { get; set; }
    public DateTime? ExtensionDecidedAt { get; set; }
    public bool? ExtensionApproved { get; set; }

    /// <summary>代办: the proxy worker acting under the applicant's mandate (委托), and the mandate as recorded.</summary>
    public string? ProxyUserId { get; set; }
    public string? ProxyName { get; set; }
    public string? Mandate { get; set; }
    public DateTime? MandateAt { get; set; }

    /// <summary>The applicant was tagged 80+, disabled or living alone at 收件: a home visit (上门办) may be scheduled.</summary>
    public bool HomeVisitEligible { get; set; }

    /// <summary>出件: at the window, by post or at home.</summary>
    public Cases.HandOverMethod? HandOverMethod { get; set; }

    public List<Cases.CaseMaterial> Materials { get; set; } = [];

    public List<CaseStep> Steps { get; set; } = [];
}
