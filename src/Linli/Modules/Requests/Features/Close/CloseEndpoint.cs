using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;

namespace Linli.Modules.Requests.Features.Close;

internal sealed record CloseRequest([property: Required, MaxLength(RequestLimits.Opinion)] string Opinion, int? Version = null);

internal static class CloseEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/{id:long}/close", (long id, CloseRequest request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) => w.CloseAsync(t, a, request.Opinion, ct), ct))
            .WithName("CloseTicket")
            .WithSummary("The centre closes a replied ticket, or answers a new one directly (直接答复) and closes it at once; refused while a summoned department has not reported in.");
}
