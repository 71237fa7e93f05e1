using Linli.Modules.Requests.Contracts;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;

namespace Linli.Modules.Requests.Domain;

/// <summary>
/// What each action of <see cref="TicketRules"/> does to a ticket, at a given time, without a database: every step first
/// asks the table (a 403 or 409 when it refuses), then changes the ticket, its units and its due times, and logs itself
/// with the state the table leads to. Notifications are the caller's: the workflow and the watcher send them, the
/// synthetic history does not. Inputs that need a lookup (departments, the routing rule) arrive checked.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Performance", "CA1822:Mark members as static",
    Justification = "Every step is a member of the one set of steps, whether or not it needs the calendar or the options.")]
internal sealed class TicketSteps(WorkingCalendar calendar, RequestsOptions options, ITicketLedger ledger)
{
    // ---- intake -------------------------------------------------------------------------------------------------------

    /// <summary>A new ticket, received; <paramref name="unit"/> names where it came in when that is not the filer's own unit.</summary>
    public void File(Ticket ticket, Actor actor, DateTime at, string? unit = null)
    {
        ticket.CreatedAt = ticket.UpdatedAt = at;
        ticket.CreatedBy = actor.UserName;
        Record(ticket, actor, TicketActionKind.File, TicketState.Received, at, null, unit);
    }

    /// <summary>
    /// A resident's comment (passed on by an Open311 client) in any state: like filing, it is not a transition of the table,
    /// only a line of the history.
    /// </summary>
    public void Comment(Ticket ticket, Actor actor, DateTime at, string comment) =>
        Record(ticket, actor, TicketActionKind.Comment, ticket.State, at, comment);

    // ---- the centre ---------------------------------------------------------------------------------------------------

    /// <summary>Makes <paramref name="unit"/> the lead and starts its sign and finish clocks under the ticket's rule version.</summary>
    public void Dispatch(Ticket ticket, Actor actor, DateTime at, string unit, RoutingRule rule, string? opinion)
    {
        var step = TicketRules.Require(TicketActionKind.Dispatch, actor, ticket);
        SendTo(ticket, unit, rule, at);
        Log(ticket, actor, step, at, opinion, unit);
    }

    /// <summary>Answers a new ticket at once (直接答复) and closes it.</summary>
    public void AnswerDirectly(Ticket ticket, Actor actor, DateTime at, string answer)
    {
        var step = TicketRules.Require(TicketActionKind.AnswerDirectly, actor, ticket);
        ticket.Reply = answer;
        ticket.RepliedAt = at;
        Log(ticket, actor, step, at, answer);
        Closed(ticket, at);
    }

    /// <summary>Closes a replied ticket without a rating.</summary>
    public void Close(Ticket ticket, Actor actor, DateTime at, string opinion)
    {
        var step = TicketRules.Require(TicketActionKind.Close, actor, ticket);
        Log(ticket, actor, step, at, opinion);
        Closed(ticket, at);
    }

    /// <summary>Makes <paramref name="ticket"/> follow <paramref name="into"/>, an earlier open ticket about the same problem.</summary>
    public void Merge(Ticket ticket, Ticket into, Actor actor, DateTime at)
    {
        var step = TicketRules.Require(TicketActionKind.Merge, actor, ticket);
        if (into.Id == ticket.Id) throw ValidationFailedException.For("IntoTicketId", "工单不能并入自身。");
        if (!into.IsOpen) throw TicketRules.Conflict(into, "工单 {0} 已不在办理中，请并入仍在办理的工单。", into.Number);
        ticket.MergedIntoId = into.Id;
        CloseDeadlines(ticket, at, DeadlineKind.Sign, DeadlineKind.Finish);
        Log(ticket, actor, step, at, $"并入 {into.Number}");
        Record(into, actor, TicketActionKind.Merge, into.State, at, $"并入 {ticket.Number}");
    }

    // ---- the unit -----------------------------------------------------------------------------------------------------

