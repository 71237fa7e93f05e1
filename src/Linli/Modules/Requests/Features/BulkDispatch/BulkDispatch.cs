using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.FileTicket;
using Linli.Modules.Requests.Features.Shared;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Idempotency;

namespace Linli.Modules.Requests.Features.BulkDispatch;

/// <summary>Several tickets to one unit: <see cref="UnitCode"/> as in a single dispatch (a department code, "community", or empty for each ticket's rule).</summary>
internal sealed record BulkDispatchRequest(List<long>? TicketIds, [property: MaxLength(64)] string? UnitCode = null,
    [property: MaxLength(RequestLimits.Opinion)] string? Opinion = null);

internal sealed record BulkDispatched(long Id, string Number, string State, string? AssignedUnitCode);

internal sealed record BulkDispatchFailure(long Id, string? Number, string Reason);

/// <summary>What happened to each ticket: the dispatched ones are saved, the failed ones untouched.</summary>
internal sealed record BulkDispatchResult(IReadOnlyList<BulkDispatched> Dispatched, IReadOnlyList<BulkDispatchFailure> Failed);

/// <summary>
/// The centre dispatches several tickets in one action. Each ticket goes through the single dispatch — the same rules
/// (<see cref="TicketRules"/>), the same workflow step and history entry — and is saved on its own, so a ticket that
/// fails (out of scope, already dispatched, changed meanwhile, a unit that does not take it) leaves nothing half-written
/// and the others done; the answer names each failure and why. Under an idempotency key the answer is kept for 24 hours
/// and a repeat (a double submit) gets it again without acting twice.
/// </summary>
internal sealed class BulkDispatcher(RequestsDbContext db, TicketWorkflow workflow, IdempotencyStore<RequestsDbContext> idempotency)
{
    public const int MaxTickets = 100;

    public static void Validate(BulkDispatchRequest request)
    {
        if (request.TicketIds is not { Count: > 0 } ids)
            throw ValidationFailedException.For("ticketIds", "请选择要派发的工单。");
        if (ids.Count > MaxTickets)
            throw ValidationFailedException.For("ticketIds", "一次最多派发 {0} 件工单。", MaxTickets);
    }

    /// <summary>The fingerprint of a request, so that one key reused for another selection is refused.</summary>
    public static string Fingerprint(BulkDispatchRequest request) =>
        IdempotencyKey.Fingerprint("POST /api/requests/tickets/bulk-dispatch", string.Join(",", request.TicketIds ?? []), request.UnitCode?.Trim(), request.Opinion?.Trim());

    /// <summary>The result, or the answer first given under <paramref name="key"/> (then <c>Replayed</c> is true).</summary>
    public async Task<(BulkDispatchResult Result, bool Replayed)> DispatchAsync(BulkDispatchRequest request, Actor actor, string? key, CancellationToken ct)
    {
        Validate(request);
        var idempotent = key is null ? null : new IdempotencyKey(IdempotentIntake.CallerOf(actor), key, Fingerprint(request));
        if (idempotent is not null && await idempotency.FindAsync(idempotent, ct) is { Body: { } earlier })
            return (JsonSerializer.Deserialize<BulkDispatchResult>(earlier, Json)!, true);

        var dispatched = new List<BulkDispatched>();
        var failed = new List<BulkDispatchFailure>();
        foreach (var id in request.TicketIds!.Distinct())
        {
            string? number = null;
            try
            {
                var ticket = await workflow.LoadAsync(id, null, ct);
                number = ticket.Number;
                await workflow.DispatchAsync(ticket, actor, request.UnitCode, request.Opinion, ct);
                await workflow.SaveAsync(ticket, ct);
                dispatched.Add(new BulkDispatched(ticket.Id, ticket.Number, ticket.State.ToString(), ticket.AssignedUnitCode));
            }
            catch (Exception e) when (e is NotFoundException or ConflictException or ForbiddenException or ValidationFailedException)
            {
                // Whatever the failed step had changed is dropped: the ticket stays as it was.
                failed.Add(new BulkDispatchFailure(id, number, ReasonOf(e)));
            }
            finally
            {
                db.ChangeTracker.Clear();
            }
        }
        var result = new BulkDispatchResult(dispatched, failed);
        if (idempotent is not null)
        {
            db.Add(idempotency.Record(idempotent, new IdempotentAnswer(StatusCodes.Status200OK, "application/json; charset=utf-8", JsonSerializer.Serialize(result, Json), null)));
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (Microsoft.EntityFrameworkCore.DbUpdateException)
            {
                // A concurrent submit under the same key saved its answer first; its tickets were dispatched by it or by this one, never twice.
                db.ChangeTracker.Clear();
                if (await idempotency.AfterConflictAsync(idempotent, ct) is { Body: { } first }) return (JsonSerializer.Deserialize<BulkDispatchResult>(first, Json)!, true);
                throw;
            }
        }
        return (result, false);
    }

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static string ReasonOf(Exception e) => e switch
    {
        NotFoundException => "工单不存在或不在您的辖区内。",
        ValidationFailedException v => string.Join("；", v.Errors.Values.SelectMany(m => m)),
        _ => e.Message,
    };
}

internal static class BulkDispatchEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/bulk-dispatch", async (BulkDispatchRequest request, HttpContext http, IAreaScope scope, BulkDispatcher dispatcher, CancellationToken ct) =>
            {
                var (result, replayed) = await dispatcher.DispatchAsync(request, Actor.From(http.User, scope), IdempotencyKey.FromHeader(http.Request), ct);
                if (replayed) http.Response.Headers[IdempotentAnswer.ReplayedHeader] = "true";
                return TypedResults.Ok(result);
            })
            .RequireAuthorization(RequestsPermissions.HandleRequests)
            .WithName("BulkDispatchTickets")
            .WithSummary("The centre sends several tickets (ticketIds, at most 100) to one unit (unitCode as for a single dispatch, or empty for each ticket's rule) in one action: each ticket under the single dispatch's rules, saved on its own; the answer lists the dispatched tickets and each failure with its reason. With an Idempotency-Key header a repeat answers the first answer again and dispatches nothing.");
}
