using Linli.Modules.Organizations.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Catalog;
using Linli.Platform.Errors;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.Catalog.ListServiceItems;

/// <summary>The filters of the public catalog: a text in the name or code, the district whose communities handle it, a mode, a department.</summary>
internal sealed record CatalogFilter(string? Search, string? District, HandlingModes? Mode, string? Department);

internal static class ListServiceItemsEndpoint
{
    public const int SearchLength = 100;

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/", async Task<Ok<Paged<CatalogEntry>>> (string? search, string? district, HandlingModes? mode, string? department, int? page, int? pageSize,
                ServiceDeskDbContext db, IDepartmentDirectory departments, CancellationToken ct) =>
                TypedResults.Ok(await ListAsync(new CatalogFilter(search, district, mode, department), page, pageSize, db, departments, ct)))
            .WithName("ListServiceItems")
            .WithSummary("The published catalog of service items (public, no sign-in): by a text in the name or code, the district whose communities handle the item (代办清单), a handling mode or the deciding department; paginated.");

    /// <summary>The query, shared by the API and the public catalog page.</summary>
    public static async Task<Paged<CatalogEntry>> ListAsync(CatalogFilter filter, int? page, int? pageSize, ServiceDeskDbContext db, IDepartmentDirectory departments,
        CancellationToken ct)
    {
        var search = filter.Search?.Trim();
        if (search is { Length: > SearchLength }) throw ValidationFailedException.For("search", "搜索内容不能超过 {0} 个字。", SearchLength);
        var district = filter.District?.Trim();
        if (district is { Length: > 0 } && (district.Length != 6 || !district.All(char.IsAsciiDigit)))
            throw ValidationFailedException.For("district", "区县代码应为 6 位数字。");
        var department = filter.Department?.Trim();
        if (department is { Length: > ItemRules.DepartmentLength }) throw ValidationFailedException.For("department", "部门不存在。");

        // Published versions only (the item's current one), joined to their item: a catalog of hundreds of rows, by index.
        var query = from item in db.ServiceItems.AsNoTracking()
                    join v in db.ServiceItemVersions.AsNoTracking() on item.PublishedVersionId equals v.Id
                    where !item.Retired
                    select new { item, v };
        if (search is { Length: > 0 }) query = query.Where(x => x.v.Name.Contains(search) || x.item.Code.StartsWith(search));
        if (district is { Length: > 0 }) query = query.Where(x => db.ItemAvailability.Any(a => a.ItemId == x.item.Id && a.DistrictCode == district));
        if (filter.Mode is { } mode and not HandlingModes.None) query = query.Where(x => (x.v.Modes & mode) == mode);
        if (department is { Length: > 0 }) query = query.Where(x => x.v.DepartmentCode == department);

        var paged = await query.OrderBy(x => x.item.Code).Select(x => new
        {
            x.item.Code, x.v.Name, x.v.DepartmentCode, x.v.LegalLimitDays, x.v.PromisedLimitDays, x.v.Modes, x.v.CityWide, x.v.Number,
        }).ToPagedAsync(page, pageSize, ct);
        var names = (await departments.ListAsync(includeInactive: true, cancellationToken: ct)).ToDictionary(d => d.Code, d => d.Name, StringComparer.Ordinal);
        return new Paged<CatalogEntry>([.. paged.Items.Select(x => new CatalogEntry(x.Code, x.Name, ItemCode.KindOf(x.Code), x.DepartmentCode,
            names.GetValueOrDefault(x.DepartmentCode, x.DepartmentCode), x.LegalLimitDays, x.PromisedLimitDays, x.Modes, x.CityWide, x.Number))],
            paged.Page, paged.PageSize, paged.Total);
    }
}
