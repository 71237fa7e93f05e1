using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;

namespace Linli.Modules.Requests.Features.Return;

internal sealed record ReturnRequest([property: Required, MaxLength(RequestLimits.Opinion)] string Reason, int? Version = null);

internal static class ReturnEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/{id:long}/return", (long id, ReturnRequest request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) => w.ReturnAsync(t, a, request.Reason, ct), ct))
            .WithName("ReturnTicket")
            .WithSummary("The unit sends a dispatched ticket back to the centre with a reason (退单); the centre dispatches it again.");
}
