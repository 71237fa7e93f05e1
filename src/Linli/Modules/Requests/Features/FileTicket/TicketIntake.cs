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
internal sealed record Intake(Ticket Ticket, Category Category, RoutingRule Rule, Classification.Classification? Classified = null);

/// <summary>
/// Intake, once for every channel: checks the category (a live leaf) and takes its current routing rule, decides the
/// channel, places the ticket (community picker, grid, or a map point placed by the district boundaries and the nearest
/// grid; a point outside the city is refused), numbers it, protects the phone and logs the filing with its outbox
/// message. The caller adds what its channel keeps besides and saves everything in one SaveChanges.
/// </summary>
internal sealed class TicketIntake(RequestsDbContext db, TicketWorkflow workflow, TicketNumbers numbers, RegionLocator locator, IRegionDirectory regions, CategoryCatalog catalog,
    IPersonalDataProtector protector, IOptions<RequestsOptions> options, TimeProvider clock, Classification.ClassifierSuggestions classifier)
{
    /// <param name="channel">Set by a channel that is its own (Open311); otherwise decided from the actor's role.</param>
    public async Task<Intake> TakeAsync(FileTicketRequest request, Actor actor, CancellationToken ct, Channel? channel = null)
    {
        var description = request.Description.Trim();
        if (description.Length == 0) throw ValidationFailedException.For(nameof(request.Description), "请描述问题。");

        // No category given: the classifier chooses (its best suggestion), and dispatches below if it is sure enough.
        var classified = request.CategoryId == 0 && request.ClassifyAutomatically ? await classifier.ClassifyAsync(description, ct) : null;
        if (classified is not null && classified.Best is null) throw ValidationFailedException.For(nameof(request.CategoryId), "请选择三级分类。");
        var (category, rule) = await CategoryAndRuleAsync(classified?.Best!.CategoryId ?? request.CategoryId, ct);
        var chosen = channel ?? ChannelFor(actor, request.Channel);
        var (community, grid) = await PlaceAsync(request, actor, ct);
        if (chosen == Channel.GridPatrol && !actor.WorksIn(community))
            throw new ForbiddenException("巡查上报只能在本人辖区内提交。");

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
                throw ValidationFailedException.For(nameof(request.ContactPhone), "不是有效的电话号码。");
            ticket.PhoneCipher = protector.Encrypt(phone.E164);
            ticket.PhoneHash = protector.Hash(phone);
            ticket.PhoneMasked = phone.Masked;
        }
        workflow.Filed(ticket, actor, rule);
        if (classified is not null) await ApplyClassificationAsync(ticket, classified, ct);
        return new Intake(ticket, category, rule, classified);
    }

    /// <summary>
    /// Above its class's threshold the classifier dispatches the ticket under its rule at once, the log naming the model and
    /// its confidence; below, the ticket waits for the centre, its filing noted with the model's three suggestions.
    /// </summary>
    private async Task ApplyClassificationAsync(Ticket ticket, Classification.Classification classified, CancellationToken ct)
    {
        var inv = System.Globalization.CultureInfo.InvariantCulture;
        var best = classified.Best!;
        if (classified.Automatic && ticket.State == TicketState.Received)
        {
            await workflow.DispatchAsync(ticket, Actor.Classifier, null,
                string.Format(inv, "分类模型 v{0} 自动分类派单：{1}（置信度 {2:0.000}，阈值 {3:0.000}）", classified.ModelVersion, best.CategoryPath, best.Confidence, classified.Threshold), ct);
            return;
        }
        var filed = ticket.Actions.Last(a => a.Action == TicketActionKind.File);
        filed.Opinion = string.Format(inv, "分类模型 v{0} 建议（待中心确认）：", classified.ModelVersion)
                        + string.Join("；", classified.Suggestions.Select(s => string.Format(inv, "{0}（{1:0.000}）", s.CategoryPath, s.Confidence)));
    }

    /// <summary>Open tickets of the same category nearby, offered to staff after saving.</summary>
    public Task<IReadOnlyList<DuplicateCandidate>> DuplicatesAsync(Intake intake, CancellationToken ct) =>
        Duplicates.FindAsync(db, intake.Ticket, intake.Rule.DuplicateRadiusMeters, options.Value.DuplicateDays, clock.GetUtcNow().UtcDateTime, ct);

    private async Task<(Category, RoutingRule)> CategoryAndRuleAsync(int categoryId, CancellationToken ct)
    {
        var snapshot = await catalog.GetAsync(ct);
        var category = snapshot.Tree.Find(categoryId);
        if (category is not { IsLeaf: true }) throw ValidationFailedException.For(nameof(FileTicketRequest.CategoryId), "请选择三级分类。");
        if (snapshot.Tree.IsRetired(category)) throw ValidationFailedException.For(nameof(FileTicketRequest.CategoryId), "此分类已停用，请选择其他分类。");
        var rule = snapshot.CurrentRule(categoryId)
                   ?? throw ValidationFailedException.For(nameof(FileTicketRequest.CategoryId), "此分类还没有派单规则，请选择其他分类。");
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
                throw ValidationFailedException.For(request.Longitude is null ? nameof(request.Longitude) : nameof(request.Latitude), "位置需要同时填写经度和纬度。");
            placed = await locator.LocateAsync(lon, lat, ct)
                     ?? throw ValidationFailedException.For(nameof(request.Longitude), "该位置不在本市范围内。");
        }
        var communityCode = (request.CommunityCode?.Trim() is { Length: > 0 } c ? c
            : request.GridCode?.Trim() is { Length: 15 } g ? g[..12]
            : placed?.CommunityCode
            ?? (actor.Is(Roles.GridWorker) && actor.RegionPrefix is { Length: 15 } own ? own[..12] : null))
            ?? throw ValidationFailedException.For(nameof(request.CommunityCode), "请选择社区，或在地图上选点。");
        // A community or grid the locator placed the point in exists (it read them from the region tree); others are looked up.
        if (communityCode != placed?.CommunityCode && await regions.FindAsync(communityCode, ct) is not { Level: RegionLevel.Community })
            throw ValidationFailedException.For(nameof(request.CommunityCode), "社区不存在。");

        var gridCode = request.GridCode?.Trim() is { Length: > 0 } given ? given
            : placed?.CommunityCode == communityCode ? placed.GridCode
            : actor.Is(Roles.GridWorker) && actor.RegionPrefix is { Length: 15 } ownGrid && ownGrid.StartsWith(communityCode, StringComparison.Ordinal) ? ownGrid
            : null;
        if (gridCode is not null && (!gridCode.StartsWith(communityCode, StringComparison.Ordinal)
                                     || (gridCode != placed?.GridCode && await regions.FindAsync(gridCode, ct) is not { Level: RegionLevel.Grid })))
            throw ValidationFailedException.For(nameof(request.GridCode), "该社区没有这个网格。");
        return (communityCode, gridCode);
    }
}
