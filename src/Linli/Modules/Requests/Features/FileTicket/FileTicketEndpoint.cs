using System.ComponentModel.DataAnnotations;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.GetTicket;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.PersonalData;
using Microsoft.AspNetCore.Http.HttpResults;

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
    [property: MaxLength(RequestLimits.Phone), PhoneNumber(ErrorMessage = "Not a phone number.")] string? ContactPhone = null,
    bool Anonymous = false);

internal sealed record FiledTicket(TicketView Ticket, IReadOnlyList<DuplicateCandidate> PossibleDuplicates);

internal static class FileTicketEndpoint
{
    public static void Map(IEndpointRouteBuilder api) =>
        api.MapPost("/", async Task<Created<FiledTicket>> (FileTicketRequest request, HttpContext http, IAreaScope scope, FileTicketHandler handler,
                CancellationToken ct) =>
            {
                var filed = await handler.HandleAsync(request, Actor.From(http.User, scope), ct);
                return TypedResults.Created($"/api/requests/tickets/{filed.Ticket.Id}", filed);
            })
            .RequireAuthorization(Permissions.FileRequests)
            .WithName("FileTicket")
            .WithSummary("Files a request (resident web/mini-program, hotline) or a patrol finding (grid and community workers); answers the ticket and nearby open tickets of the same category.");
}

/// <summary>
/// The intake of the API and of the intake pages (resident, hotline console, patrol): the one intake every channel
/// shares (<see cref="TicketIntake"/>, which Open311 calls too), saved with other requests' intakes in one commit.
/// </summary>
internal sealed class FileTicketHandler(RequestsDbContext db, TicketIntake intake, IntakeCommitter committer)
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
    public async Task<FiledTicket> HandleAsync(FileTicketRequest request, Actor actor, CancellationToken ct)
    {
        var taken = await intake.TakeAsync(new IntakeCommand(request.Description, request.CategoryId, request.Urgency, request.Channel,
            request.CommunityCode, request.GridCode, request.Longitude, request.Latitude, request.Address, request.ContactPhone, request.Anonymous), actor, ct);
        await committer.SaveAsync(db);

        // Offered, not forced: the centre decides whether to merge (§3). Residents are not shown others' tickets.
        IReadOnlyList<DuplicateCandidate> duplicates = actor.Is(Roles.Resident) ? [] : await intake.DuplicatesAsync(taken, ct);
        return new FiledTicket(TicketView.Of(taken.Ticket), duplicates);
    }
}
