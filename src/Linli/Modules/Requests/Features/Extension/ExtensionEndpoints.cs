using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;

namespace Linli.Modules.Requests.Features.Extension;

internal sealed record ExtensionRequest([property: Range(1, 60)] int Days, [property: Required, MaxLength(RequestLimits.Opinion)] string Reason, int? Version = null);

internal sealed record ExtensionDecision(bool Approve, [property: MaxLength(RequestLimits.Opinion)] string? Opinion = null, int? Version = null);

internal static class ExtensionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/{id:long}/extension", (long id, ExtensionRequest request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) => w.RequestExtension(t, a, request.Days, request.Reason), ct))
            .WithName("RequestExtension")
            .WithSummary("The lead unit asks for more working days to finish (延期申请).");
        api.MapPost("/{id:long}/extension/decision", (long id, ExtensionDecision request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) => w.DecideExtension(t, a, request.Approve, request.Opinion), ct))
            .WithName("DecideExtension")
            .WithSummary("The centre, or the street or district over the place, approves or refuses a waiting extension request; approval moves the finish deadline.");
    }
}
