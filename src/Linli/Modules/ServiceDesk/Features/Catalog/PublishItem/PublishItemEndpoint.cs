using Linli.Modules.Organizations.Contracts;
using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Catalog;
using Linli.Modules.ServiceDesk.Features.Catalog.EditItem;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.ServiceDesk.Features.Catalog.PublishItem;

internal static class PublishItemEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/{code}/publish", async Task<Ok<ItemVersionView>> (string code, ServiceDeskDbContext db, IDepartmentDirectory departments, TimeProvider clock,
                IAreaScope scope, CancellationToken ct) => TypedResults.Ok(await PublishAsync(code, db, departments, clock, scope.UserName ?? "", ct)))
            .WithName("PublishServiceItem")
            .WithSummary("Publishes the item's draft (administrators): 400 naming every field that is wrong, else the draft is frozen and replaces the published version, which is kept for its cases.");

    public static async Task<ItemVersionView> PublishAsync(string code, ServiceDeskDbContext db, IDepartmentDirectory departments, TimeProvider clock, string by,
        CancellationToken ct)
    {
        var item = await CatalogItems.LoadAsync(db, code, ct);
        var published = ItemVersions.Publish(item, await CatalogItems.ActiveDepartmentsAsync(departments, ct), clock.GetUtcNow().UtcDateTime, by);
        await EditItemEndpoints.SaveAsync(db, ct);
        return await CatalogItems.ViewAsync(db, departments, item, published, ct);
    }
}
