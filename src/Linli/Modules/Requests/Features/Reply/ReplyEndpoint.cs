using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;

namespace Linli.Modules.Requests.Features.Reply;

internal sealed record ReplyRequest([property: Required, MaxLength(RequestLimits.Opinion)] string Reply, int? Version = null);

internal static class ReplyEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/{id:long}/reply", (long id, ReplyRequest request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) => w.ReplyAsync(t, a, request.Reply, ct), ct))
            .WithName("ReplyToTicket")
            .WithSummary("The lead unit answers the resident (答复); refused while a summoned department has not reported in. Merged duplicates' reporters get the reply too.");
}
