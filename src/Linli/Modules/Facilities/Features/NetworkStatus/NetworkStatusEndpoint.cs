using Linli.Modules.Facilities.Data;
using Linli.Modules.Facilities.Network;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Facilities.Features.NetworkStatus;

internal sealed record NetworkStatusAnswer(string? Source, DateTime? ImportedAt, bool IsSynthetic, int WaysRead, int WaysKept, long GraphMemoryBytes,
    NetworkStatistics? Statistics);

internal static class NetworkStatusEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/network", async Task<Ok<NetworkStatusAnswer>> (FacilitiesDbContext db, NetworkCache cache, CancellationToken ct) =>
            {
                var import = await db.NetworkImports.AsNoTracking().OrderByDescending(i => i.Id).FirstOrDefaultAsync(ct);
                if (import is null) return TypedResults.Ok(new NetworkStatusAnswer(null, null, false, 0, 0, 0, null));
                var loaded = await cache.GetAsync(ct);
                return TypedResults.Ok(new NetworkStatusAnswer(import.Source, import.ImportedAt, import.IsSynthetic, import.WaysRead, import.WaysKept,
                    loaded.Graph.MemoryBytes, loaded.Statistics(import.AreaKm2)));
            })
            .WithName("FacilitiesNetwork")
            .WithSummary("The walking network: its last import and its statistics (nodes, edges, intersection density, edge lengths, node degrees, circuity).");
}
