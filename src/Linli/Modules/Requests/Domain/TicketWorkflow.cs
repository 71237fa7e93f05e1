using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Domain;

/// <summary>
/// The state machine of a ticket (§3). Each action checks who acts and the current state, changes the ticket, logs the
/// step, moves the stored deadlines and queues notifications — all in the one SaveChanges the caller makes, so an
/// action is applied whole or not at all. An action that does not fit the state is a 409 carrying the current state.
/// </summary>
internal sealed class TicketWorkflow(
    RequestsDbContext db, WorkingCalendar calendar, TimeProvider clock, IOptions<RequestsOptions> options, IDepartmentDirectory departments)
{
    private RequestsOptions Options => options.Value;
    private DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    /// <summary>The ticket with its units, inside the caller's scope (else 404), at the version the caller saw (else 409).</summary>
    public async Task<Ticket> LoadAsync(long id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.Include(t => t.Units).FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
                     ?? throw new NotFoundException($"Ticket {id} does not exist.");
        if (expectedVersion is { } v && v != ticket.Version)
            throw Conflict(ticket, $"The ticket was changed (version {ticket.Version}, not {v}); reload it.");
        await db.Deadlines.Where(d => d.TicketId == id && d.ClosedAt == null).LoadAsync(cancellationToken);
        return ticket;
    }

    /// <summary>Saves the action; a concurrent change that got there first makes it a 409 with the state it left.</summary>
    public async Task SaveAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            db.ChangeTracker.Clear();
            var current = await db.Tickets.AsNoTracking().Where(t => t.Id == ticket.Id).Select(t => new { t.State, t.Version }).FirstAsync(cancellationToken);
            throw new ConflictException("Someone else acted on the ticket first; reload it.",
                new Dictionary<string, object?> { ["state"] = current.State.ToString(), ["version"] = current.Version });
        }
    }

    public static ConflictException Conflict(Ticket ticket, string message) =>
        new(message, new Dictionary<string, object?> { ["state"] = ticket.State.ToString(), ["version"] = ticket.Version });

    private static void Require(Ticket ticket, string action, params TicketState[] states)
    {
        if (!states.Contains(ticket.State))
            throw Conflict(ticket, $"A ticket that is {ticket.State} cannot be {action}.");
    }

    private static void Allow(bool allowed, string message)
    {
        if (!allowed) throw new ForbiddenException(message);
    }

    // ---- intake -------------------------------------------------------------------------------------------------

    public void Filed(Ticket ticket, Actor actor)
    {
        ticket.CreatedAt = ticket.UpdatedAt = Now;
        ticket.CreatedBy = actor.UserName;
        db.Tickets.Add(ticket);
        Log(ticket, actor, TicketActionKind.File, TicketState.Received, null);
        NotifyReporter(ticket, "诉求已受理", $"您的诉求 {ticket.Number} 已受理。");
    }

    // ---- the centre sends it out ----------------------------------------------------------------------------------

    public async Task DispatchAsync(Ticket ticket, Actor actor, string? unitCode, string? opinion, CancellationToken cancellationToken)
    {
        Allow(actor.IsCentre, "Only the centre dispatches tickets.");
        Require(ticket, "dispatched", TicketState.Received, TicketState.Returned);
        var rule = await db.RoutingRules.AsNoTracking().FirstAsync(r => r.Id == ticket.RoutingRuleId, cancellationToken);
        var unit = string.IsNullOrWhiteSpace(unitCode) ? rule.DepartmentCode ?? ticket.CommunityCode
            : unitCode == "community" ? ticket.CommunityCode : unitCode.Trim();
        if (!Recipients.IsRegionCode(unit) && await departments.FindAsync(unit, cancellationToken) is not { IsActive: true })
            throw ValidationFailedException.For("UnitCode", $"No active department '{unit}'.");
        if (Recipients.IsRegionCode(unit) && unit != ticket.CommunityCode)
            throw ValidationFailedException.For("UnitCode", "A ticket goes to a department or to the community where it happened.");
        SendTo(ticket, unit, rule);
        Log(ticket, actor, TicketActionKind.Dispatch, TicketState.Dispatched, opinion, unit);
        Notify(Recipients.Unit(unit), ticket, "新派工单", $"工单 {ticket.Number} 已派至本单位，请在 {Local(ticket.SignDueAt)} 前签收。");
        NotifyReporter(ticket, "诉求已派发", $"您的诉求 {ticket.Number} 已派至承办单位。");
    }

    /// <summary>Makes <paramref name="unit"/> the lead and starts its sign and finish clocks under the ticket's rule version.</summary>
    private void SendTo(Ticket ticket, string unit, RoutingRule rule)
    {
        foreach (var lead in ticket.Units.Where(u => u.Role == UnitRole.Lead)) lead.IsActive = false;
        var existing = ticket.Units.FirstOrDefault(u => u.Role == UnitRole.Lead && u.UnitCode == unit);
        if (existing is not null) existing.IsActive = true;
        else ticket.Units.Add(new TicketUnit { UnitCode = unit, Role = UnitRole.Lead, AddedAt = Now });
        ticket.AssignedUnitCode = unit;
        ticket.DispatchedAt = Now;
        ticket.SignedAt = null;
        ticket.SignDueAt = calendar.AddWorkingTime(Now, rule.SignWithin(ticket.Urgency));
        ticket.FinishDueAt = calendar.AddWorkingDays(Now, rule.FinishWithinDays(ticket.Urgency));
        CloseDeadlines(ticket, DeadlineKind.Sign, DeadlineKind.Finish);
        AddDeadline(ticket, DeadlineKind.Sign, unit, ticket.SignDueAt.Value);
        AddDeadline(ticket, DeadlineKind.Finish, unit, ticket.FinishDueAt.Value);
    }

    // ---- the unit -----------------------------------------------------------------------------------------------------

    public void Sign(Ticket ticket, Actor actor, string? opinion)
    {
        Allow(actor.ActsFor(ticket.AssignedUnitCode), "Only the unit the ticket was sent to signs for it.");
        Require(ticket, "signed for", TicketState.Dispatched);
        ticket.SignedAt = Now;
        CloseDeadlines(ticket, DeadlineKind.Sign);
        Log(ticket, actor, TicketActionKind.Sign, TicketState.InProgress, opinion);
        NotifyReporter(ticket, "诉求办理中", $"您的诉求 {ticket.Number} 已由承办单位签收办理。");
    }

    public void Return(Ticket ticket, Actor actor, string reason)
    {
        Allow(actor.ActsFor(ticket.AssignedUnitCode), "Only the unit the ticket was sent to returns it.");
        Require(ticket, "returned", TicketState.Dispatched);
        var unit = ticket.AssignedUnitCode;
        foreach (var lead in ticket.Units.Where(u => u.Role == UnitRole.Lead)) lead.IsActive = false;
        ticket.AssignedUnitCode = null;
        ticket.ReturnCount++;
        ticket.SignDueAt = ticket.FinishDueAt = null;
        CloseDeadlines(ticket, DeadlineKind.Sign, DeadlineKind.Finish);
        Log(ticket, actor, TicketActionKind.Return, TicketState.Returned, reason, unit);
        Notify(Recipients.Centre(ticket), ticket, "工单被退回", $"工单 {ticket.Number} 被 {unit} 退回：{reason}");
    }

    public async Task AddCoHandlersAsync(Ticket ticket, Actor actor, IReadOnlyList<string> unitCodes, string? opinion, CancellationToken cancellationToken)
    {
        Allow(actor.ActsFor(ticket.AssignedUnitCode) || actor.IsCentre, "Only the lead unit or the centre adds co-handling units.");
        Require(ticket, "given co-handlers", TicketState.InProgress);
        var added = new List<string>();
        foreach (var code in await ActiveDepartmentsAsync(unitCodes, "UnitCodes", cancellationToken))
        {
            if (code == ticket.AssignedUnitCode || ticket.Units.Any(u => u.Role == UnitRole.CoHandler && u.UnitCode == code)) continue;
            ticket.Units.Add(new TicketUnit { UnitCode = code, Role = UnitRole.CoHandler, AddedAt = Now });
            Notify(Recipients.Department(code), ticket, "加派工单", $"工单 {ticket.Number} 加派本单位协办。");
            added.Add(code);
        }
        Log(ticket, actor, TicketActionKind.AddCoHandlers, ticket.State, Join(opinion, added));
    }

    public void RequestExtension(Ticket ticket, Actor actor, int days, string reason)
    {
        Allow(actor.ActsFor(ticket.AssignedUnitCode), "Only the lead unit asks for more time.");
        Require(ticket, "extended", TicketState.InProgress);
        if (ticket.ExtensionRequestedDays is not null) throw Conflict(ticket, "An extension request is already waiting for a decision.");
        ticket.ExtensionRequestedDays = days;
        ticket.ExtensionReason = reason;
        Log(ticket, actor, TicketActionKind.RequestExtension, ticket.State, $"{days} 个工作日：{reason}");
        Notify(Recipients.Centre(ticket), ticket, "延期申请", $"工单 {ticket.Number} 申请延期 {days} 个工作日：{reason}");
    }

    public void DecideExtension(Ticket ticket, Actor actor, bool approve, string? opinion)
    {
        Allow(actor.IsCentre || actor.Supervises(ticket.CommunityCode), "Only the centre or the street and district over the place decide extensions.");
        if (ticket.ExtensionRequestedDays is not { } days) throw Conflict(ticket, "No extension request is waiting.");
        Require(ticket, "extended", TicketState.InProgress, TicketState.Suspended);
        if (approve)
        {
            ticket.FinishDueAt = calendar.AddWorkingDays(ticket.FinishDueAt ?? Now, days);
            if (ticket.State == TicketState.InProgress)
            {
                CloseDeadlines(ticket, DeadlineKind.Finish);
                AddDeadline(ticket, DeadlineKind.Finish, ticket.AssignedUnitCode!, ticket.FinishDueAt.Value);
            }
        }
        ticket.ExtensionRequestedDays = null;
        ticket.ExtensionReason = null;
        Log(ticket, actor, approve ? TicketActionKind.ApproveExtension : TicketActionKind.RefuseExtension, ticket.State, opinion);
        Notify(Recipients.Unit(ticket.AssignedUnitCode!), ticket, approve ? "延期已批准" : "延期未批准",
            approve ? $"工单 {ticket.Number} 延期已批准，新的办结时限 {Local(ticket.FinishDueAt)}。" : $"工单 {ticket.Number} 延期未批准。{opinion}");
    }

    public void Suspend(Ticket ticket, Actor actor, string reason)
    {
        Allow(actor.ActsFor(ticket.AssignedUnitCode), "Only the lead unit suspends a ticket.");
        Require(ticket, "suspended", TicketState.InProgress);
        ticket.SuspendedAt = Now;
        CloseDeadlines(ticket, DeadlineKind.Finish); // the clock stops while the ticket waits
        Log(ticket, actor, TicketActionKind.Suspend, TicketState.Suspended, reason);
        NotifyReporter(ticket, "诉求挂起", $"您的诉求 {ticket.Number} 暂时挂起：{reason}");
    }

    public void Resume(Ticket ticket, Actor actor, string? reason)
    {
        Allow(actor.ActsFor(ticket.AssignedUnitCode) || actor.IsCentre, "Only the lead unit or the centre resumes a ticket.");
        Require(ticket, "resumed", TicketState.Suspended);
        // The time spent suspended does not count: the finish deadline moves by as much.
        if (ticket.FinishDueAt is { } due && ticket.SuspendedAt is { } since) ticket.FinishDueAt = due + (Now - since);
        ticket.SuspendedAt = null;
        AddDeadline(ticket, DeadlineKind.Finish, ticket.AssignedUnitCode!, ticket.FinishDueAt ?? Now);
        Log(ticket, actor, TicketActionKind.Resume, TicketState.InProgress, reason);
        NotifyReporter(ticket, "诉求恢复办理", $"您的诉求 {ticket.Number} 已恢复办理。");
    }

    // ---- whistle and report-in (吹哨报到) ---------------------------------------------------------------------------------

    public async Task WhistleAsync(Ticket ticket, Actor actor, IReadOnlyList<string> departmentCodes, string? opinion, CancellationToken cancellationToken)
    {
        Allow(actor.WorksIn(ticket.CommunityCode), "Only a grid or community worker of the place blows the whistle.");
        Require(ticket, "whistled for", TicketState.Received, TicketState.Dispatched, TicketState.InProgress);
        var within = TimeSpan.FromMinutes(ticket.Urgency == Urgency.Urgent ? Options.ReportInMinutesUrgent : Options.ReportInMinutesNormal);
        var summoned = new List<string>();
        foreach (var code in await ActiveDepartmentsAsync(departmentCodes, "DepartmentCodes", cancellationToken))
        {
            if (ticket.PendingSummons.Any(u => u.UnitCode == code)) continue;
            var due = calendar.AddWorkingTime(Now, within);
            ticket.Units.Add(new TicketUnit { UnitCode = code, Role = UnitRole.Summoned, AddedAt = Now, ReportDueAt = due });
            AddDeadline(ticket, DeadlineKind.ReportIn, code, due);
            Notify(Recipients.Department(code), ticket, "吹哨报到", $"工单 {ticket.Number}（{ticket.CommunityCode}）吹哨，请在 {Local(due)} 前报到。");
            summoned.Add(code);
        }
        Log(ticket, actor, TicketActionKind.Whistle, ticket.State, Join(opinion, summoned));
    }

    public void ReportIn(Ticket ticket, Actor actor, string report)
    {
        var summons = ticket.PendingSummons.FirstOrDefault(u => u.UnitCode == actor.DepartmentCode);
        Allow(summons is not null || ticket.Units.Any(u => u.Role == UnitRole.Summoned && u.UnitCode == actor.DepartmentCode),
            "Only a summoned department reports in.");
        if (summons is null) throw Conflict(ticket, "Your department has already reported in.");
        Require(ticket, "reported in", TicketState.Received, TicketState.Dispatched, TicketState.InProgress, TicketState.Suspended, TicketState.Returned);
        summons.ReportedAt = Now;
        summons.Report = report;
        foreach (var d in db.Deadlines.Local.Where(d => d.TicketId == ticket.Id && d.Kind == DeadlineKind.ReportIn && d.UnitCode == summons.UnitCode && d.ClosedAt == null))
            d.ClosedAt = Now;
        Log(ticket, actor, TicketActionKind.ReportIn, ticket.State, report);
        Notify(Recipients.Area(ticket.CommunityCode), ticket, "部门已报到", $"工单 {ticket.Number}：{summons.UnitCode} 已报到。");
    }

    private void RequireAllReported(Ticket ticket, string action)
    {
        var pending = ticket.PendingSummons.Select(u => u.UnitCode).ToList();
        if (pending.Count > 0)
            throw new ConflictException($"The ticket cannot be {action} while summoned departments have not reported in: {string.Join(", ", pending)}.",
                new Dictionary<string, object?> { ["state"] = ticket.State.ToString(), ["version"] = ticket.Version, ["pendingDepartments"] = pending });
    }

    // ---- closing the loop -------------------------------------------------------------------------------------------

    public async Task ReplyAsync(Ticket ticket, Actor actor, string reply, CancellationToken cancellationToken)
    {
        Allow(actor.ActsFor(ticket.AssignedUnitCode), "Only the lead unit replies.");
        Require(ticket, "replied", TicketState.InProgress);
        RequireAllReported(ticket, "replied");
        Replied(ticket, actor, reply);
        // Merged duplicates follow the first: each of their reporters gets the reply too.
        foreach (var follower in await FollowersAsync(ticket, cancellationToken)) Replied(follower, actor, reply);
    }

    private void Replied(Ticket ticket, Actor actor, string reply)
    {
        ticket.Reply = reply;
        ticket.RepliedAt = Now;
        CloseDeadlines(ticket, DeadlineKind.Finish);
        Log(ticket, actor, TicketActionKind.Reply, ticket.State == TicketState.Merged ? TicketState.Merged : TicketState.Replied, reply);
        NotifyReporter(ticket, "诉求已答复，请评价", $"您的诉求 {ticket.Number} 已答复：{reply}。请对办理结果进行评价（满意/基本满意/不满意）。");
    }

    public async Task EvaluateAsync(Ticket ticket, Actor actor, Rating rating, string? opinion, CancellationToken cancellationToken)
    {
        Allow(actor.IsCentre || (actor.UserId is not null && actor.UserId == ticket.ReporterUserId), "Only the centre (visit back) or the resident rates a ticket.");
        Require(ticket, "rated", TicketState.Replied);
        ticket.Rating = rating;
        if (rating != Rating.Dissatisfied || ticket.ReopenCount >= Options.MaxReopens)
        {
            Log(ticket, actor, TicketActionKind.Evaluate, TicketState.Closed, Join(opinion, [rating.ToString()]));
            await ClosedAsync(ticket, cancellationToken);
            return;
        }
        // Dissatisfied: handled again (重办) by the same unit, under supervision (督办).
        Log(ticket, actor, TicketActionKind.Evaluate, ticket.State, Join(opinion, [rating.ToString()]));
        ticket.ReopenCount++;
        ticket.UnderSupervision = true;
        ticket.Reply = null;
        ticket.RepliedAt = null;
        db.Supervisions.Add(new Supervision { TicketId = ticket.Id, Reason = SupervisionReason.Dissatisfied, UnitCode = ticket.AssignedUnitCode, CreatedAt = Now });
        var rule = await db.RoutingRules.AsNoTracking().FirstAsync(r => r.Id == ticket.RoutingRuleId, cancellationToken);
        SendTo(ticket, ticket.AssignedUnitCode!, rule);
        Log(ticket, actor, TicketActionKind.Reopen, TicketState.Dispatched, $"第 {ticket.ReopenCount} 次重办（督办）", ticket.AssignedUnitCode);
        Notify(Recipients.Unit(ticket.AssignedUnitCode!), ticket, "重办督办", $"工单 {ticket.Number} 群众不满意，重办并督办，请在 {Local(ticket.SignDueAt)} 前签收。");
        foreach (var supervisor in Recipients.Supervisors(ticket)) Notify(supervisor, ticket, "督办", $"工单 {ticket.Number} 群众不满意，已重办督办。");
        NotifyReporter(ticket, "诉求重办", $"您的诉求 {ticket.Number} 将重新办理。");
    }

    /// <summary>Closes a replied ticket without a rating, or answers a new one directly (直接答复) and closes it at once.</summary>
    public async Task CloseAsync(Ticket ticket, Actor actor, string opinion, CancellationToken cancellationToken)
    {
        Allow(actor.IsCentre, "Only the centre closes tickets.");
        Require(ticket, "closed", TicketState.Received, TicketState.Replied);
        RequireAllReported(ticket, "closed");
        if (ticket.State == TicketState.Received)
        {
            ticket.Reply = opinion;
            ticket.RepliedAt = Now;
            Log(ticket, actor, TicketActionKind.AnswerDirectly, TicketState.Closed, opinion);
            NotifyReporter(ticket, "诉求已答复", $"您的诉求 {ticket.Number} 已直接答复：{opinion}");
            foreach (var follower in await FollowersAsync(ticket, cancellationToken)) Replied(follower, actor, opinion);
        }
        else Log(ticket, actor, TicketActionKind.Close, TicketState.Closed, opinion);
        await ClosedAsync(ticket, cancellationToken);
    }

    private async Task ClosedAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        ticket.ClosedAt = Now;
        CloseDeadlines(ticket, DeadlineKind.Sign, DeadlineKind.Finish, DeadlineKind.ReportIn);
        foreach (var s in await db.Supervisions.Where(s => s.TicketId == ticket.Id && s.ResolvedAt == null).ToListAsync(cancellationToken)) s.ResolvedAt = Now;
        NotifyReporter(ticket, "诉求已办结", $"您的诉求 {ticket.Number} 已办结。");
        foreach (var follower in await FollowersAsync(ticket, cancellationToken))
        {
            follower.ClosedAt = Now;
            Log(follower, Actor.System, TicketActionKind.Close, TicketState.Merged, $"随 {ticket.Number} 办结");
        }
    }

    // ---- the resident's side ------------------------------------------------------------------------------------------

    /// <summary>
    /// A comment the resident adds (passed on by an Open311 client): written in the history, where the handling unit reads
    /// it, and sent to the unit handling the ticket (the centre while no unit has it). Taken in any state; changes none.
    /// </summary>
    public TicketAction Commented(Ticket ticket, Actor actor, string comment)
    {
        Log(ticket, actor, TicketActionKind.Comment, ticket.State, comment);
        var unit = ticket.AssignedUnitCode is { } assigned && ticket.State is TicketState.Dispatched or TicketState.InProgress or TicketState.Suspended or TicketState.Replied
            ? Recipients.Unit(assigned) : Recipients.Centre(ticket);
        Notify(unit, ticket, "群众补充意见", $"工单 {ticket.Number} 收到群众补充：{(comment.Length <= 200 ? comment : comment[..200] + "…")}");
        return ticket.Actions[^1];
    }

    // ---- duplicates --------------------------------------------------------------------------------------------------

    public void Merge(Ticket ticket, Ticket into, Actor actor)
    {
        Allow(actor.IsCentre, "Only the centre merges tickets.");
        Require(ticket, "merged", TicketState.Received, TicketState.Returned);
        if (into.Id == ticket.Id) throw ValidationFailedException.For("IntoTicketId", "A ticket cannot be merged into itself.");
        if (!into.IsOpen) throw Conflict(into, $"Ticket {into.Number} is {into.State}; merge into an open one.");
        ticket.MergedIntoId = into.Id;
        CloseDeadlines(ticket, DeadlineKind.Sign, DeadlineKind.Finish);
        Log(ticket, actor, TicketActionKind.Merge, TicketState.Merged, $"并入 {into.Number}");
        Log(into, actor, TicketActionKind.Merge, into.State, $"并入 {ticket.Number}");
        NotifyReporter(ticket, "诉求已合并", $"您的诉求 {ticket.Number} 与 {into.Number} 为同一问题，将一并办理答复。");
    }

    // Unfiltered on purpose: merged duplicates may lie outside the caller's scope, yet must share the reply and the
    // closing. Only written to here, never returned to the caller — do not copy this into a read path.
    private async Task<List<Ticket>> FollowersAsync(Ticket ticket, CancellationToken cancellationToken) =>
        await db.Tickets.IgnoreQueryFilters().Where(t => t.MergedIntoId == ticket.Id && t.State == TicketState.Merged).ToListAsync(cancellationToken);

    // ---- plumbing ------------------------------------------------------------------------------------------------------

    private async Task<List<string>> ActiveDepartmentsAsync(IReadOnlyList<string> codes, string field, CancellationToken cancellationToken)
    {
        var active = (await departments.ListAsync(cancellationToken: cancellationToken)).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var wanted = codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (wanted.Count == 0) throw ValidationFailedException.For(field, "Name at least one department.");
        if (wanted.FirstOrDefault(c => !active.Contains(c)) is { } unknown) throw ValidationFailedException.For(field, $"No active department '{unknown}'.");
        return wanted;
    }

    private void Log(Ticket ticket, Actor actor, TicketActionKind action, TicketState to, string? opinion, string? unit = null)
    {
        ticket.Actions.Add(new TicketAction
        {
            At = Now, UserId = actor.UserId, UserName = actor.UserName, UnitCode = unit ?? actor.Unit, Action = action,
            FromState = ticket.State, ToState = to, Opinion = opinion,
        });
        ticket.State = to;
        ticket.UpdatedAt = Now;
    }

    private void AddDeadline(Ticket ticket, DeadlineKind kind, string unit, DateTime dueAt) =>
        db.Deadlines.Add(new Deadline { Ticket = ticket, TicketId = ticket.Id, Kind = kind, UnitCode = unit, DueAt = dueAt });

    // Deadlines of this ticket the context has loaded or added; LoadAsync brings the open ones in.
    private void CloseDeadlines(Ticket ticket, params DeadlineKind[] kinds)
    {
        foreach (var d in db.Deadlines.Local.Where(d => d.TicketId == ticket.Id && kinds.Contains(d.Kind) && d.ClosedAt == null))
            d.ClosedAt = Now;
    }

    private void Notify(string recipient, Ticket ticket, string subject, string body) =>
        db.Outbox.Add(new OutboxMessage { Recipient = recipient, Subject = subject, Body = body, Ticket = ticket, CreatedAt = Now });

    private void NotifyReporter(Ticket ticket, string subject, string body)
    {
        if (Recipients.Reporter(ticket) is { } reporter) Notify(reporter, ticket, subject, body);
    }

    private static string? Join(string? opinion, IEnumerable<string> items)
    {
        var list = string.Join("、", items);
        return string.IsNullOrWhiteSpace(opinion) ? list : list.Length == 0 ? opinion : $"{opinion}（{list}）";
    }

    private static string Local(DateTime? utc) => utc is { } u ? WorkingCalendar.ToChina(u).ToString("yyyy-MM-dd HH:mm") : "";
}
