namespace Linli.Modules.ServiceDesk.Domain.Cases;

/// <summary>One of the item version's materials as it stands on one case (a row per material of the version, made at 收件).</summary>
internal sealed class CaseMaterial
{
    public long Id { get; set; }
    public long CaseId { get; set; }
    public long MaterialId { get; set; }

    /// <summary>Its place in the item's list (the notice numbers it so).</summary>
    public int Position { get; set; }

    public required string Name { get; set; }
    public bool Mandatory { get; set; }
    public bool AcceptLater { get; set; }
    public SuppliedProof Supplied { get; set; }

    public MaterialStatus Status { get; set; }

    /// <summary>Why it is defective, or what the window noted.</summary>
    public string? Note { get; set; }

    /// <summary>容缺: the date by which the applicant committed to bring it (UTC, end of that working day).</summary>
    public DateTime? CommitmentDueAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
