using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.GetTicket;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Idempotency;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using JsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Linli.Modules.Requests.Features.FileTicket;

/// <summary>
/// A request or patrol finding. Its place is a community (picker) with an optional grid, or a map point placed by the
/// district boundaries and the nearest grid; a point outside the city is refused.
/// </summary>
internal sealed record FileTicketRequest(
    [property: Required, MaxLength(RequestLimits.Description)] string Description,
    [property: Range(1, int.MaxValue)] int CategoryId,
    Urgency? Urgency = null,
    Channel? Channel = null,
    [property: MaxLength(12)] string? CommunityCode = null,
    [property: MaxLength(15)] string? GridCode = null,
    [property: Range(-180.0, 180.0)] double? Longitude = null,
    [property: Range(-90.0, 90.0)] double? Latitude = null,
    [property: MaxLength(RequestLimits.Address)] string? Address = null,
    [property: MaxLength(RequestLimits.Phone), RegularExpression(@"^\+?[0-9][0-9 \-]{4,19}$", ErrorMessage = "Not a phone number.")] string? ContactPhone = null,
    bool Anonymous = false);

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
            .RequireAuthorization(Permissions.FileRequests)
            .WithName("FileTicket")
            .WithSummary("Files a request (resident web/mini-program, hotline) or a patrol finding (grid and community workers); answers the ticket and nearby open tickets of the same category.")
            .WithDescription("With an Idempotency-Key header (1 to 255 printable ASCII characters, kept 24 hours per caller), a repeat of the same request answers the first answer again " +
                             "(with Idempotent-Replayed: true) and files nothing; the same key with a different request is a 422.");

    private static string LocationOf(FiledTicket filed) => $"/api/requests/tickets/{filed.Ticket.Id}";
}

/// <summary>An intake made under an idempotency key, and how its caller answers once the ticket is filed.</summary>
internal sealed record IdempotentIntake(IdempotencyKey Key, Func<FiledTicket, IdempotentAnswer> Answer)
{
    /// <summary>Keys are the caller's own: a signed-in user's.</summary>
    public static string CallerOf(Actor actor) => "user:" + (actor.UserId ?? throw new ForbiddenException("Idempotent submissions need a signed-in user."));
}

/// <summary>What intake answers: the ticket just filed, or — for a repeat under the same key — the first answer.</summary>
internal sealed record IntakeOutcome(FiledTicket? Filed, IdempotentAnswer? Earlier);

/// <summary>
/// The intake of the API and of the intake pages (resident, hotline console, patrol): the one intake every channel
/// shares (<see cref="TicketIntake"/>, which Open311 calls too), saved with other requests' intakes in one commit.
/// Under an idempotency key, the key's record (with the answer) is committed in the same transaction as the ticket.
/// </summary>
internal sealed class FileTicketHandler(RequestsDbContext db, TicketIntake intake, IntakeCommitter committer, IdempotencyStore<RequestsDbContext> idempotency)
{
    /// <summary>The request's annotations, as the API's validation filter checks them: pages call this first, so that a page cannot send what the API would refuse.</summary>
    public static void Validate(FileTicketRequest request)
    {
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
            throw new ValidationFailedException(results.SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => (m, r.ErrorMessage ?? "Invalid.")))
                .GroupBy(x => x.m).ToDictionary(g => g.Key, g => g.Select(x => x.Item2).ToArray()));
    }

    /// <param name="request">Already checked against its annotations (the API's filter, or <see cref="Validate"/>).</param>
    public async Task<FiledTicket> HandleAsync(FileTicketRequest request, Actor actor, CancellationToken ct) =>
        (await HandleAsync(request, actor, null, ct)).Filed!;

    /// <param name="request">Already checked against its annotations (the API's filter, or <see cref="Validate"/>).</param>
    /// <param name="idempotent">The key it is filed under, if any: a repeat answers the first answer and files nothing.</param>
    public async Task<IntakeOutcome> HandleAsync(FileTicketRequest request, Actor actor, IdempotentIntake? idempotent, CancellationToken ct)
    {
        if (idempotent is not null && await idempotency.FindAsync(idempotent.Key, ct) is { } earlier) return new IntakeOutcome(null, earlier);

        var taken = await intake.TakeAsync(new IntakeCommand(request.Description, request.CategoryId, request.Urgency, request.Channel,
            request.CommunityCode, request.GridCode, request.Longitude, request.Latitude, request.Address, request.ContactPhone, request.Anonymous), actor, ct);
        // Offered, not forced: the centre decides whether to merge. Residents are not shown others' tickets. Looked up
        // before the commit, so that the answer kept under an idempotency key is complete when it commits.
        IReadOnlyList<DuplicateCandidate> duplicates = actor.Is(Roles.Resident) ? [] : await intake.DuplicatesAsync(taken, ct);
        FiledTicket Filed() => new(TicketView.Of(taken.Ticket), duplicates);

        if (idempotent is null)
        {
            await committer.SaveAsync(db);
            return new IntakeOutcome(Filed(), null);
        }
        try
        {
            // The answer names the ticket's id: it is built once the ticket is saved, and committed with it.
            await committer.SaveAsync(db, () => [idempotency.Record(idempotent.Key, idempotent.Answer(Filed()))]);
        }
        catch (DbUpdateException)
        {
            // A concurrent submission under the same key committed first: this ticket was rolled back with its record.
            if (await idempotency.AfterConflictAsync(idempotent.Key, ct) is { } first) return new IntakeOutcome(null, first);
            throw;
        }
        return new IntakeOutcome(Filed(), null);
    }
}
