namespace Linli.Modules.ServiceDesk.Domain.Cases;

/// <summary>
/// 一次告知书: one numbered notice that lists, at once, every material missing or defective, with the reason. A case
/// normally has one; a second is allowed only if it asks for nothing the first did not (<see cref="MaterialRules.NewDemands"/>)
/// or the item's version changed.
/// </summary>
internal sealed class CaseNotice
{
    public long Id { get; set; }
    public long CaseId { get; set; }

    /// <summary>The case number and the notice's sequence on it (20261201000001-1).</summary>
    public required string Number { get; set; }
    public int Sequence { get; set; }

    /// <summary>The item version the notice was issued under.</summary>
    public long ItemVersionId { get; set; }

    public DateTime IssuedAt { get; set; }
    public required string IssuedByUserId { get; set; }
    public required string IssuedByName { get; set; }

    /// <summary>When the applicant brought what it asked for; null while it is open.</summary>
    public DateTime? CompletedAt { get; set; }

    public List<CaseNoticeItem> Items { get; set; } = [];
}

/// <summary>One material a notice asks for, and why.</summary>
internal sealed class CaseNoticeItem
{
    public long Id { get; set; }
    public long NoticeId { get; set; }
    public long MaterialId { get; set; }
    public int Position { get; set; }
    public required string Name { get; set; }

    /// <summary>Missing or Defective.</summary>
    public MaterialStatus Problem { get; set; }

    public required string Reason { get; set; }
}
