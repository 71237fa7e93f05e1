namespace Linli.Modules.ServiceDesk.Domain;

/// <summary>
/// A district's or county's 代办政务服务事项清单 entry: its communities handle <see cref="ItemId"/> on the department's
/// behalf. An item without any entry is handled in no community (only at the department).
/// </summary>
internal sealed class ItemAvailability
{
    public long Id { get; set; }
    public long ItemId { get; set; }

    /// <summary>The 6-digit district or county code.</summary>
    public required string DistrictCode { get; set; }

    public DateTime PublishedAt { get; set; }
}
