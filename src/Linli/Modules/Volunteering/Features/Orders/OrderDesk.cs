using System.Globalization;
using Linli.Modules.Regions.Contracts;
using Linli.Modules.Residents.Contracts;
using Linli.Modules.Volunteering.Data;
using Linli.Modules.Volunteering.Domain;
using Linli.Platform.Auth;
using Linli.Platform.Errors;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Linli.Modules.Volunteering.Features.Orders;

/// <summary>
/// 群众点单 → 社区派单 → 党员接单: posts, dispatches, claims, completes and cancels orders. Every move is one conditional
/// UPDATE on the order's state (<see cref="OrderTransitions"/>), so two moves that race cannot both happen; a claim also
/// requires a place left (claimed &lt; capacity) in that same statement, so the capacity is never exceeded.
/// </summary>
internal sealed class OrderDesk(VolunteeringDbContext db, IRegionDirectory regions, IVolunteerResidents residents, IAreaScope scope, TimeProvider clock,
    IHttpContextAccessor http)
{
    private bool CallerIsVolunteer => http.HttpContext?.User.IsInRole(Roles.Volunteer) == true;

    public async Task<VolunteerOrder> PostAsync(PostOrderRequest request, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var community = request.CommunityCode!.Trim();
        var errors = new Dictionary<string, Phrase[]>();
        if (!Skills.IsOne(request.Skill!.Value)) errors["skill"] = [new Phrase("服务技能不在清单内。")];
        var starts = request.StartsAt!.Value.UtcDateTime;
        var ends = request.EndsAt!.Value.UtcDateTime;
        if (ends <= starts) errors["endsAt"] = [new Phrase("结束时间须晚于开始时间。")];
        else if (ends - starts > TimeSpan.FromDays(1)) errors["endsAt"] = [new Phrase("一次服务不能超过 24 小时。")];
        if (ends <= now) errors["endsAt"] = [new Phrase("服务时间已经过去。")];
        if (await regions.FindAsync(community, ct) is not { Level: RegionLevel.Community })
            errors["communityCode"] = [new Phrase("没有代码为 {0} 的社区（村）。", community)];
        if (request.ResidentId is { } residentId && !errors.ContainsKey("communityCode")
            && (await residents.FindAsync(residentId, ct) is not { } resident || resident.CommunityCode != community))
            errors["residentId"] = [new Phrase("社区 {0} 没有编号为 {1} 的居民。", community, residentId)];
        if (errors.Count > 0) throw new ValidationFailedException(errors);
        // Staff post in their own area (a worker on behalf of a resident of it); a resident posts for the community they name.
        if (scope.RegionPrefix is not null && !scope.Covers(community)) throw new ForbiddenException("只能为本辖区 {0} 内的社区点单。", scope.RegionPrefix);
        var order = new VolunteerOrder
        {
            CommunityCode = community, Skill = request.Skill!.Value, Title = request.Title!.Trim(), Description = request.Description?.Trim(),
            StartsAt = starts, EndsAt = ends, Capacity = request.Capacity ?? 1, State = OrderState.Open, ResidentId = request.ResidentId,
            PostedBy = scope.UserName ?? "", PostedAt = now,
        };
        db.Orders.Add(order);
        await db.SaveChangesAsync(ct);
        return order;
    }

    public async Task<VolunteerOrder> FindAsync(long id, CancellationToken ct) =>
        await db.Orders.AsNoTracking().FirstOrDefaultAsync(o => o.Id == id, ct) ?? throw new NotFoundException("志愿服务订单 {0} 不存在。", id);

    public async Task<IReadOnlyList<ClaimItem>> ClaimsAsync(long orderId, CancellationToken ct) =>
        // The claimants' names whatever their own community: they took an order of the caller's area.
        await (from c in db.Claims.AsNoTracking()
               where c.OrderId == orderId
               join v in db.Volunteers.IgnoreQueryFilters() on c.VolunteerId equals v.Id
               orderby c.ClaimedAt, c.Id
               select new ClaimItem(v.Id, v.Name, c.ClaimedAt)).ToListAsync(ct);

    public Task<VolunteerOrder> DispatchAsync(long id, CancellationToken ct) =>
        MoveAsync(id, OrderAction.Dispatch, (s, now) => s.SetProperty(o => o.DispatchedAt, now), ct);

    public async Task<VolunteerOrder> CancelAsync(long id, string reason, CancellationToken ct) =>
        await MoveAsync(id, OrderAction.Cancel, (s, now) => s.SetProperty(o => o.CancelledAt, now).SetProperty(o => o.CancelReason, reason.Trim()), ct);

    /// <summary>
    /// One move of the table, as a conditional UPDATE (WHERE state IN the states it may be taken from): when another move got
    /// there first the update changes no row and the caller gets a 409 saying the state the order is in now.
    /// </summary>
    public async Task<VolunteerOrder> MoveAsync(long id, OrderAction action,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<VolunteerOrder>, DateTime> also, CancellationToken ct,
        Func<IQueryable<VolunteerOrder>, IQueryable<VolunteerOrder>>? condition = null)
    {
        var order = await FindAsync(id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var to = OrderTransitions.Next(order.State, action) ?? throw Illegal(order, action);
        var from = OrderTransitions.From(action);
        var query = db.Orders.Where(o => o.Id == id && from.Contains(o.State));
        if (condition is not null) query = condition(query);
        var changed = await query.ExecuteUpdateAsync(s =>
        {
            s.SetProperty(o => o.State, to);
            also(s, now);
        }, ct);
        var after = await FindAsync(id, ct);
        if (changed == 0) throw Illegal(after, action);
        return after;
    }

    /// <summary>
    /// 接单: a volunteer takes one place. A volunteer account claims for itself (an order of the community it serves); a
    /// worker claims for a volunteer of the area (for a volunteer without a phone). The place is taken by one conditional
    /// UPDATE first (claimed + 1 WHERE state = Dispatched AND claimed &lt; capacity), then the claim row is written in the same
    /// transaction; its unique index refuses a volunteer taking the same order twice, and the place is given back with it.
    /// </summary>
    public async Task<VolunteerOrder> ClaimAsync(long id, ClaimOrderRequest request, CancellationToken ct)
    {
        Volunteer volunteer;
        VolunteerOrder order;
        if (CallerIsVolunteer)
        {
            // The volunteer's own record and the orders of the community they serve, whatever the (empty) scope of the account.
            var user = scope.UserName;
            volunteer = await db.Volunteers.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(v => v.AccountUserName == user, ct)
                        ?? throw new ForbiddenException("该账号没有关联志愿者登记。");
            if (request.VolunteerId is { } other && other != volunteer.Id) throw ValidationFailedException.For("volunteerId", "志愿者只能为自己接单。");
            order = await db.Orders.IgnoreQueryFilters().AsNoTracking().FirstOrDefaultAsync(o => o.Id == id && o.CommunityCode == volunteer.CommunityCode, ct)
                    ?? throw new NotFoundException("志愿服务订单 {0} 不存在。", id);
        }
        else
        {
            order = await FindAsync(id, ct);
            if (request.VolunteerId is not { } volunteerId) throw ValidationFailedException.For("volunteerId", "必填。");
            volunteer = await db.Volunteers.AsNoTracking().FirstOrDefaultAsync(v => v.Id == volunteerId, ct)
                        ?? throw ValidationFailedException.For("volunteerId", "没有编号为 {0} 的志愿者。", volunteerId);
        }
        if (!OrderTransitions.Allows(order.State, OrderAction.Claim)) throw Illegal(order, OrderAction.Claim);
        // A volunteer cannot be in two places at once: an order of theirs, not cancelled, whose time overlaps this one's.
        var overlapping = await db.Claims.IgnoreQueryFilters().Where(c => c.VolunteerId == volunteer.Id && c.OrderId != id)
            .Join(db.Orders.IgnoreQueryFilters(), c => c.OrderId, o => o.Id, (c, o) => o)
            .AnyAsync(o => o.State != OrderState.Cancelled && o.StartsAt < order.EndsAt && order.StartsAt < o.EndsAt, ct);
        if (overlapping) throw new ConflictException(new Phrase("该志愿者在这段时间已接了其他订单。"), new Dictionary<string, object?> { ["reason"] = "overlap" });

        var now = clock.GetUtcNow().UtcDateTime;
        var claimable = OrderTransitions.ClaimableState;
        var filled = OrderTransitions.AfterClaim(1, 1);
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // The place first: the write lock comes before anything else of the transaction (SQLite never upgrades a read).
            var took = await db.Orders.IgnoreQueryFilters()
                .Where(o => o.Id == id && o.State == claimable && o.Claimed < o.Capacity)
                .ExecuteUpdateAsync(s => s
                    .SetProperty(o => o.Claimed, o => o.Claimed + 1)
                    .SetProperty(o => o.State, o => o.Claimed + 1 >= o.Capacity ? filled : claimable), ct);
            if (took == 0)
            {
                await transaction.RollbackAsync(ct);
                throw Illegal(await db.Orders.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == id, ct), OrderAction.Claim);
            }
            db.Claims.Add(new OrderClaim { OrderId = id, VolunteerId = volunteer.Id, CommunityCode = order.CommunityCode, ClaimedAt = now, ClaimedBy = scope.UserName ?? "" });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
        }
        catch (DbUpdateException e) when (UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            throw new ConflictException(new Phrase("该志愿者已接过这个订单。"), new Dictionary<string, object?> { ["reason"] = "already-claimed" });
        }
        return await db.Orders.IgnoreQueryFilters().AsNoTracking().FirstAsync(o => o.Id == id, ct);
    }

    /// <summary>The 409 of a move the order's state does not allow, with the state and the places so a client can tell why.</summary>
    public static ConflictException Illegal(VolunteerOrder order, OrderAction action)
    {
        var details = new Dictionary<string, object?>
        {
            ["state"] = order.State.ToString(), ["claimed"] = order.Claimed, ["capacity"] = order.Capacity,
            ["reason"] = action == OrderAction.Claim && order.State == OrderState.Claimed ? "full" : "state",
        };
        return action == OrderAction.Claim && order.State == OrderState.Claimed
            ? new ConflictException(new Phrase("订单 {0} 的名额已满。", order.Id.ToString(CultureInfo.InvariantCulture)), details)
            : new ConflictException(new Phrase("订单 {0} 当前状态不能进行此操作。", order.Id.ToString(CultureInfo.InvariantCulture)), details);
    }
}
