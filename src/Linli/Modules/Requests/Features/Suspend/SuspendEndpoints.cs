using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;

namespace Linli.Modules.Requests.Features.Suspend;

internal sealed record SuspendRequest([property: Required, MaxLength(RequestLimits.Opinion)] string Reason, int? Version = null);

internal sealed record ResumeRequest([property: MaxLength(RequestLimits.Opinion)] string? Reason = null, int? Version = null);

internal static class SuspendEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/{id:long}/suspend", (long id, SuspendRequest request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) => w.Suspend(t, a, request.Reason), ct))
            .WithName("SuspendTicket")
            .WithSummary("Pauses handling with a reason (挂起); the finish deadline stops.");
        api.MapPost("/{id:long}/resume", (long id, ResumeRequest request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) => w.Resume(t, a, request.Reason), ct))
            .WithName("ResumeTicket")
            .WithSummary("Resumes a suspended ticket (解挂); the finish deadline moves by the time spent suspended.");
    }
}
