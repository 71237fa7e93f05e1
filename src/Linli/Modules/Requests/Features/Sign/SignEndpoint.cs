using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;

namespace Linli.Modules.Requests.Features.Sign;

internal sealed record SignRequest([property: MaxLength(RequestLimits.Opinion)] string? Opinion = null, int? Version = null);

internal static class SignEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/{id:long}/sign", (long id, SignRequest request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) => w.Sign(t, a, request.Opinion), ct))
            .WithName("SignTicket")
            .WithSummary("The unit signs for a dispatched ticket (签收) and starts handling it.");
}
