using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;

namespace Linli.Modules.Requests.Features.Evaluate;

internal sealed record EvaluateRequest([property: Required] Rating? Rating, [property: MaxLength(RequestLimits.Opinion)] string? Opinion = null, int? Version = null);

internal static class EvaluateEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/{id:long}/evaluate", (long id, EvaluateRequest request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) => w.EvaluateAsync(t, a, request.Rating!.Value, request.Opinion, ct), ct))
            .WithName("EvaluateTicket")
            .WithSummary("The visit back (回访): the resident's verdict. Satisfied or basically satisfied closes it; dissatisfied reopens it under supervision (重办、督办) up to the configured number of times.");
}