    public void Sign(Ticket ticket, Actor actor, DateTime at, string? opinion)
    {
        var step = TicketRules.Require(TicketActionKind.Sign, actor, ticket);
        ticket.SignedAt = at;
        CloseDeadlines(ticket, at, DeadlineKind.Sign);
        Log(ticket, actor, step, at, opinion);
    }

    /// <summary>Sends the ticket back to the centre; returns the unit that returned it.</summary>
    public string? Return(Ticket ticket, Actor actor, DateTime at, string reason)
    {
        var step = TicketRules.Require(TicketActionKind.Return, actor, ticket);
        var unit = ticket.AssignedUnitCode;
        foreach (var lead in ticket.Units.Where(u => u.Role == UnitRole.Lead)) lead.IsActive = false;
        ticket.AssignedUnitCode = null;
        ticket.ReturnCount++;
        ticket.SignDueAt = ticket.FinishDueAt = null;
        CloseDeadlines(ticket, at, DeadlineKind.Sign, DeadlineKind.Finish);
        Log(ticket, actor, step, at, reason, unit);
        return unit;
    }

    /// <summary>Adds the active departments given as co-handlers (加派); returns those that were not one already.</summary>
    public IReadOnlyList<string> AddCoHandlers(Ticket ticket, Actor actor, DateTime at, IReadOnlyList<string> departmentCodes, string? opinion)
    {
        var step = TicketRules.Require(TicketActionKind.AddCoHandlers, actor, ticket);
        var added = new List<string>();
        foreach (var code in departmentCodes)
        {
            if (code == ticket.AssignedUnitCode || ticket.Units.Any(u => u.Role == UnitRole.CoHandler && u.UnitCode == code)) continue;
            ticket.Units.Add(new TicketUnit { UnitCode = code, Role = UnitRole.CoHandler, AddedAt = at });
            added.Add(code);
        }
        Log(ticket, actor, step, at, Join(opinion, added));
        return added;
    }

    public void RequestExtension(Ticket ticket, Actor actor, DateTime at, int days, string reason)
    {
        var step = TicketRules.Require(TicketActionKind.RequestExtension, actor, ticket);
        ticket.ExtensionRequestedDays = days;
        ticket.ExtensionReason = reason;
        Log(ticket, actor, step, at, $"{days} 个工作日：{reason}");
    }

    /// <summary>Approved, the finish deadline moves by the working days asked for (its clock restarts only if it is running).</summary>
    public void DecideExtension(Ticket ticket, Actor actor, DateTime at, bool approve, string? opinion)
    {
        var step = TicketRules.Require(approve ? TicketActionKind.ApproveExtension : TicketActionKind.RefuseExtension, actor, ticket);
        if (approve)
        {
            ticket.FinishDueAt = calendar.AddWorkingDays(ticket.FinishDueAt ?? at, ticket.ExtensionRequestedDays!.Value);
            if (ticket.State == TicketState.InProgress)
            {
                CloseDeadlines(ticket, at, DeadlineKind.Finish);
                AddDeadline(ticket, DeadlineKind.Finish, ticket.AssignedUnitCode!, ticket.FinishDueAt.Value);
            }
            // Suspended: the stopped clock gets the extra office time, counted when it restarts.
            else foreach (var d in ledger.OpenDeadlines(ticket).Where(d => d.Kind == DeadlineKind.Finish && d.IsPaused)) d.MoveTo(ticket.FinishDueAt.Value, calendar);
        }
        ticket.ExtensionRequestedDays = null;
        ticket.ExtensionReason = null;
        Log(ticket, actor, step, at, opinion);
    }

    public void Suspend(Ticket ticket, Actor actor, DateTime at, string reason)
    {
        var step = TicketRules.Require(TicketActionKind.Suspend, actor, ticket);
        ticket.SuspendedAt = at;
        // The finish clock stops while the ticket waits, keeping the office time it had left (an overdue one has none).
        foreach (var d in ledger.OpenDeadlines(ticket).Where(d => d.Kind == DeadlineKind.Finish)) d.Pause(at, calendar);
        Log(ticket, actor, step, at, reason);
    }

