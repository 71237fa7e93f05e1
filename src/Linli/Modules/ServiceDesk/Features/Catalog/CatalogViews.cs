using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Catalog;
using Linli.Platform.Errors;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.Catalog;

/// <summary>One line of the public catalog: the item's published version in brief.</summary>
internal sealed record CatalogEntry(string Code, string Name, string Kind, string DepartmentCode, string DepartmentName, int LegalLimitDays,
    int PromisedLimitDays, HandlingModes Modes, bool CityWide, int Version);

/// <summary>One material of an item's guide, as the catalog shows it and a booking lists it so the resident comes once with everything.</summary>
internal sealed record MaterialView(int Position, string Name, bool Original, bool Electronic, int Copies, bool Mandatory, string? Condition,
    bool AcceptLater, SuppliedProof Supplied)
{
    /// <summary>The platform fetches the proof itself (免提交): the resident brings nothing for it.</summary>
    public bool SuppliedByPlatform => Supplied != SuppliedProof.None;

    public static MaterialView Of(ItemMaterial m) => new(m.Position, m.Name, m.Original, m.Electronic, m.Copies, m.Mandatory, m.Condition, m.AcceptLater, m.Supplied);
}

/// <summary>An item's guide as residents and windows read it (a published version), or as an administrator edits it (a draft).</summary>
internal sealed record ItemVersionView(string Code, int Version, ItemVersionState State, bool Retired, string Name, string Kind, string DepartmentCode,
    string DepartmentName, string LegalBasis, string Conditions, PopulationTagKind? RequiredTag, int? MinimumAge, string Fee, int LegalLimitDays,
    int PromisedLimitDays, HandlingModes Modes, bool CityWide, CommunitySteps CommunitySteps, NonCountingSteps NonCountingSteps, DateTime? PublishedAt,
    IReadOnlyList<MaterialView> Materials, IReadOnlyList<string> Districts)
{
    public static ItemVersionView Of(ServiceItem item, ServiceItemVersion v, string departmentName, IReadOnlyList<string> districts) => new(
        item.Code, v.Number, v.State, item.Retired, v.Name, ItemCode.KindOf(item.Code), v.DepartmentCode, departmentName, v.LegalBasis, v.Conditions,
        v.RequiredTag, v.MinimumAge, v.Fee, v.LegalLimitDays, v.PromisedLimitDays, v.Modes, v.CityWide, v.CommunitySteps, v.NonCountingSteps, v.PublishedAt,
        [.. v.Materials.OrderBy(m => m.Position).Select(MaterialView.Of)],
        districts);
}

/// <summary>Loading an item for the catalog's use cases, shared by the API and the pages.</summary>
internal static class CatalogItems
{
    /// <summary>The item with every version and its materials (a handful of versions of a few dozen materials), tracked for editing.</summary>
    public static async Task<ServiceItem> LoadAsync(ServiceDeskDbContext db, string code, CancellationToken ct) =>
        code.Length <= ItemCode.MaxLength
        && await db.ServiceItems.Include(i => i.Versions).ThenInclude(v => v.Materials).AsSplitQuery().SingleOrDefaultAsync(i => i.Code == code, ct) is { } item
            ? item
            : throw new NotFoundException("事项不存在。");

    public static async Task<IReadOnlyList<string>> DistrictsAsync(ServiceDeskDbContext db, long itemId, CancellationToken ct) =>
        await db.ItemAvailability.AsNoTracking().Where(a => a.ItemId == itemId).OrderBy(a => a.DistrictCode).Select(a => a.DistrictCode).ToListAsync(ct);

    public static async Task<IReadOnlySet<string>> ActiveDepartmentsAsync(IDepartmentDirectory departments, CancellationToken ct) =>
        (await departments.ListAsync(cancellationToken: ct)).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);

    public static async Task<string> DepartmentNameAsync(IDepartmentDirectory departments, string code, CancellationToken ct) =>
        code.Length == 0 ? "" : (await departments.FindAsync(code, ct))?.Name ?? code;

    public static async Task<ItemVersionView> ViewAsync(ServiceDeskDbContext db, IDepartmentDirectory departments, ServiceItem item, ServiceItemVersion version,
        CancellationToken ct) =>
        ItemVersionView.Of(item, version, await DepartmentNameAsync(departments, version.DepartmentCode, ct), await DistrictsAsync(db, item.Id, ct));
}
