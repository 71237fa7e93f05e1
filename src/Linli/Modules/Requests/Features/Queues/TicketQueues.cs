using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Paging;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Requests.Features.Queues;

/// <summary>The work lists of a unit.</summary>
internal enum Queue
{
    /// <summary>派单: received or returned, waiting for the centre to send it out (the centre's queue).</summary>
    ToDispatch = 1,
    /// <summary>待签收: dispatched to the unit.</summary>
    ToSign,
    /// <summary>办理中: signed for (or suspended), not yet replied.</summary>
    InProgress,
    /// <summary>即将到期: the running deadline (sign while dispatched, finish while in progress) passes within <see cref="TicketQueues.DueSoonHours"/> hours.</summary>
    DueSoon,
    /// <summary>已超期: marked overdue by the deadline watcher and still open.</summary>
    Overdue,
    /// <summary>待报到: the department was summoned by a whistle and has not reported in.</summary>
    ToReportIn,
    /// <summary>待回访: replied, waiting for the visit back (the centre's queue).</summary>
    ToVisit,
    /// <summary>吹哨超时: a summoned department did not report in on time and the summons went to the district (the district's and the centre's supervision list).</summary>
    Escalated,
}

internal sealed record QueueItem(long Id, string Number, TicketState State, Urgency Urgency, int CategoryId, string CommunityCode, string? AssignedUnitCode,
    DateTime CreatedAt, DateTime? SignDueAt, DateTime? FinishDueAt, bool IsOverdue, bool UnderSupervision, string Description);

/// <summary>
/// Which tickets a caller's unit has to act on. The caller's unit is their department (lead or co-handler), their community
/// (grid and community workers: tickets sent to it), or, for street, district, centre and city staff, their whole area.
/// The context's scope filter applies underneath all of it.
/// </summary>
internal static class TicketQueues
{
    public const int DueSoonHours = 24;

    public static IReadOnlyList<Queue> For(Actor actor) =>
        actor.IsCentre ? [Queue.ToDispatch, Queue.ToSign, Queue.InProgress, Queue.DueSoon, Queue.Overdue, Queue.ToVisit, Queue.Escalated]
        : actor.DepartmentCode is not null ? [Queue.ToSign, Queue.InProgress, Queue.DueSoon, Queue.Overdue, Queue.ToReportIn]
        : actor.Is(Roles.DistrictStaff) ? [Queue.ToSign, Queue.InProgress, Queue.DueSoon, Queue.Overdue, Queue.Escalated]
        : [Queue.ToSign, Queue.InProgress, Queue.DueSoon, Queue.Overdue];

    /// <summary>
    /// Every state a queue can hold (<see cref="Ticket.OpenStates"/>): queues read these only, so an index on the state skips
    /// the million closed tickets. EF writes a static array's states into the SQL as literals (state IN (1, …, 6)).
    /// </summary>
    private static readonly TicketState[] OpenStates = Ticket.OpenStates;

    private static readonly TicketState[] Unanswered =
        [TicketState.Received, TicketState.Dispatched, TicketState.Returned, TicketState.InProgress, TicketState.Suspended];

    /// <summary>
    /// The open tickets the caller's unit works on (everything in scope for the centre and area staff; a resident's scope
    /// holds only their own tickets).
    /// </summary>
    public static IQueryable<Ticket> Unit(RequestsDbContext db, Actor actor)
    {
        var tickets = db.Tickets.AsNoTracking().Where(t => OpenStates.Contains(t.State));
        var department = actor.DepartmentCode;
        var community = (actor.Is(Roles.GridWorker) || actor.Is(Roles.CommunityWorker)) && actor.RegionPrefix is { Length: >= 12 } p ? p[..12] : null;
        if (department is not null)
            return tickets.Where(t => t.AssignedUnitCode == department
                                      || t.Units.Any(u => u.UnitCode == department && u.Role == UnitRole.CoHandler && u.IsActive));
        return community is not null ? tickets.Where(t => t.AssignedUnitCode == community) : tickets;
    }

    private static IQueryable<Ticket> ToReportIn(RequestsDbContext db, Actor actor) =>
        actor.DepartmentCode is not { } department ? db.Tickets.Where(t => false)
            : db.Tickets.AsNoTracking().Where(t => OpenStates.Contains(t.State)
                                                   && t.Units.Any(u => u.UnitCode == department && u.Role == UnitRole.Summoned && u.IsActive && u.ReportedAt == null));

    // Escalated summons are few: the query starts from them (ticket_units by escalated_at), whatever the area's size.
    private static IQueryable<Ticket> Escalated(RequestsDbContext db) =>
        db.Tickets.AsNoTracking().Where(t => OpenStates.Contains(t.State)
                                             && t.Units.Any(u => u.EscalatedAt != null && u.ReportedAt == null && u.IsActive && u.Role == UnitRole.Summoned));