    public void Resume(Ticket ticket, Actor actor, DateTime at, string? reason)
    {
        var step = TicketRules.Require(TicketActionKind.Resume, actor, ticket);
        // The time spent suspended does not count: the finish clock restarts with the office time it had left, so the
        // days it waited — and any holidays among them — are not counted, and what is left is counted in working days again.
        var stopped = ledger.OpenDeadlines(ticket).Where(d => d.Kind == DeadlineKind.Finish && d.IsPaused).ToList();
        if (stopped.Count == 0 && !ledger.OpenDeadlines(ticket).Any(d => d.Kind == DeadlineKind.Finish) && ticket.FinishDueAt is { } due)
        {
            // No stored finish time to restart (the ticket was suspended before clocks could stop): stop one where the ticket's stood.
            var deadline = AddDeadline(ticket, DeadlineKind.Finish, ticket.AssignedUnitCode!, due);
            deadline.PausedAt = ticket.SuspendedAt ?? at;
            stopped.Add(deadline);
        }
        foreach (var d in stopped)
        {
            d.Resume(at, calendar);
            ticket.FinishDueAt = d.DueAt;
        }
        ticket.SuspendedAt = null;
        Log(ticket, actor, step, at, reason);
    }

    public void Reply(Ticket ticket, Actor actor, DateTime at, string reply)
    {
        var step = TicketRules.Require(TicketActionKind.Reply, actor, ticket);
        ticket.Reply = reply;
        ticket.RepliedAt = at;
        CloseDeadlines(ticket, at, DeadlineKind.Finish);
        Log(ticket, actor, step, at, reply);
    }

    // ---- whistle and report-in (吹哨报到) -------------------------------------------------------------------------------

    /// <summary>Summons the active departments given, each with its own report-in deadline; returns them with their due times (a department already waiting is not summoned twice).</summary>
    public IReadOnlyList<(string Department, DateTime DueAt)> Whistle(Ticket ticket, Actor actor, DateTime at, IReadOnlyList<string> departmentCodes, string? opinion)
    {
        var step = TicketRules.Require(TicketActionKind.Whistle, actor, ticket);
        var within = TimeSpan.FromMinutes(ticket.Urgency == Urgency.Urgent ? options.ReportInMinutesUrgent : options.ReportInMinutesNormal);
        var summoned = new List<(string, DateTime)>();
        foreach (var code in departmentCodes)
        {
            if (ticket.PendingSummons.Any(u => u.UnitCode == code)) continue;
            var due = calendar.AddWorkingTime(at, within);
            ticket.Units.Add(new TicketUnit { UnitCode = code, Role = UnitRole.Summoned, AddedAt = at, ReportDueAt = due });
            AddDeadline(ticket, DeadlineKind.ReportIn, code, due);
            summoned.Add((code, due));
        }
        Log(ticket, actor, step, at, Join(opinion, summoned.Select(s => s.Item1)));
        return summoned;
    }

    /// <summary>The actor's department answers its summons; returns that department.</summary>
    public string ReportIn(Ticket ticket, Actor actor, DateTime at, string report)
    {
        var step = TicketRules.Require(TicketActionKind.ReportIn, actor, ticket);
        var summons = ticket.PendingSummons.First(u => u.UnitCode == actor.DepartmentCode);
        summons.ReportedAt = at;
        summons.Report = report;
        EndSummons(ticket, summons, at);
        Log(ticket, actor, step, at, report);
        return summons.UnitCode;
    }

    /// <summary>Records the report <paramref name="reportedBy"/> gave for <paramref name="department"/> (电话报到): the summons is answered as if the department had reported.</summary>
    public void ReportInOnBehalf(Ticket ticket, Actor actor, DateTime at, string department, string report, string reportedBy)
    {
        var step = TicketRules.Require(TicketActionKind.ReportInOnBehalf, actor, ticket);
        var summons = PendingSummonsOf(ticket, department);
        summons.ReportedAt = at;
        summons.Report = report;
        summons.ReportedBy = reportedBy;
        EndSummons(ticket, summons, at);
        Log(ticket, actor, step, at, $"{report}（报到人：{reportedBy}，代为登记）", department);
    }

