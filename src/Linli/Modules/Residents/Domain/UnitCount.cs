namespace Linli.Modules.Residents.Domain;

/// <summary>
/// Households and residents per grid (or per community when a household has no grid): region pages read these few
/// rows instead of counting millions. Seeding and imports recompute them set-based; single creates increment them.
/// </summary>
internal sealed class UnitCount
{
    /// <summary>Grid code (15 digits) or community code (12 digits).</summary>
    public required string UnitCode { get; set; }
    public long Households { get; set; }
    public long Residents { get; set; }
}
