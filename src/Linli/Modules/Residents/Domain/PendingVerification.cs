namespace Linli.Modules.Residents.Domain;

/// <summary>
/// A registration refused because its ID number is registered already (需上级核实). The one who tried is told only that
/// the number needs checking by the level above, never where it is registered; the case goes to the district of the
/// community they tried to register in, which sees it in its list and settles it.
/// </summary>
internal sealed class PendingVerification
{
    public long Id { get; set; }
    /// <summary>The community the registration was for: the scope filter matches it, so the district (and the community itself) see the case.</summary>
    public required string CommunityCode { get; set; }
    public required string Name { get; set; }
    public required byte[] IdNumberCipher { get; set; }
    public required byte[] IdNumberHash { get; set; }
    public required string IdNumberMasked { get; set; }
    /// <summary>Where the number is registered: shown only to those whose scope covers it.</summary>
    public long ExistingResidentId { get; set; }
    public required string ExistingCommunityCode { get; set; }
    /// <summary>How the registration came: "api", "page" or "import".</summary>
    public required string Source { get; set; }
    public string? RequestedBy { get; set; }
    public DateTime RequestedAt { get; set; }
    public DateTime? ResolvedAt { get; set; }
    public string? ResolvedBy { get; set; }
    public string? Resolution { get; set; }
}