    public static IQueryable<Ticket> Query(RequestsDbContext db, Actor actor, Queue queue, DateTime now)
    {
        if (queue == Queue.ToReportIn) return ToReportIn(db, actor);
        if (queue == Queue.Escalated) return Escalated(db);
        var tickets = Unit(db, actor);
        var soon = now.AddHours(DueSoonHours);
        return queue switch
        {
            Queue.ToDispatch => tickets.Where(t => t.State == TicketState.Received || t.State == TicketState.Returned),
            Queue.ToSign => tickets.Where(t => t.State == TicketState.Dispatched),
            Queue.InProgress => tickets.Where(t => t.State == TicketState.InProgress || t.State == TicketState.Suspended),
            Queue.DueSoon => tickets.Where(t => !t.IsOverdue &&
                ((t.State == TicketState.Dispatched && t.SignDueAt > now && t.SignDueAt <= soon)
                 || (t.State == TicketState.InProgress && t.FinishDueAt > now && t.FinishDueAt <= soon))),
            Queue.Overdue => tickets.Where(t => t.IsOverdue && Unanswered.Contains(t.State)),
            Queue.ToVisit => tickets.Where(t => t.State == TicketState.Replied),
            _ => tickets.Where(t => false),
        };
    }

    /// <summary>
    /// One page of a queue narrowed by <paramref name="filter"/> (<paramref name="categoryLeaves"/>: the leaves of its
    /// category), in its order; the count stops at <see cref="Paging.CountLimit"/> and page numbers at <see cref="Paging.MaxOffset"/> rows.
    /// </summary>
    public static async Task<Paged<QueueItem>> ListAsync(RequestsDbContext db, Actor actor, Queue queue, DateTime now, QueueFilter filter,
        IReadOnlyList<int>? categoryLeaves, int? page, int? pageSize, CancellationToken ct) =>
        await Filtered(db, actor, queue, now, filter, categoryLeaves)
            .Select(t => new QueueItem(t.Id, t.Number, t.State, t.Urgency, t.CategoryId, t.CommunityCode, t.AssignedUnitCode, t.CreatedAt,
                t.SignDueAt, t.FinishDueAt, t.IsOverdue, t.UnderSupervision, t.Description.Length > 80 ? t.Description.Substring(0, 80) + "…" : t.Description))
            .ToCappedPageAsync(page, pageSize, ct);

    /// <summary>The order a queue shows unless asked otherwise: the deadline queues by deadline, the others oldest first.</summary>
    public static QueueSort DefaultSort(Queue queue) =>
        queue is Queue.ToSign or Queue.DueSoon or Queue.InProgress or Queue.Overdue ? QueueSort.Due : QueueSort.Created;

    /// <summary>The queue narrowed by the filter, ordered (the list and the export read the same rows).</summary>
    public static IQueryable<Ticket> Filtered(RequestsDbContext db, Actor actor, Queue queue, DateTime now, QueueFilter filter, IReadOnlyList<int>? categoryLeaves) =>
        Order(Narrowed(db, actor, queue, now, filter, categoryLeaves), filter.Sort ?? DefaultSort(queue));

    /// <summary>The queue narrowed by the filter, in no order yet (the export adds its keyset condition before ordering).</summary>
    public static IQueryable<Ticket> Narrowed(RequestsDbContext db, Actor actor, Queue queue, DateTime now, QueueFilter filter, IReadOnlyList<int>? categoryLeaves)
    {
        filter.Validate();
        var query = Query(db, actor, queue, now);
        if (filter.Number is { } number) query = query.Where(t => t.Number == number);
        if (categoryLeaves is not null) query = query.Where(t => categoryLeaves.Contains(t.CategoryId));
        if (filter.Urgency is { } urgency) query = query.Where(t => t.Urgency == urgency);
        var (from, before) = filter.DueBounds;
        if (from is { } f) query = query.Where(t => (t.State == TicketState.Dispatched ? t.SignDueAt : t.FinishDueAt) >= f);
        if (before is { } b) query = query.Where(t => (t.State == TicketState.Dispatched ? t.SignDueAt : t.FinishDueAt) < b);
        var sort = filter.Sort ?? DefaultSort(queue);
        if (filter.Words is { } words)
            // Bounded: the words are looked for among the first WordScanLimit tickets of the narrowed queue, never over every description.
            query = Order(query, sort).TakeLiteral(QueueFilter.WordScanLimit).Where(t => t.Description.Contains(words));
        return query;
    }

    // Tickets without a running deadline come last on both databases (SQLite would put nulls first, PostgreSQL last), so
    // that the list and the export's keyset agree on one order.
    internal static IOrderedQueryable<Ticket> Order(IQueryable<Ticket> query, QueueSort sort) => sort switch
    {
        QueueSort.Urgency => query.OrderByDescending(t => t.Urgency)
            .ThenBy(t => (t.State == TicketState.Dispatched ? t.SignDueAt : t.FinishDueAt) == null)
            .ThenBy(t => t.State == TicketState.Dispatched ? t.SignDueAt : t.FinishDueAt).ThenBy(t => t.Id),
        QueueSort.Due => query.OrderBy(t => (t.State == TicketState.Dispatched ? t.SignDueAt : t.FinishDueAt) == null)
            .ThenBy(t => t.State == TicketState.Dispatched ? t.SignDueAt : t.FinishDueAt).ThenBy(t => t.Id),
        _ => query.OrderBy(t => t.CreatedAt).ThenBy(t => t.Id),
    };

