namespace Linli.Platform.Audit;

/// <summary>
/// One entry of the audit log: who, when, what was done to which record, and why. Never updated or deleted. Each entry is
/// chained to the one before it: <see cref="Hash"/> is a keyed hash over every field and <see cref="PreviousHash"/>, so a
/// change, a removal or an insertion by anyone without the key shows up in verification (see <see cref="AuditChain"/>).
/// </summary>
internal sealed class AuditEntry
{
    public long Id { get; set; }

    /// <summary>Position in the chain, 1, 2, 3 … without gaps; assigned under the chain's lock.</summary>
    public long Sequence { get; set; }

    public DateTime At { get; set; }
    public string UserId { get; set; } = "";
    public string UserName { get; set; } = "";
    /// <summary>The user's display name when the entry was written.</summary>
    public string UserDisplayName { get; set; } = "";
    public string Action { get; set; } = "";
    /// <summary>Kind and id of the record, e.g. "resident".</summary>
    public string SubjectType { get; set; } = "";
    public string SubjectId { get; set; } = "";
    /// <summary>A readable name of the record when the entry was written (a ticket number, a category path); never a personal number.</summary>
    public string SubjectLabel { get; set; } = "";
    /// <summary>Region code of the record, so a supervisor reads the entries of their own area.</summary>
    public string RegionCode { get; set; } = "";
    public string Field { get; set; } = "";
    public string Reason { get; set; } = "";
    /// <summary>How many rows an export held or a search matched, where that applies.</summary>
    public long? Count { get; set; }

    /// <summary>Which chain key signed the entry (a fingerprint of the key, not the key).</summary>
    public string KeyId { get; set; } = "";
    public byte[] PreviousHash { get; set; } = [];
    public byte[] Hash { get; set; } = [];
}

/// <summary>
/// The chain's head (sequence and hash) as it was at a moment, signed with the chain key. Checkpoints anchor the end of
/// the log: a tail removed after a checkpoint was written leaves the checkpoint pointing past the end.
/// </summary>
internal sealed class AuditCheckpoint
{
    public long Id { get; set; }
    public long Sequence { get; set; }
    public byte[] Hash { get; set; } = [];
    public DateTime At { get; set; }
    public string KeyId { get; set; } = "";
    public byte[] Mac { get; set; } = [];
}
