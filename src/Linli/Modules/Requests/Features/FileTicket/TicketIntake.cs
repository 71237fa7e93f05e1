using Linli.Modules.Regions.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.FindDuplicates;
using Linli.Modules.Requests.Features.Shared;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.PersonalData;
using Linli.Platform.Protection;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Features.FileTicket;

/// <summary>A ticket taken in and added to the context (not yet saved), with the rule it was routed under.</summary>
internal sealed record Intake(Ticket Ticket, Category Category, RoutingRule Rule);

/// <summary>
/// Intake, once for every channel: checks the category (a live leaf) and takes its current routing rule, decides the
/// channel, places the ticket (community picker, grid, or a map point placed by the district boundaries and the nearest
/// grid; a point outside the city is refused), numbers it, protects the phone and logs the filing with its outbox
/// message. The caller adds what its channel keeps besides and saves everything in one SaveChanges.
/// </summary>
internal sealed class TicketIntake(RequestsDbContext db, TicketWorkflow workflow, TicketNumbers numbers, RegionLocator locator, IRegionDirectory regions, CategoryCatalog catalog,
    IPersonalDataProtector protector, IOptions<RequestsOptions> options, TimeProvider clock)
{
    /// <param name="channel">Set by a channel that is its own (Open311); otherwise decided from the actor's role.</param>
    public async Task<Intake> TakeAsync(FileTicketRequest request, Actor actor, CancellationToken ct, Channel? channel = null)
    {
        var description = request.Description.Trim();
        if (description.Length == 0) throw ValidationFailedException.For(nameof(request.Description), "Describe the problem.");

        var (category, rule) = await CategoryAndRuleAsync(request.CategoryId, ct);
        var chosen = channel ?? ChannelFor(actor, request.Channel);
        var (community, grid) = await PlaceAsync(request, actor, ct);
        if (chosen == Channel.GridPatrol && !actor.WorksIn(community))
            throw new ForbiddenException("A patrol finding is filed in the worker's own area.");

        var now = clock.GetUtcNow().UtcDateTime;
        var ticket = new Ticket
        {
            Number = await numbers.NextAsync(db, now, ct),
            Channel = chosen, CategoryId = category.Id, RoutingRuleId = rule.Id, Urgency = request.Urgency ?? Urgency.Normal,
            Description = description, Address = request.Address?.Trim(),
            CommunityCode = community, GridCode = grid, Longitude = request.Longitude, Latitude = request.Latitude,
            IsAnonymous = request.Anonymous,
            ReporterUserId = actor.Is(Roles.Resident) ? actor.UserId : null,
        };
        if (!string.IsNullOrWhiteSpace(request.ContactPhone))
        {
            // Stored and hashed in E.164, as every module does: the hotline's lookup and the resident pool find it however it was typed.
            if (!PhoneNumber.TryParse(request.ContactPhone, out var phone))
                throw ValidationFailedException.For(nameof(request.ContactPhone), "Not a phone number.");
            ticket.PhoneCipher = protector.Encrypt(phone.E164);
            ticket.PhoneHash = protector.Hash(phone);
            ticket.PhoneMasked = phone.Masked;
        }
        workflow.Filed(ticket, actor, rule);
        return new Intake(ticket, category, rule);
    }

    /// <summary>Open tickets of the same category nearby, offered to staff after saving.</summary>
    public Task<IReadOnlyList<DuplicateCandidate>> DuplicatesAsync(Intake intake, CancellationToken ct) =>
        Duplicates.FindAsync(db, intake.Ticket, intake.Rule.DuplicateRadiusMeters, options.Value.DuplicateDays, clock.GetUtcNow().UtcDateTime, ct);

    private async Task<(Category, RoutingRule)> CategoryAndRuleAsync(int categoryId, CancellationToken ct)
    {
        var snapshot = await catalog.GetAsync(ct);
        var category = snapshot.Tree.Find(categoryId);
        if (category is not { IsLeaf: true }) throw ValidationFailedException.For(nameof(FileTicketRequest.CategoryId), "Choose a third-level category.");
        if (snapshot.Tree.IsRetired(category)) throw ValidationFailedException.For(nameof(FileTicketRequest.CategoryId), "This category is retired; choose another.");
        var rule = snapshot.CurrentRule(categoryId)
                   ?? throw ValidationFailedException.For(nameof(FileTicketRequest.CategoryId), "This category has no routing rule yet; choose another.");
        return (category, rule);
    }

    private static Channel ChannelFor(Actor actor, Channel? asked)
    {
        if (actor.Is(Roles.HotlineOperator)) return Channel.Hotline;
        if (actor.Is(Roles.GridWorker) || actor.Is(Roles.CommunityWorker)) return Channel.GridPatrol;
        return asked is Channel.MiniProgram ? Channel.MiniProgram : Channel.Web;
    }

    private async Task<(string Community, string? Grid)> PlaceAsync(FileTicketRequest request, Actor actor, CancellationToken ct)
    {
        RegionLocator.Placement? placed = null;
        if (request.Longitude is not null || request.Latitude is not null)
        {
            if (request.Longitude is not { } lon || request.Latitude is not { } lat)
                throw ValidationFailedException.For(request.Longitude is null ? nameof(request.Longitude) : nameof(request.Latitude), "A point needs both longitude and latitude.");
            placed = await locator.LocateAsync(lon, lat, ct)
                     ?? throw ValidationFailedException.For(nameof(request.Longitude), "The point is outside the city.");
        }
        var communityCode = (request.CommunityCode?.Trim() is { Length: > 0 } c ? c
            : request.GridCode?.Trim() is { Length: 15 } g ? g[..12]
            : placed?.CommunityCode
            ?? (actor.Is(Roles.GridWorker) && actor.RegionPrefix is { Length: 15 } own ? own[..12] : null))
            ?? throw ValidationFailedException.For(nameof(request.CommunityCode), "Choose a community or a point on the map.");
        // A community or grid the locator placed the point in exists (it read them from the region tree); others are looked up.
        if (communityCode != placed?.CommunityCode && await regions.FindAsync(communityCode, ct) is not { Level: RegionLevel.Community })
            throw ValidationFailedException.For(nameof(request.CommunityCode), "No such community.");

        var gridCode = request.GridCode?.Trim() is { Length: > 0 } given ? given
            : placed?.CommunityCode == communityCode ? placed.GridCode
            : actor.Is(Roles.GridWorker) && actor.RegionPrefix is { Length: 15 } ownGrid && ownGrid.StartsWith(communityCode, StringComparison.Ordinal) ? ownGrid
            : null;
        if (gridCode is not null && (!gridCode.StartsWith(communityCode, StringComparison.Ordinal)
                                     || (gridCode != placed?.GridCode && await regions.FindAsync(gridCode, ct) is not { Level: RegionLevel.Grid })))
            throw ValidationFailedException.For(nameof(request.GridCode), "No such grid in that community.");
        return (communityCode, gridCode);
    }
}
