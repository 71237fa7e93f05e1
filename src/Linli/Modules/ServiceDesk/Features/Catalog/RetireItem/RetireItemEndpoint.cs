using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain.Catalog;
using Linli.Modules.ServiceDesk.Features.Catalog.EditItem;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.ServiceDesk.Features.Catalog.RetireItem;

internal static class RetireItemEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/{code}/retire", async Task<NoContent> (string code, ServiceDeskDbContext db, CancellationToken ct) =>
            {
                await RetireAsync(code, db, ct);
                return TypedResults.NoContent();
            })
            .WithName("RetireServiceItem")
            .WithSummary("Retires an item (administrators): it leaves the catalog and takes no new cases; cases already received run on under their versions.");

    public static async Task RetireAsync(string code, ServiceDeskDbContext db, CancellationToken ct)
    {
        var item = await CatalogItems.LoadAsync(db, code, ct);
        ItemVersions.Retire(item);
        await EditItemEndpoints.SaveAsync(db, ct);
    }
}
