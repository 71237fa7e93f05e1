using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;

namespace Linli.Modules.Requests.Features.CoHandle;

internal sealed record CoHandleRequest([property: Required, MinLength(1), MaxLength(20)] string[] UnitCodes,
    [property: MaxLength(RequestLimits.Opinion)] string? Opinion = null, int? Version = null);

internal static class CoHandleEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/{id:long}/co-handlers", (long id, CoHandleRequest request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) => w.AddCoHandlersAsync(t, a, request.UnitCodes, request.Opinion, ct), ct))
            .WithName("AddCoHandlers")
            .WithSummary("Adds departments that handle the ticket with the lead unit (加派); they see it from then on.");
}
