using System.ComponentModel.DataAnnotations;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.GetTicket;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Protection;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

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

/// <summary>The intake of every channel: the API above and the intake pages (resident, hotline console, patrol) call this one handler.</summary>
internal sealed class FileTicketHandler(RequestsDbContext db, TicketWorkflow workflow, RegionLocator locator, IRegionDirectory regions,
    IPersonalDataProtector protector, IOptions<RequestsOptions> options, TimeProvider clock)
{
    public async Task<FiledTicket> HandleAsync(FileTicketRequest request, Actor actor, CancellationToken ct)
    {
        // The same annotations the API's validation filter checks, so that a page cannot send what the API would refuse.
        var results = new List<ValidationResult>();
        if (!Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
            throw new ValidationFailedException(results.SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => (m, r.ErrorMessage ?? "Invalid.")))
                .GroupBy(x => x.m).ToDictionary(g => g.Key, g => g.Select(x => x.Item2).ToArray()));
        var description = request.Description.Trim();
        if (description.Length == 0) throw ValidationFailedException.For(nameof(request.Description), "Describe the problem.");

        var (category, rule) = await CategoryAndRuleAsync(db, request.CategoryId, ct);
        var channel = ChannelFor(actor, request.Channel);
        var (community, grid) = await PlaceAsync(request, actor, locator, regions, ct);
        if (channel == Channel.GridPatrol && !actor.WorksIn(community))
            throw new ForbiddenException("A patrol finding is filed in the worker's own area.");

        var now = clock.GetUtcNow().UtcDateTime;
        var ticket = new Ticket
        {
            Number = await TicketNumbers.NextAsync(db, now, ct),
            Channel = channel, CategoryId = category.Id, RoutingRuleId = rule.Id, Urgency = request.Urgency ?? Urgency.Normal,
            Description = description, Address = request.Address?.Trim(),
            CommunityCode = community, GridCode = grid, Longitude = request.Longitude, Latitude = request.Latitude,
            IsAnonymous = request.Anonymous,
            ReporterUserId = actor.Is(Roles.Resident) ? actor.UserId : null,
        };
        if (NormalizePhone(request.ContactPhone) is { } phone)
        {
            ticket.PhoneCipher = protector.Encrypt(phone);
            ticket.PhoneHash = protector.LookupHash(phone);
            ticket.PhoneMasked = Masking.Phone(phone);
        }
        workflow.Filed(ticket, actor);
        await db.SaveChangesAsync(ct);

        // Offered, not forced: the centre decides whether to merge (§3). Residents are not shown others' tickets.
        IReadOnlyList<DuplicateCandidate> duplicates = actor.Is(Roles.Resident) ? []
            : await Duplicates.FindAsync(db, ticket, rule.DuplicateRadiusMeters, options.Value.DuplicateDays, now, ct);
        return new FiledTicket(TicketView.Of(ticket), duplicates);
    }

    private static async Task<(Category, RoutingRule)> CategoryAndRuleAsync(RequestsDbContext db, int categoryId, CancellationToken ct)
    {
        var category = await db.Categories.AsNoTracking().FirstOrDefaultAsync(c => c.Id == categoryId, ct);
        if (category is not { IsLeaf: true }) throw ValidationFailedException.For(nameof(FileTicketRequest.CategoryId), "Choose a third-level category.");
        for (var c = category; c is not null; c = c.ParentId is { } p ? await db.Categories.AsNoTracking().FirstOrDefaultAsync(x => x.Id == p, ct) : null)
        {
            if (c.IsRetired) throw ValidationFailedException.For(nameof(FileTicketRequest.CategoryId), "This category is retired; choose another.");
        }
        var rule = await db.RoutingRules.AsNoTracking().Where(r => r.CategoryId == categoryId && r.IsCurrent).OrderByDescending(r => r.Version).FirstAsync(ct);
        return (category, rule);
    }

    private static Channel ChannelFor(Actor actor, Channel? asked)
    {
        if (actor.Is(Roles.HotlineOperator)) return Channel.Hotline;
        if (actor.Is(Roles.GridWorker) || actor.Is(Roles.CommunityWorker)) return Channel.GridPatrol;
        return asked is Channel.MiniProgram ? Channel.MiniProgram : Channel.Web;
    }

    private static async Task<(string Community, string? Grid)> PlaceAsync(FileTicketRequest request, Actor actor, RegionLocator locator,
        IRegionDirectory regions, CancellationToken ct)
    {
        RegionLocator.Placement? placed = null;
        if (request.Longitude is not null || request.Latitude is not null)
        {
            if (request.Longitude is not { } lon || request.Latitude is not { } lat)
                throw ValidationFailedException.For(request.Longitude is null ? nameof(request.Longitude) : nameof(request.Latitude), "A point needs both longitude and latitude.");
            placed = await locator.LocateAsync(lon, lat, ct)
                     ?? throw ValidationFailedException.For(nameof(request.Longitude), "The point is outside the city.");
        }
        var communityCode = request.CommunityCode?.Trim() is { Length: > 0 } c ? c
            : request.GridCode?.Trim() is { Length: 15 } g ? g[..12]
            : placed?.CommunityCode
            ?? (actor.Is(Roles.GridWorker) && actor.RegionPrefix is { Length: 15 } own ? own[..12] : null);
        if (communityCode is null)
            throw ValidationFailedException.For(nameof(request.CommunityCode), "Choose a community or a point on the map.");
        if (await regions.FindAsync(communityCode, ct) is not { Level: RegionLevel.Community })
            throw ValidationFailedException.For(nameof(request.CommunityCode), "No such community.");

        var gridCode = request.GridCode?.Trim() is { Length: > 0 } given ? given
            : placed?.CommunityCode == communityCode ? placed.GridCode
            : actor.Is(Roles.GridWorker) && actor.RegionPrefix is { Length: 15 } ownGrid && ownGrid.StartsWith(communityCode, StringComparison.Ordinal) ? ownGrid
            : null;
        if (gridCode is not null && (!gridCode.StartsWith(communityCode, StringComparison.Ordinal) || await regions.FindAsync(gridCode, ct) is not { Level: RegionLevel.Grid }))
            throw ValidationFailedException.For(nameof(request.GridCode), "No such grid in that community.");
        return (communityCode, gridCode);
    }

    private static string? NormalizePhone(string? phone)
    {
        if (string.IsNullOrWhiteSpace(phone)) return null;
        var digits = new string(phone.Where(ch => char.IsAsciiDigit(ch) || ch == '+').ToArray());
        return digits.Length == 0 ? null : digits;
    }
}