    /// <summary>Ends the summons of <paramref name="department"/> without a report (撤回召集); the answer no longer waits for it.</summary>
    public void WithdrawSummons(Ticket ticket, Actor actor, DateTime at, string department, string reason)
    {
        var step = TicketRules.Require(TicketActionKind.WithdrawSummons, actor, ticket);
        var summons = PendingSummonsOf(ticket, department);
        summons.IsActive = false;
        summons.WithdrawnAt = at;
        summons.WithdrawReason = reason;
        EndSummons(ticket, summons, at);
        Log(ticket, actor, step, at, reason, department);
    }

    /// <summary>The summons of <paramref name="department"/> still waiting: a 400 when the department was never summoned, a 409 when it has been answered or withdrawn.</summary>
    private static TicketUnit PendingSummonsOf(Ticket ticket, string department)
    {
        if (ticket.PendingSummons.FirstOrDefault(u => u.UnitCode == department) is { } pending) return pending;
        if (ticket.Units.Any(u => u.Role == UnitRole.Summoned && u.UnitCode == department))
            throw TicketRules.Conflict(ticket, "对 {0} 的召集已报到或已撤回。", department);
        throw ValidationFailedException.For("DepartmentCode", "{0} 未被召集办理此工单。", department);
    }

    // An answered or withdrawn summons stops its clock and, escalated, leaves the supervision list.
    private void EndSummons(Ticket ticket, TicketUnit summons, DateTime at)
    {
        foreach (var d in ledger.OpenDeadlines(ticket).Where(d => d.Kind == DeadlineKind.ReportIn && d.UnitCode == summons.UnitCode).ToList())
            d.Close(at);
        foreach (var s in ledger.OpenSupervisions(ticket).Where(s => s.DeadlineKind == DeadlineKind.ReportIn && s.UnitCode == summons.UnitCode))
            s.ResolvedAt = at;
    }

    // ---- corrections ----------------------------------------------------------------------------------------------------

    /// <summary>
    /// Moves the ticket to another live leaf <paramref name="categoryId"/> (its current rule <paramref name="rule"/>), logged
    /// old → new by name with the reason. Before dispatch the ticket takes the new rule for its dispatch; after it, the lead
    /// unit and its deadlines stay. Returns whether the ticket was re-routed.
    /// </summary>
    public bool ChangeCategory(Ticket ticket, Actor actor, DateTime at, int categoryId, RoutingRule rule, string fromName, string toName, string reason)
    {
        var step = TicketRules.Require(TicketActionKind.ChangeCategory, actor, ticket);
        if (categoryId == ticket.CategoryId) throw ValidationFailedException.For("CategoryId", "工单已在此分类下。");
        if (rule.CategoryId != categoryId) throw new ArgumentException("The rule is not the new category's.", nameof(rule));
        var reroutes = ticket.State is TicketState.Received or TicketState.Returned;
        ticket.CategoryId = categoryId;
        if (reroutes) ticket.RoutingRuleId = rule.Id;
        Log(ticket, actor, step, at, $"{fromName} → {toName}：{reason}" + (reroutes ? "（按新分类的派单规则派单）" : "（承办单位和时限不变）"));
        return reroutes;
    }

    // ---- intake ---------------------------------------------------------------------------------------------------------

    /// <summary>A patrol finding whose rule leaves it to the community goes straight to the community where it was found.</summary>
    public void RouteToCommunity(Ticket ticket, Actor actor, DateTime at, RoutingRule rule)
    {
        var step = TicketRules.Require(TicketActionKind.RouteToCommunity, actor, ticket);
        if (rule.DepartmentCode is not null) throw new ArgumentException("The rule sends its tickets to a department, not to the community.", nameof(rule));
        SendTo(ticket, ticket.CommunityCode, rule, at);
        Log(ticket, actor, step, at, "网格巡查上报，按派单规则由本社区办理", ticket.CommunityCode);
    }

