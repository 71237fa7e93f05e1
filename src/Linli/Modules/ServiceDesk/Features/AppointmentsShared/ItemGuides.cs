using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Features.Catalog;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.AppointmentsShared;

/// <summary>An item as a booking needs it: its published version's name, handling modes and materials.</summary>
internal sealed record BookingItem(long ItemId, long VersionId, string Name, HandlingModes Modes, IReadOnlyList<MaterialView> Materials);

/// <summary>Reads the catalog's published versions (the catalog's own tables; nothing of it is copied into bookings but the version id).</summary>
internal static class ItemGuides
{
    /// <summary>The item's published guide, or null when it does not exist, is retired or was never published.</summary>
    public static async Task<BookingItem?> PublishedAsync(ServiceDeskDbContext db, long itemId, CancellationToken ct)
    {
        var version = await db.ServiceItems.AsNoTracking().Where(i => i.Id == itemId && !i.Retired && i.PublishedVersionId != null)
            .Join(db.ServiceItemVersions, i => i.PublishedVersionId, v => v.Id, (i, v) => new { v.Id, v.Name, v.Modes })
            .FirstOrDefaultAsync(ct);
        return version is null ? null : new BookingItem(itemId, version.Id, version.Name, version.Modes, await MaterialsAsync(db, version.Id, ct));
    }

    /// <summary>A version's guide (a booking keeps the version it was booked under).</summary>
    public static async Task<Dictionary<long, BookingItem>> VersionsAsync(ServiceDeskDbContext db, IEnumerable<long> versionIds, CancellationToken ct)
    {
        var ids = versionIds.Distinct().ToList();
        var versions = await db.ServiceItemVersions.AsNoTracking().Where(v => ids.Contains(v.Id)).Select(v => new { v.Id, v.ItemId, v.Name, v.Modes }).ToListAsync(ct);
        var materials = await db.ItemMaterials.AsNoTracking().Where(m => ids.Contains(m.VersionId)).OrderBy(m => m.Position).ToListAsync(ct);
        var byVersion = materials.ToLookup(m => m.VersionId);
        return versions.ToDictionary(v => v.Id, v => new BookingItem(v.ItemId, v.Id, v.Name, v.Modes, byVersion[v.Id].Select(MaterialView.Of).ToList()));
    }

    /// <summary>The published items' names, for pickers and lists.</summary>
    public static async Task<List<(long Id, string Name)>> PublishedNamesAsync(ServiceDeskDbContext db, IReadOnlyCollection<long>? only, CancellationToken ct)
    {
        var query = db.ServiceItems.AsNoTracking().Where(i => !i.Retired && i.PublishedVersionId != null);
        if (only is not null) query = query.Where(i => only.Contains(i.Id));
        var rows = await query.Join(db.ServiceItemVersions, i => i.PublishedVersionId, v => v.Id, (i, v) => new { i.Id, v.Name })
            .OrderBy(x => x.Name).ThenBy(x => x.Id).Take(500).ToListAsync(ct);
        return rows.Select(x => (x.Id, x.Name)).ToList();
    }

    /// <summary>The items a resident may book in a district: receivable there and bookable (预约办), for the booking page's picker.</summary>
    public static Task<List<(long Id, string Name)>> BookableNamesAsync(ServiceDeskDbContext db, string districtCode, CancellationToken ct) =>
        NamesAsync(db.ReceivableIn(districtCode).Where(x => (x.Version.Modes & HandlingModes.Appointment) == HandlingModes.Appointment), ct);

    /// <summary>The items a community's window may receive (city-wide or on the district's list), for the walk-in picker.</summary>
    public static Task<List<(long Id, string Name)>> ReceivableNamesAsync(ServiceDeskDbContext db, string districtCode, CancellationToken ct) =>
        NamesAsync(db.ReceivableIn(districtCode), ct);

    private static async Task<List<(long Id, string Name)>> NamesAsync(IQueryable<ReceivableItem> items, CancellationToken ct)
    {
        var rows = await items.Select(x => new { x.Item.Id, x.Version.Name }).OrderBy(x => x.Name).ThenBy(x => x.Id).Take(500).ToListAsync(ct);
        return rows.Select(x => (x.Id, x.Name)).ToList();
    }

    private static async Task<IReadOnlyList<MaterialView>> MaterialsAsync(ServiceDeskDbContext db, long versionId, CancellationToken ct) =>
        (await db.ItemMaterials.AsNoTracking().Where(m => m.VersionId == versionId).OrderBy(m => m.Position).ToListAsync(ct)).Select(MaterialView.Of).ToList();
}
