namespace Linli.Modules.Indicators.Domain.DataEntry;

/// <summary>Where an entered value stands on its way from the community to the district (填报 → 街道审核 → 区审核).</summary>
internal enum EntryStatus
{
    Draft,
    Submitted,
    StreetApproved,
    /// <summary>Locked: only a district's reopen makes it editable again. Only these values are published as measures.</summary>
    DistrictApproved,
}

internal enum EntryAction
{
    Save,
    Submit,
    Approve,
    Return,
    Reopen,
}

/// <summary>
/// One value entered by hand for a measure no module can produce (issue 10 §1 point 3), per community and year. A row
/// per (community, year, measure); <see cref="Version"/> is the concurrency token the caller echoes back.
/// </summary>
internal sealed class MeasureEntry
{
    public long Id { get; set; }
    public string CommunityCode { get; set; } = "";
    public int Year { get; set; }
    public string MeasureCode { get; set; } = "";
    public double? Value { get; set; }
    public string? Comment { get; set; }
    public EntryStatus Status { get; set; }
    /// <summary>Why it was last returned to the community; cleared when it is submitted again.</summary>
    public string? ReturnReason { get; set; }
    public int Version { get; set; }
    public string UpdatedBy { get; set; } = "";
    public DateTime UpdatedAt { get; set; }
    public string? ApprovedBy { get; set; }
    public DateTime? ApprovedAt { get; set; }
}