    // ---- the visit back -----------------------------------------------------------------------------------------------

    /// <summary>The action a verdict is: it closes the ticket, or (dissatisfied, with reopens left) sends it back to be handled again.</summary>
    public TicketActionKind VerdictOf(Ticket ticket, Rating rating) =>
        rating == Rating.Dissatisfied && ticket.ReopenCount < options.MaxReopens ? TicketActionKind.Reopen : TicketActionKind.Evaluate;

    /// <summary>
    /// Records the verdict. It closes the ticket, or (<see cref="VerdictOf"/> is <see cref="TicketActionKind.Reopen"/>) the ticket is
    /// handled again by the same unit under <paramref name="rule"/> and on the supervision list (重办、督办).
    /// </summary>
    public void Evaluate(Ticket ticket, Actor actor, DateTime at, Rating rating, string? opinion, RoutingRule? rule)
    {
        var kind = VerdictOf(ticket, rating);
        var step = TicketRules.Require(kind, actor, ticket);
        ticket.Rating = rating;
        var verdict = Join(opinion, [rating.ToString()]);
        if (kind == TicketActionKind.Evaluate)
        {
            Log(ticket, actor, step, at, verdict);
            Closed(ticket, at);
            return;
        }
        ArgumentNullException.ThrowIfNull(rule);
        Record(ticket, actor, TicketActionKind.Evaluate, ticket.State, at, verdict);
        ticket.ReopenCount++;
        ticket.UnderSupervision = true;
        ticket.Reply = null;
        ticket.RepliedAt = null;
        ledger.Add(new Supervision { TicketId = ticket.Id, Reason = SupervisionReason.Dissatisfied, UnitCode = ticket.AssignedUnitCode, CreatedAt = at });
        SendTo(ticket, ticket.AssignedUnitCode!, rule, at);
        Log(ticket, actor, step, at, $"第 {ticket.ReopenCount} 次重办（督办）", ticket.AssignedUnitCode);
    }

    // ---- deadlines ----------------------------------------------------------------------------------------------------

    /// <summary>
    /// A due time passed unmet (超期): fired once, the ticket marked overdue (for sign and finish deadlines; a report-in
    /// deadline escalates its summons instead) and put on the supervision list. False, and the deadline closed instead,
    /// when the ticket is already closed.
    /// </summary>
    public bool Overdue(Ticket ticket, Deadline deadline, DateTime at)
    {
        if (!TicketRules.Allows(TicketActionKind.Overdue, Actor.System, ticket))
        {
            deadline.Close(at);
            return false;
        }
        var step = TicketRules.Of(TicketActionKind.Overdue);
        deadline.Fire(at);
        if (deadline.Kind is DeadlineKind.Sign or DeadlineKind.Finish) ticket.IsOverdue = true;
        // A summons unanswered in time goes to the district over the place (报区级协调), which may then act on it.
        if (deadline.Kind == DeadlineKind.ReportIn)
            foreach (var summons in ticket.PendingSummons.Where(u => u.UnitCode == deadline.UnitCode)) summons.EscalatedAt ??= at;
        ticket.UnderSupervision = true;
        ledger.Add(new Supervision
        {
            TicketId = ticket.Id, Reason = SupervisionReason.Overdue, UnitCode = deadline.UnitCode, DeadlineKind = deadline.Kind, CreatedAt = at,
        });
        Log(ticket, Actor.System, step, at, OverdueNotice.Opinion(deadline.Kind, deadline.DueAt), deadline.UnitCode);
        return true;
    }

    // ---- merged duplicates follow the ticket they were merged into ----------------------------------------------------

