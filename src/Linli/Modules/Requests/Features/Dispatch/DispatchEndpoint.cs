using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;

namespace Linli.Modules.Requests.Features.Dispatch;

/// <summary><see cref="UnitCode"/>: a department code, "community", or empty for what the ticket's routing rule says.</summary>
internal sealed record DispatchRequest([property: MaxLength(64)] string? UnitCode = null, [property: MaxLength(RequestLimits.Opinion)] string? Opinion = null, int? Version = null);

internal static class DispatchEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/{id:long}/dispatch", (long id, DispatchRequest request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) => w.DispatchAsync(t, a, request.UnitCode, request.Opinion, ct), ct))
            .WithName("DispatchTicket")
            .WithSummary("The centre sends a received or returned ticket to a unit (派单); sign and finish deadlines start under the ticket's rule version.");
}