    /// <summary>
    /// Every queue's count in one grouped query over the unit's open tickets (by state, overdue and due-soon: at most a few
    /// dozen groups, added up here by the queues' own rules), plus one each for the summons a department has not reported in and for the escalated ones.
    /// </summary>
    public static async Task<Dictionary<Queue, long>> CountAsync(RequestsDbContext db, Actor actor, DateTime now, CancellationToken ct)
    {
        var soon = now.AddHours(DueSoonHours);
        // A department's tickets, those assigned to it and those it co-handles, are counted in two queries: one with the OR
        // read every open ticket of the city and every unit row of the department (570 ms in the full city; apart: 1 + 28 ms).
        var parts = actor.DepartmentCode is { } department
            ? new[]
            {
                db.Tickets.AsNoTracking().Where(t => OpenStates.Contains(t.State) && t.AssignedUnitCode == department),
                db.Tickets.AsNoTracking().Where(t => OpenStates.Contains(t.State) && t.AssignedUnitCode != department
                                                     && t.Units.Any(u => u.UnitCode == department && u.Role == UnitRole.CoHandler && u.IsActive)),
            }
            : [Unit(db, actor)];
        var groups = new List<QueueGroup>();
        foreach (var part in parts)
            groups.AddRange(await part
                .GroupBy(t => new
                {
                    t.State, t.IsOverdue,
                    DueSoon = (t.State == TicketState.Dispatched && t.SignDueAt > now && t.SignDueAt <= soon)
                              || (t.State == TicketState.InProgress && t.FinishDueAt > now && t.FinishDueAt <= soon),
                })
                .Select(g => new QueueGroup(g.Key.State, g.Key.IsOverdue, g.Key.DueSoon, g.LongCount()))
                .ToListAsync(ct));
        long Sum(Func<TicketState, bool, bool, bool> inQueue) => groups.Where(g => inQueue(g.State, g.IsOverdue, g.DueSoon)).Sum(g => g.Count);
        var all = new Dictionary<Queue, long>
        {
            [Queue.ToDispatch] = Sum((s, _, _) => s is TicketState.Received or TicketState.Returned),
            [Queue.ToSign] = Sum((s, _, _) => s == TicketState.Dispatched),
            [Queue.InProgress] = Sum((s, _, _) => s is TicketState.InProgress or TicketState.Suspended),
            [Queue.DueSoon] = Sum((_, overdue, dueSoon) => !overdue && dueSoon),
            [Queue.Overdue] = Sum((s, overdue, _) => overdue && Unanswered.Contains(s)),
            [Queue.ToVisit] = Sum((s, _, _) => s == TicketState.Replied),
        };
        var counts = new Dictionary<Queue, long>();
        foreach (var queue in For(actor))
            counts[queue] = queue switch
            {
                Queue.ToReportIn => await ToReportIn(db, actor).LongCountAsync(ct),
                Queue.Escalated => await Escalated(db).LongCountAsync(ct),
                _ => all[queue],
            };
        return counts;
    }

    private sealed record QueueGroup(TicketState State, bool IsOverdue, bool DueSoon, long Count);

    public static void Map(IEndpointRouteBuilder api) =>
        api.MapGet("/queues/{queue}", async Task<Ok<Paged<QueueItem>>> (Queue queue, int? page, int? pageSize, int? categoryId, Urgency? urgency,
                DateOnly? dueFrom, DateOnly? dueTo, string? text, QueueSort? sort, HttpContext http, IAreaScope scope,
                RequestsDbContext db, CategoryCatalog catalog, TimeProvider clock, CancellationToken ct) =>
            {
                var filter = new QueueFilter(categoryId, urgency, dueFrom, dueTo, text, sort);
                var leaves = filter.CategoryLeaves((await catalog.GetAsync(ct)).Tree);
                return TypedResults.Ok(await ListAsync(db, Actor.From(http.User, scope), queue, clock.GetUtcNow().UtcDateTime, filter, leaves, page, pageSize, ct));
            })
            .WithName("TicketQueue")
            .WithSummary("A work list of the caller's unit: ToDispatch, ToSign, InProgress, DueSoon (within 24 hours), Overdue, ToReportIn, ToVisit, Escalated (summons unanswered past their time: the district and the centre); filtered by categoryId (any level), urgency, dueFrom/dueTo (China dates, the running deadline) and text (a 14-digit ticket number, or 2–50 characters of the description, looked for among the first 10,000 tickets of the narrowed queue), sorted by sort (Due, Created, Urgency); paginated (the total counts up to 10,000, `totalIsCapped`; page numbers reach the first 10,000).");
}
