using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.FindDuplicates;
using Linli.Modules.Requests.Features.Shared;
using Linli.Platform.Auth;
using Linli.Platform.Idempotency;
using Linli.Platform.PersonalData;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Linli.Modules.Requests.Features.FileTicket;

/// <summary>
/// What every channel hands to intake (<see cref="TicketIntake"/>): the JSON API binds it, the pages and Open311 build it.
/// A request or patrol finding. Its place is a community (picker) with an optional grid, or a map point placed by the
/// district boundaries and the nearest grid; a point outside the city is refused. <see cref="CategoryId"/> 0 (or left
/// out) with <see cref="ClassifyAutomatically"/> lets the request classifier choose (without it, a missing category is a 400): above its class's threshold it dispatches the ticket, below it the ticket
/// waits for the centre with the model's suggestions.
/// </summary>
internal sealed record FileTicketRequest(
    [property: Required, MaxLength(RequestLimits.Description)] string Description,
    [property: Range(0, int.MaxValue)] int CategoryId = 0,
    Urgency? Urgency = null,
    Channel? Channel = null,
    [property: MaxLength(12)] string? CommunityCode = null,
    [property: MaxLength(15)] string? GridCode = null,
    [property: Range(-180.0, 180.0)] double? Longitude = null,
    [property: Range(-90.0, 90.0)] double? Latitude = null,
    [property: MaxLength(RequestLimits.Address)] string? Address = null,
    [property: MaxLength(RequestLimits.Phone), PhoneNumber(ErrorMessage = "不是有效的电话号码。")] string? ContactPhone = null,
    bool Anonymous = false,
    bool ClassifyAutomatically = false);

internal sealed record FiledTicket(TicketView Ticket, IReadOnlyList<DuplicateCandidate> PossibleDuplicates);

internal static class FileTicketEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/", async Task<Results<Created<FiledTicket>, IdempotentAnswer>> (FileTicketRequest request, HttpContext http, IAreaScope scope,
                FileTicketHandler handler, IOptions<JsonOptions> json, CancellationToken ct) =>
            {
                var actor = Actor.From(http.User, scope);
                // A retry under the same Idempotency-Key gets the first answer, byte for byte, and files nothing.
                var idempotent = IdempotencyKey.FromHeader(http.Request) is { } key
                    ? new IdempotentIntake(new IdempotencyKey(IdempotentIntake.CallerOf(actor), key, IdempotencyKey.Fingerprint("POST /api/requests/tickets", JsonSerializer.Serialize(request, json.Value.SerializerOptions))),
                        filed => new IdempotentAnswer(StatusCodes.Status201Created, "application/json; charset=utf-8", JsonSerializer.Serialize(filed, json.Value.SerializerOptions), LocationOf(filed)))
                    : null;
                var outcome = await handler.HandleAsync(request, actor, idempotent, ct);
                if (outcome.Earlier is { } earlier) return earlier;
                return TypedResults.Created(LocationOf(outcome.Filed!), outcome.Filed);
            })
            .RequireAuthorization(RequestsPermissions.FileRequests)
            .RequireRateLimiting(Platform.RateLimiting.RateLimitPolicies.Intake)
            .WithName("FileTicket")
            .WithSummary("Files a request (resident web/mini-program, hotline) or a patrol finding (grid and community workers); answers the ticket and nearby open tickets of the same category.")
            .WithDescription("With an Idempotency-Key header (1 to 255 printable ASCII characters, kept 24 hours per caller), a repeat of the same request answers the first answer again " +
                             "(with Idempotent-Replayed: true) and files nothing; the same key with a different request is a 422.");

    private static string LocationOf(FiledTicket filed) => $"/api/requests/tickets/{filed.Ticket.Id}";
}
