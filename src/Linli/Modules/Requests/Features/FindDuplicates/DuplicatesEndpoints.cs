using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Shared;
using Linli.Platform.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Features.FindDuplicates;

internal sealed record MergeRequest(long IntoTicketId, int? Version = null);

internal static class DuplicatesEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        api.MapGet("/{id:long}/duplicates", async Task<Ok<IReadOnlyList<DuplicateCandidate>>> (long id, RequestsDbContext db, IOptions<RequestsOptions> options,
                TimeProvider clock, CancellationToken ct) =>
            {
                var ticket = await db.Tickets.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw new NotFoundException("工单 {0} 不存在。", id);
                // Earlier tickets only: a duplicate follows the first.
                return TypedResults.Ok(await Duplicates.EarlierAsync(db, ticket, options.Value.DuplicateDays, clock.GetUtcNow().UtcDateTime, ct));
            })
            .WithName("FindDuplicates")
            .WithSummary("Open tickets of the same category within the category's radius (default 200 m) from the last 7 days, filed before this one.");
        api.MapPost("/{id:long}/merge", (long id, MergeRequest request, TicketActionRunner runner, RequestsDbContext db, CancellationToken ct) =>
                runner.RunAsync(id, request.Version, async (w, t, a) =>
                {
                    var into = await db.Tickets.FirstOrDefaultAsync(x => x.Id == request.IntoTicketId, ct)
                               ?? throw ValidationFailedException.For(nameof(request.IntoTicketId), "工单不存在。");
                    w.Merge(t, into, a);
                }, ct))
            .WithName("MergeTicket")
            .WithSummary("The centre merges a duplicate into an earlier open ticket (并单): it follows that ticket, and its reporter gets the same reply.");
    }
}
