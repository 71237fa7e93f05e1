using Linli.Modules.ServiceDesk.Domain;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Data;

/// <summary>A published item with the version in force, as the receivable-items query yields it.</summary>
internal sealed class ReceivableItem
{
    public required ServiceItem Item { get; init; }
    public required ServiceItemVersion Version { get; init; }
}

/// <summary>
/// Which items the communities of a district may receive (issue 9 §1–2): a published, not retired item that is city-wide
/// (全市通办: any community), or that the district's 代办 list names. The one rule for window intake, the intake form's
/// picker, booking and the booking page's picker.
/// </summary>
internal static class ReceivableItems
{
    public static IQueryable<ReceivableItem> ReceivableIn(this ServiceDeskDbContext db, string districtCode) =>
        db.ServiceItems.AsNoTracking().Where(i => !i.Retired && i.PublishedVersionId != null)
            .Join(db.ServiceItemVersions, i => i.PublishedVersionId, v => v.Id, (i, v) => new ReceivableItem { Item = i, Version = v })
            .Where(x => x.Version.CityWide || db.ItemAvailability.Any(a => a.ItemId == x.Item.Id && a.DistrictCode == districtCode));
}