    /// <summary>A merged duplicate gets the reply of the ticket it follows (its reporter is told too); it stays merged.</summary>
    public void FollowReply(Ticket follower, Actor actor, DateTime at, string reply)
    {
        follower.Reply = reply;
        follower.RepliedAt = at;
        CloseDeadlines(follower, at, DeadlineKind.Finish);
        Record(follower, actor, TicketActionKind.Reply, TicketState.Merged, at, reply);
    }

    public void FollowClose(Ticket follower, Ticket leader, DateTime at)
    {
        follower.ClosedAt = at;
        Record(follower, Actor.System, TicketActionKind.Close, TicketState.Merged, at, $"随 {leader.Number} 办结");
    }

    // ---- shared effects -----------------------------------------------------------------------------------------------

    private void SendTo(Ticket ticket, string unit, RoutingRule rule, DateTime at)
    {
        foreach (var lead in ticket.Units.Where(u => u.Role == UnitRole.Lead)) lead.IsActive = false;
        var existing = ticket.Units.FirstOrDefault(u => u.Role == UnitRole.Lead && u.UnitCode == unit);
        if (existing is not null) existing.IsActive = true;
        else ticket.Units.Add(new TicketUnit { UnitCode = unit, Role = UnitRole.Lead, AddedAt = at });
        ticket.AssignedUnitCode = unit;
        ticket.DispatchedAt = at;
        ticket.SignedAt = null;
        ticket.SignDueAt = calendar.AddWorkingTime(at, rule.SignWithin(ticket.Urgency));
        ticket.FinishDueAt = calendar.AddWorkingDays(at, rule.FinishWithinDays(ticket.Urgency));
        CloseDeadlines(ticket, at, DeadlineKind.Sign, DeadlineKind.Finish);
        AddDeadline(ticket, DeadlineKind.Sign, unit, ticket.SignDueAt.Value);
        AddDeadline(ticket, DeadlineKind.Finish, unit, ticket.FinishDueAt.Value);
    }

    /// <summary>Closed: every clock stops and the ticket leaves the supervision list.</summary>
    private void Closed(Ticket ticket, DateTime at)
    {
        ticket.ClosedAt = at;
        CloseDeadlines(ticket, at, DeadlineKind.Sign, DeadlineKind.Finish, DeadlineKind.ReportIn);
        foreach (var s in ledger.OpenSupervisions(ticket)) s.ResolvedAt = at;
    }

    /// <summary>Starts a due time of the ticket (Platform/DueTimes: the watcher fires it if it passes while running).</summary>
    private Deadline AddDeadline(Ticket ticket, DeadlineKind kind, string unit, DateTime dueAt)
    {
        var deadline = new Deadline { Ticket = ticket, TicketId = ticket.Id, Kind = kind, UnitCode = unit, DueAt = dueAt };
        ledger.Add(deadline);
        return deadline;
    }

    private void CloseDeadlines(Ticket ticket, DateTime at, params DeadlineKind[] kinds)
    {
        foreach (var d in ledger.OpenDeadlines(ticket).Where(d => kinds.Contains(d.Kind)).ToList()) d.Close(at);
    }

    /// <summary>Logs an action of the table: the state it leads to comes from the table, never from the caller.</summary>
    private static void Log(Ticket ticket, Actor actor, TicketRule step, DateTime at, string? opinion, string? unit = null) =>
        Record(ticket, actor, step.Action, step.To ?? ticket.State, at, opinion, unit);

    private static void Record(Ticket ticket, Actor actor, TicketActionKind action, TicketState to, DateTime at, string? opinion, string? unit = null)
    {
        ticket.Actions.Add(new TicketAction
        {
            At = at, UserId = actor.UserId, UserName = actor.UserName, UnitCode = unit ?? actor.Unit, Action = action,
            FromState = ticket.State, ToState = to, Opinion = opinion,
        });
        ticket.State = to;
        ticket.UpdatedAt = at;
    }

    private static string? Join(string? opinion, IEnumerable<string> items)
    {
        var list = string.Join("、", items);
        return string.IsNullOrWhiteSpace(opinion) ? list : list.Length == 0 ? opinion : $"{opinion}（{list}）";
    }
}
