using Linli.Modules.Organizations.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Catalog;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.ServiceDesk.Features.Catalog.GetServiceItem;

internal static class GetServiceItemEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/{code}", async Task<Ok<ItemVersionView>> (string code, ServiceDeskDbContext db, IDepartmentDirectory departments, CancellationToken ct) =>
                TypedResults.Ok(await PublishedAsync(code, db, departments, ct)))
            .WithName("GetServiceItem")
            .WithSummary("An item's published guide (public, no sign-in): conditions, limits, modes and every material, and the districts whose communities handle it; 404 for an unknown, unpublished or retired item.");

    /// <summary>The published version, shared by the API and the public item page.</summary>
    public static async Task<ItemVersionView> PublishedAsync(string code, ServiceDeskDbContext db, IDepartmentDirectory departments, CancellationToken ct)
    {
        var item = code.Length <= ItemCode.MaxLength ? await db.ServiceItems.AsNoTracking().SingleOrDefaultAsync(i => i.Code == code, ct) : null;
        if (item is null || item.Retired || item.PublishedVersionId is not { } versionId) throw new NotFoundException("事项不存在或尚未发布。");
        var version = await db.ServiceItemVersions.AsNoTracking().Include(v => v.Materials).SingleAsync(v => v.Id == versionId, ct);
        return await CatalogItems.ViewAsync(db, departments, item, version, ct);
    }
}
