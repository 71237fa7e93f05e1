using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.GetTicket;

namespace Linli.Modules.Requests.Features.Whistle;

internal sealed record WhistleRequest([property: Required, MinLength(1), MaxLength(20)] string[] DepartmentCodes,
    [property: MaxLength(RequestLimits.Opinion)] string? Opinion = null, int? Version = null);

internal sealed record ReportInRequest([property: Required, MaxLength(RequestLimits.Opinion)] string Report, int? Version = null);

internal static class WhistleEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapPost("/{id:long}/whistle", (long id, WhistleRequest request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) => w.WhistleAsync(t, a, request.DepartmentCodes, request.Opinion, ct), ct))
            .WithName("Whistle")
            .WithSummary("A grid or community worker of the place summons departments (吹哨); each must report in within 30 minutes (urgent) or 2 hours (normal) of office time.");
        api.MapPost("/{id:long}/report-in", (long id, ReportInRequest request, TicketActionRunner runner, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, (w, t, a) => w.ReportIn(t, a, request.Report), ct))
            .WithName("ReportIn")
            .WithSummary("A summoned department reports in and records what it did (报到).");
    }
}
