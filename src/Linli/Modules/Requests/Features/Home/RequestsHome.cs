using System.Security.Claims;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Modules.Requests.Features.Queues;
using Linli.Modules.Requests.Pages;
using Linli.Platform.Auth;
using Linli.Platform.Localization;
using Linli.Platform.Ui;
using Microsoft.Extensions.Localization;

namespace Linli.Modules.Requests.Features.Home;

/// <summary>
/// The requests work on each role's home page: residents file and follow, the centre takes calls and dispatches, the
/// units work their queues, grid workers report, and supervisors read their area's open and overdue tickets. Counts are
/// the queues' own queries (<see cref="TicketQueues.Query"/>), capped, one statement per tile.
/// </summary>
internal sealed class RequestsHomeTiles(RequestsDbContext db, IAreaScope scope, TimeProvider clock, IStringLocalizer<SharedResource> text, PermissionCatalog permissions) : IHomeTiles
{
    public async Task<IReadOnlyList<HomeTile>> ForAsync(ClaimsPrincipal user, CancellationToken ct)
    {
        var actor = Actor.From(user, scope);
        var now = clock.GetUtcNow().UtcDateTime;
        var tiles = new List<HomeTile>();

        if (actor.Is(Roles.Resident))
        {
            tiles.Add(new HomeTile("request-new", text["我要反映"], text["反映身边的问题，提出意见建议"], "/requests/new", 10) { MainWork = true });
            // The scope filter leaves a resident only their own tickets (by the reporter index).
            tiles.Add(new HomeTile("request-mine", text["我的诉求"], text["查看办理进度，对答复作出评价"], "/requests/mine", 11)
            {
                MainWork = true,
                Count = await HomeCount.OfAsync(text["未办结"], OpenTickets(actor), ct),
            });
        }
        if (actor.Is(Roles.HotlineOperator))
            tiles.Add(new HomeTile("console", text["12345 接件台"], text["接听来电，登记诉求并分类派件"], "/requests/console", 10)
            {
                MainWork = true,
                Count = await QueueCountAsync(actor, Queue.ToDispatch, now, ct, label: text["待派单"]),
            });
        if (actor.Is(Roles.GridWorker))
        {
            tiles.Add(new HomeTile("patrol", text["巡查上报"], text["上报巡查中发现的问题"], "/requests/patrol", 10) { MainWork = true });
            tiles.Add(new HomeTile("reports-mine", text["我的上报"], text["跟踪本人上报问题的办理进度"], "/requests/my-reports", 11) { MainWork = true });
        }
        else if (actor.Is(Roles.CommunityWorker))
            tiles.Add(new HomeTile("patrol", text["巡查上报"], text["上报巡查中发现的问题"], "/requests/patrol", 30));

        // The units' queues: what waits for the caller's unit, and what is already late.
        var unitQueues = actor.Is(Roles.HotlineOperator) ? [Queue.ToVisit, Queue.Overdue]
            : actor.DepartmentCode is not null ? [Queue.ToSign, Queue.InProgress, Queue.Overdue, Queue.ToReportIn]
            : actor.Is(Roles.CommunityWorker) ? new[] { Queue.ToSign, Queue.InProgress, Queue.Overdue }
            : [];
        foreach (var (queue, i) in unitQueues.Select((q, i) => (q, i)))
            tiles.Add(new HomeTile("queue-" + queue, text[RequestLabels.Of(queue)], QueueLine(queue), "/requests/queues?queue=" + queue, 20 + i)
            {
                MainWork = true,
                Count = await QueueCountAsync(actor, queue, now, ct),
            });

        // Street, district and city supervisors: their area's tickets in numbers, and the metrics.
        if (actor.Is(Roles.StreetStaff) || actor.Is(Roles.DistrictStaff) || actor.Is(Roles.Supervisor))
        {
            tiles.Add(new HomeTile("metrics", text["诉求办理指标"], text["本辖区的诉求量、响应率、按时办结率和满意率"], "/requests/metrics", 10) { MainWork = true });
            tiles.Add(new HomeTile("area-open", text["本辖区在办诉求"], text["尚未办结的诉求"], "/requests/queues", 12)
            {
                MainWork = true,
                Count = await HomeCount.OfAsync(text["件"], OpenTickets(actor), ct),
            });
            tiles.Add(new HomeTile("area-overdue", text["本辖区超期诉求"], text["已超过办理时限、尚未答复的诉求"], "/requests/queues?queue=" + Queue.Overdue, 13)
            {
                MainWork = true,
                Count = await QueueCountAsync(actor, Queue.Overdue, now, ct),
            });
        }
        else if (actor.Is(Roles.Administrator))
            tiles.Add(new HomeTile("metrics", text["诉求办理指标"], text["全市的诉求量、响应率、按时办结率和满意率"], "/requests/metrics", 40));

        if (permissions.Allows(user, RequestsPermissions.ConfigureRequests))
        {
            tiles.Add(new HomeTile("categories", text["诉求分类管理"], text["维护三级诉求分类"], "/requests/admin/categories", 20) { MainWork = true });
            tiles.Add(new HomeTile("rules", text["派单规则"], text["各分类的承办单位和办理时限"], "/requests/admin/rules", 21) { MainWork = true });
        }
        // Everyone else who handles tickets reaches the queues from here too (the centre's administrator, grid workers).
        if (permissions.Allows(user, RequestsPermissions.HandleRequests) && !tiles.Any(t => t.Href.StartsWith("/requests/queues", StringComparison.Ordinal)))
            tiles.Add(new HomeTile("queues", text["工作队列"], text["本单位待办理的工单"], "/requests/queues", 31));
        return tiles;
    }

    private string QueueLine(Queue queue) => queue switch
    {
        Queue.ToSign => text["派至本单位、等待签收的工单"],
        Queue.InProgress => text["已签收、正在办理的工单"],
        Queue.Overdue => text["已超过办理时限的工单"],
        Queue.ToReportIn => text["吹哨召集本部门、尚未报到的工单"],
        Queue.ToVisit => text["已答复、等待回访的工单"],
        _ => text["等待派单的工单"],
    };

    private async Task<HomeCount> QueueCountAsync(Actor actor, Queue queue, DateTime now, CancellationToken ct, string? label = null) =>
        await HomeCount.OfAsync(label ?? text["件"], TicketQueues.Query(db, actor, queue, now), ct, alert: queue == Queue.Overdue);

    /// <summary>The open tickets in the caller's scope, as the queues read them (<see cref="Ticket.OpenStates"/> by the state index).</summary>
    private IQueryable<Ticket> OpenTickets(Actor actor) => TicketQueues.Unit(db, actor);
}
