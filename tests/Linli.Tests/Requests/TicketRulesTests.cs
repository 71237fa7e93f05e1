using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using static Linli.Modules.Requests.Contracts.TicketState;
using static Linli.Tests.Requests.TicketFixtures;
using Kind = Linli.Modules.Requests.Domain.TicketActionKind;

namespace Linli.Tests.Requests;

/// <summary>
/// The ticket's state machine without HTTP or a database: every state × every action × everyone who may come to a
/// ticket, checked against the handling rules written out below, and the step run to see where it leads; then the rules
/// that matter most, one by one.
/// </summary>
public sealed class TicketRulesTests
{
    /// <summary>Who may take an action, in which states, where it leads (null: it stays), and what else must hold.</summary>
    private sealed record Spec(Func<Member, bool, bool> Who, TicketState[] In, TicketState? To, Func<Situation, bool>? Holds = null);

    // The oracle: the handling rules as the centre, the units and the places work them (中心派单、单位签收办理、吹哨报到、回访).
    // "lead" is whether the member acts for the unit the ticket is sent to now.
    private static readonly Dictionary<Kind, Spec> Expected = new()
    {
        [Kind.Dispatch] = new((m, _) => m.Centre, [Received, Returned], Dispatched),
        [Kind.Merge] = new((m, _) => m.Centre, [Received, Returned], Merged),
        [Kind.AnswerDirectly] = new((m, _) => m.Centre, [Received], Closed, s => s != Situation.SummonsPending),
        [Kind.Sign] = new((_, lead) => lead, [Dispatched], InProgress),
        [Kind.Return] = new((_, lead) => lead, [Dispatched], Returned),
        [Kind.AddCoHandlers] = new((m, lead) => lead || m.Centre, [InProgress], null),
        [Kind.RequestExtension] = new((_, lead) => lead, [InProgress], null, s => s != Situation.ExtensionWaiting),
        [Kind.ApproveExtension] = new((m, _) => m.Centre || m.SupervisesHere, [InProgress, Suspended], null, s => s == Situation.ExtensionWaiting),
        [Kind.RefuseExtension] = new((m, _) => m.Centre || m.SupervisesHere, [InProgress, Suspended], null, s => s == Situation.ExtensionWaiting),
        [Kind.Suspend] = new((_, lead) => lead, [InProgress], Suspended),
        [Kind.Resume] = new((m, lead) => lead || m.Centre, [Suspended], InProgress),
        [Kind.Reply] = new((_, lead) => lead, [InProgress], Replied, s => s != Situation.SummonsPending),
        [Kind.Whistle] = new((m, _) => m.WorksHere, [Received, Dispatched, InProgress], null),
        [Kind.ReportIn] = new((m, _) => m.Summoned, [Received, Dispatched, Returned, InProgress, Suspended], null, s => s == Situation.SummonsPending),
        [Kind.Evaluate] = new((m, _) => m.Centre || m.Reporter, [Replied], Closed),
        [Kind.Reopen] = new((m, _) => m.Centre || m.Reporter, [Replied], Dispatched),
        [Kind.Close] = new((m, _) => m.Centre, [Replied], Closed, s => s != Situation.SummonsPending),
        [Kind.Overdue] = new((m, _) => m.System, [Received, Dispatched, Returned, InProgress, Suspended, Replied, Merged], null),
    };

    private enum Outcome { Allowed, Forbidden, Conflict }

    private static Outcome ExpectedOutcome(Kind action, TicketState state, LeadKind lead, Situation situation, Member member)
    {
        var spec = Expected[action];
        var leads = HasLead(state) && (lead == LeadKind.Department ? member.LeadsAsDepartment : member.LeadsAsCommunity);
        if (!spec.Who(member, leads)) return Outcome.Forbidden;
        return spec.In.Contains(state) && (spec.Holds?.Invoke(situation) ?? true) ? Outcome.Allowed : Outcome.Conflict;
    }

    [Fact]
    public void The_oracle_covers_every_action_of_the_table_and_the_table_every_action_but_filing()
    {
        Assert.Equal(Expected.Keys.Order(), TicketRules.Actions.Order());
        Assert.Equal(Enum.GetValues<Kind>().Where(k => k != Kind.File).Order(), TicketRules.Actions.Order());
    }

    [Fact]
    public void Every_state_action_and_actor_is_allowed_refused_or_in_conflict_as_the_rules_say_and_leads_where_they_say()
    {
        var mismatches = new List<string>();
        var cells = 0;
        foreach (var state in States)
        foreach (var lead in Enum.GetValues<LeadKind>())
        foreach (var situation in Enum.GetValues<Situation>())
        foreach (var action in TicketRules.Actions)
        foreach (var member in Everyone)
        {
            cells++;
            var expected = ExpectedOutcome(action, state, lead, situation, member);
            var cell = $"{action} on {state} ({lead}-led, {situation}) by {member}";

            var verdict = TicketRules.Check(action, member.Actor, Build(state, lead, situation));
            var checkedAs = verdict.Refusal switch
            {
                TicketRefusal.None => Outcome.Allowed,
                TicketRefusal.NotTheirs => Outcome.Forbidden,
                _ => Outcome.Conflict,
            };
            if (checkedAs != expected) mismatches.Add($"{cell}: the table says {verdict.Refusal}, expected {expected}");

            // The step itself, on a fresh ticket: refused as the table refuses, or moved to the state the rules lead to.
            var ticket = Build(state, lead, situation);
            var ledger = new ListLedger(ticket);
            var outcome = Run(action, ticket, member.Actor, new TicketSteps(Calendar, new RequestsOptions(), ledger), ledger, out var refusal);
            if (outcome != expected)
            {
                mismatches.Add($"{cell}: the step was {outcome} ({refusal?.Message}), expected {expected}");
                continue;
            }
            if (outcome == Outcome.Conflict && refusal is ConflictException conflict && !Equals(conflict.Details["state"], state.ToString()))
                mismatches.Add($"{cell}: the 409 names state {conflict.Details["state"]}, not {state}");
            if (outcome != Outcome.Allowed)
            {
                if (ticket.Actions.Count > 0 || ticket.State != state) mismatches.Add($"{cell}: refused, yet the ticket changed");
                continue;
            }
            var to = Expected[action].To ?? state;
            if (ticket.State != to) mismatches.Add($"{cell}: led to {ticket.State}, expected {to}");
            var logged = ticket.Actions[^1];
            if (logged.Action != action || logged.ToState != to) mismatches.Add($"{cell}: logged {logged.Action} to {logged.ToState}");
            if (ticket.Actions[0].FromState != state) mismatches.Add($"{cell}: logged from {ticket.Actions[0].FromState}");
        }
        Assert.Equal(TicketFixtures.States.Length * 2 * 3 * Expected.Count * Everyone.Count, cells);
        Assert.True(mismatches.Count == 0, $"{mismatches.Count} of {cells} cells disagree:\n" + string.Join("\n", mismatches.Take(40)));
    }

    private static readonly WorkingCalendar Calendar = new([], []);

    /// <summary>Runs the step of <paramref name="action"/> with valid input, as the workflow would after its lookups.</summary>
    private static Outcome Run(Kind action, Ticket ticket, Actor actor, TicketSteps steps, ListLedger ledger, out Exception? refusal)
    {
        refusal = null;
        var rule = Rule();
        try
        {
            switch (action)
            {
                case Kind.Dispatch: steps.Dispatch(ticket, actor, At, LeadDepartment, rule, null); break;
                case Kind.Merge: steps.Merge(ticket, Build(Received, id: 1), actor, At); break;
                case Kind.AnswerDirectly: steps.AnswerDirectly(ticket, actor, At, "已电话解答"); break;
                case Kind.Sign: steps.Sign(ticket, actor, At, null); break;
                case Kind.Return: steps.Return(ticket, actor, At, "不属于本单位"); break;
                case Kind.AddCoHandlers: steps.AddCoHandlers(ticket, actor, At, ["housing"], null); break;
                case Kind.RequestExtension: steps.RequestExtension(ticket, actor, At, 3, "需要采购配件"); break;
                case Kind.ApproveExtension: steps.DecideExtension(ticket, actor, At, true, null); break;
                case Kind.RefuseExtension: steps.DecideExtension(ticket, actor, At, false, null); break;
                case Kind.Suspend: steps.Suspend(ticket, actor, At, "等待业主"); break;
                case Kind.Resume: steps.Resume(ticket, actor, At, null); break;
                case Kind.Reply: steps.Reply(ticket, actor, At, "已修好"); break;
                case Kind.Whistle: steps.Whistle(ticket, actor, At, ["heating"], null); break;
                case Kind.ReportIn: steps.ReportIn(ticket, actor, At, "已到场"); break;
                case Kind.Evaluate: steps.Evaluate(ticket, actor, At, Rating.Satisfied, null, rule); break;
                case Kind.Reopen: steps.Evaluate(ticket, actor, At, Rating.Dissatisfied, null, rule); break;
                case Kind.Close: steps.Close(ticket, actor, At, "已办结"); break;
                case Kind.Overdue:
                    // Only the watcher fires deadlines; anyone else's turn is what the table says of them.
                    if (!actor.IsSystem) return TicketRules.Check(action, actor, ticket).Refusal == TicketRefusal.NotTheirs ? Outcome.Forbidden : Outcome.Conflict;
                    var deadline = new Deadline { Ticket = ticket, TicketId = ticket.Id, Kind = DeadlineKind.Finish, UnitCode = LeadDepartment, DueAt = At.AddHours(-1) };
                    ledger.Add(deadline);
                    return steps.Overdue(ticket, deadline, At) ? Outcome.Allowed : Outcome.Conflict;
                default: throw new InvalidOperationException($"No step for {action}.");
            }
            return Outcome.Allowed;
        }
        catch (ForbiddenException e)
        {
            refusal = e;
            return Outcome.Forbidden;
        }
        catch (ConflictException e)
        {
            refusal = e;
            return Outcome.Conflict;
        }
    }

    // ---- the rules that matter most, one by one --------------------------------------------------------------------

    private static Member The(string name) => Everyone.Single(m => m.Name == name);
    private static Actor Centre => The("hotline operator").Actor;
    private static Actor Water => The("lead department's staff").Actor;

    [Fact]
    public void Only_the_centre_dispatches_and_only_a_ticket_that_is_new_or_was_returned()
    {
        Assert.True(TicketRules.Allows(Kind.Dispatch, Centre, Build(Received)));
        Assert.True(TicketRules.Allows(Kind.Dispatch, Centre, Build(Returned)));
        Assert.Equal(TicketRefusal.NotInThisState, TicketRules.Check(Kind.Dispatch, Centre, Build(Dispatched)).Refusal);
        Assert.Equal(TicketRefusal.NotTheirs, TicketRules.Check(Kind.Dispatch, Water, Build(Received)).Refusal);
        Assert.Equal(TicketRefusal.NotTheirs, TicketRules.Check(Kind.Dispatch, The("city supervisor").Actor, Build(Received)).Refusal);
    }

    [Fact]
    public void A_unit_that_returned_a_ticket_is_no_longer_its_lead()
    {
        var ticket = Build(Dispatched);
        var steps = new TicketSteps(Calendar, new RequestsOptions(), new ListLedger(ticket));
        steps.Return(ticket, Water, At, "不属于本单位");
        Assert.Null(ticket.AssignedUnitCode);
        Assert.Equal(1, ticket.ReturnCount);
        Assert.Equal(TicketRefusal.NotTheirs, TicketRules.Check(Kind.Sign, Water, ticket).Refusal);
        Assert.Throws<ForbiddenException>(() => steps.Sign(ticket, Water, At, null));
        steps.Dispatch(ticket, Centre, At.AddHours(1), Place, Rule(department: null), null);
        Assert.Equal(TicketRefusal.NotTheirs, TicketRules.Check(Kind.Sign, Water, ticket).Refusal);
        Assert.True(TicketRules.Allows(Kind.Sign, The("community worker of the place").Actor, ticket));
        Assert.Equal([false, true], ticket.Units.Where(u => u.Role == UnitRole.Lead).Select(u => u.IsActive));
    }

    [Fact]
    public void A_ticket_sent_to_the_community_is_handled_by_its_workers_and_the_street_and_district_over_it_but_not_by_a_city_supervisor()
    {
        var ticket = Build(InProgress, LeadKind.Community);
        foreach (var name in new[] { "community worker of the place", "grid worker of the place", "street over the place", "district over the place" })
            Assert.True(TicketRules.Allows(Kind.Suspend, The(name).Actor, ticket), name);
        foreach (var name in new[] { "city supervisor", "community worker elsewhere", "street elsewhere", "lead department's staff" })
            Assert.False(TicketRules.Allows(Kind.Suspend, The(name).Actor, ticket), name);
    }

    [Fact]
    public void The_reply_and_the_closing_wait_until_every_summoned_department_has_reported_in()
    {
        var ticket = Build(InProgress, situation: Situation.SummonsPending);
        var verdict = TicketRules.Check(Kind.Reply, Water, ticket);
        Assert.Equal(TicketRefusal.ConditionUnmet, verdict.Refusal);
        Assert.Same(TicketRules.SummonsAnswered, verdict.Unmet);
        var refused = Assert.Throws<ConflictException>(() => TicketRules.Require(Kind.Reply, Water, ticket));
        Assert.Equal([SummonedDepartment], Assert.IsAssignableFrom<IEnumerable<string>>(refused.Details["pendingDepartments"]));
        Assert.Equal("InProgress", refused.Details["state"]);
        Assert.Equal(TicketRefusal.ConditionUnmet, TicketRules.Check(Kind.AnswerDirectly, Centre, Build(Received, situation: Situation.SummonsPending)).Refusal);

        var steps = new TicketSteps(Calendar, new RequestsOptions(), new ListLedger(ticket));
        steps.ReportIn(ticket, The("summoned department's staff").Actor, At, "已到场处置");
        Assert.True(TicketRules.Allows(Kind.Reply, Water, ticket));
        // Reported once is enough: a second report-in is a 409, not a second entry.
        Assert.Throws<ConflictException>(() => steps.ReportIn(ticket, The("summoned department's staff").Actor, At, "再报一次"));
        Assert.Single(ticket.Actions, a => a.Action == Kind.ReportIn);
    }

    [Fact]
    public void Only_a_grid_or_community_worker_of_the_place_blows_the_whistle_and_a_department_already_waiting_is_not_summoned_twice()
    {
        var ticket = Build(InProgress, situation: Situation.SummonsPending);
        Assert.True(TicketRules.Allows(Kind.Whistle, The("grid worker of the place").Actor, ticket));
        Assert.False(TicketRules.Allows(Kind.Whistle, The("grid worker elsewhere").Actor, ticket));
        Assert.False(TicketRules.Allows(Kind.Whistle, The("street over the place").Actor, ticket));
        var ledger = new ListLedger(ticket);
        var summoned = new TicketSteps(Calendar, new RequestsOptions(), ledger).Whistle(ticket, The("community worker of the place").Actor, At, [SummonedDepartment, "heating"], "管线问题");
        Assert.Equal(["heating"], summoned.Select(s => s.Department));
        Assert.Equal("管线问题（heating）", ticket.Actions[^1].Opinion);
        Assert.Single(ledger.Deadlines, d => d.Kind == DeadlineKind.ReportIn && d.UnitCode == "heating" && d.DueAt == summoned[0].DueAt);
    }

    [Fact]
    public void An_extension_is_decided_only_while_one_waits_and_never_by_the_unit_that_asked_for_it()
    {
        var waiting = Build(InProgress, situation: Situation.ExtensionWaiting);
        Assert.Equal(TicketRefusal.NotTheirs, TicketRules.Check(Kind.ApproveExtension, Water, waiting).Refusal);
        Assert.True(TicketRules.Allows(Kind.ApproveExtension, The("street over the place").Actor, waiting));
        Assert.True(TicketRules.Allows(Kind.RefuseExtension, Centre, Build(Suspended, situation: Situation.ExtensionWaiting)));
        Assert.Equal(TicketRefusal.ConditionUnmet, TicketRules.Check(Kind.RequestExtension, Water, waiting).Refusal);
        Assert.Equal(TicketRefusal.ConditionUnmet, TicketRules.Check(Kind.ApproveExtension, Centre, Build(InProgress)).Refusal);

        // Approved while handled: the finish deadline moves by the working days asked for, and its clock restarts.
        var ledger = new ListLedger(waiting);
        var finish = new Deadline { TicketId = waiting.Id, Kind = DeadlineKind.Finish, UnitCode = LeadDepartment, DueAt = waiting.FinishDueAt!.Value };
        ledger.Add(finish);
        new TicketSteps(Calendar, new RequestsOptions(), ledger).DecideExtension(waiting, Centre, At, true, null);
        Assert.Equal(Calendar.AddWorkingDays(finish.DueAt, 3), waiting.FinishDueAt);
        Assert.Equal(At, finish.ClosedAt);
        Assert.Single(ledger.OpenDeadlines(waiting), d => d.Kind == DeadlineKind.Finish && d.DueAt == waiting.FinishDueAt);
        Assert.Null(waiting.ExtensionRequestedDays);
        Assert.Equal(Kind.ApproveExtension, waiting.Actions[^1].Action);
    }

    [Fact]
    public void A_dissatisfied_verdict_sends_the_ticket_back_to_its_unit_under_supervision_only_while_reopens_are_left()
    {
        var options = new RequestsOptions { MaxReopens = 1 };
        var ticket = Build(Replied);
        var ledger = new ListLedger(ticket);
        var steps = new TicketSteps(Calendar, options, ledger);
        Assert.Equal(Kind.Reopen, steps.VerdictOf(ticket, Rating.Dissatisfied));
        Assert.Equal(Kind.Evaluate, steps.VerdictOf(ticket, Rating.BasicallySatisfied));

        steps.Evaluate(ticket, The("the reporter").Actor, At, Rating.Dissatisfied, "没修好", Rule());
        Assert.Equal(Dispatched, ticket.State);
        Assert.Equal([Kind.Evaluate, Kind.Reopen], ticket.Actions.Select(a => a.Action));
        Assert.Equal("没修好（Dissatisfied）", ticket.Actions[0].Opinion);
        Assert.Equal((Replied, Replied), (ticket.Actions[0].FromState, ticket.Actions[0].ToState));
        Assert.Equal(LeadDepartment, ticket.AssignedUnitCode);
        Assert.True(ticket.UnderSupervision);
        Assert.Null(ticket.Reply);
        Assert.Single(ledger.Supervisions, s => s.Reason == SupervisionReason.Dissatisfied && s.UnitCode == LeadDepartment);
        Assert.Equal([DeadlineKind.Sign, DeadlineKind.Finish], ledger.OpenDeadlines(ticket).Select(d => d.Kind));

        steps.Sign(ticket, Water, At.AddHours(1), null);
        steps.Reply(ticket, Water, At.AddHours(2), "重新修好");
        Assert.Equal(Kind.Evaluate, steps.VerdictOf(ticket, Rating.Dissatisfied)); // no reopens left: the verdict closes it
        steps.Evaluate(ticket, Centre, At.AddHours(3), Rating.Dissatisfied, null, Rule());
        Assert.Equal(Closed, ticket.State);
        Assert.Equal(At.AddHours(3), ticket.ClosedAt);
        Assert.Empty(ledger.OpenDeadlines(ticket));
        Assert.All(ledger.Supervisions, s => Assert.Equal(At.AddHours(3), s.ResolvedAt));
    }

    [Fact]
    public void Suspending_stops_the_finish_clock_and_resuming_restarts_it_with_the_office_time_it_had_left()
    {
        var ticket = Build(InProgress); // finish due Friday 6 March, 10:00 China time
        var ledger = new ListLedger(ticket);
        ledger.Add(new Deadline { TicketId = ticket.Id, Kind = DeadlineKind.Finish, UnitCode = LeadDepartment, DueAt = ticket.FinishDueAt!.Value });
        var steps = new TicketSteps(Calendar, new RequestsOptions(), ledger);

        // Suspended Monday 10:00: 7.5 office hours left that day, 9 on Tuesday to Thursday, 1.5 on Friday morning.
        steps.Suspend(ticket, Water, At, "等待业主回家");
        var stopped = Assert.Single(ledger.OpenDeadlines(ticket));
        Assert.True(stopped.IsPaused);
        Assert.Equal(TimeSpan.FromHours(36), stopped.Remaining);

        // Resumed Tuesday 16:00: 1.5 hours that day, 27 on Wednesday to Friday, the weekend off, 7.5 on Monday 9 March.
        // (The wall clock would have said Saturday 7 March, 16:00: thirty hours after Friday 10:00, on a day nobody works.)
        steps.Resume(ticket, Centre, At.AddHours(30), "业主已回");
        var restarted = new DateTime(2026, 3, 9, 8, 0, 0, DateTimeKind.Utc); // Monday 16:00 China time
        Assert.Equal(restarted, ticket.FinishDueAt);
        Assert.Single(ledger.OpenDeadlines(ticket), d => d.IsRunning && d.DueAt == restarted);
        Assert.Null(ticket.SuspendedAt);
    }

    [Fact]
    public void An_extension_approved_while_suspended_gives_the_stopped_clock_the_extra_working_days()
    {
        var ticket = Build(Suspended, situation: Situation.ExtensionWaiting); // finish due Friday 6 March, 10:00 China time
        var ledger = new ListLedger(ticket);
        var finish = new Deadline { TicketId = ticket.Id, Kind = DeadlineKind.Finish, UnitCode = LeadDepartment, DueAt = ticket.FinishDueAt!.Value };
        finish.Pause(At, Calendar); // stopped Monday 10:00 with 36 office hours left
        ledger.Add(finish);
        var steps = new TicketSteps(Calendar, new RequestsOptions(), ledger);

        // Three working days more: the finish time is Wednesday 11 March, closing time; the stopped clock gets the 34.5 office hours between the two.
        steps.DecideExtension(ticket, Centre, At, true, null);
        Assert.Equal(new DateTime(2026, 3, 11, 9, 30, 0, DateTimeKind.Utc), ticket.FinishDueAt);
        Assert.True(finish.IsPaused);
        Assert.Equal(TimeSpan.FromHours(36 + 7.5 + 9 + 9 + 9), finish.Remaining);
    }

    [Fact]
    public void A_passing_deadline_marks_the_ticket_overdue_and_supervised_but_a_closed_ticket_never()
    {
        var ticket = Build(Dispatched);
        var ledger = new ListLedger(ticket);
        var sign = new Deadline { TicketId = ticket.Id, Kind = DeadlineKind.Sign, UnitCode = LeadDepartment, DueAt = At.AddHours(-1) };
        var steps = new TicketSteps(Calendar, new RequestsOptions(), ledger);
        Assert.True(steps.Overdue(ticket, sign, At));
        Assert.Equal(At, sign.FiredAt);
        Assert.True(ticket.IsOverdue && ticket.UnderSupervision);
        var logged = Assert.Single(ticket.Actions);
        Assert.Equal((Kind.Overdue, Dispatched, Dispatched, "system", LeadDepartment), (logged.Action, logged.FromState, logged.ToState, logged.UserName, logged.UnitCode));
        Assert.Equal(OverdueNotice.Opinion(DeadlineKind.Sign, sign.DueAt), logged.Opinion);
        Assert.Single(ledger.Supervisions, s => s.Reason == SupervisionReason.Overdue && s.DeadlineKind == DeadlineKind.Sign);

        // A summons unanswered puts the ticket under supervision without calling the unit's work overdue.
        var summons = Build(InProgress, situation: Situation.SummonsPending);
        steps.Overdue(summons, new Deadline { TicketId = summons.Id, Kind = DeadlineKind.ReportIn, UnitCode = SummonedDepartment, DueAt = At }, At);
        Assert.True(summons.UnderSupervision);
        Assert.False(summons.IsOverdue);

        var closed = Build(Closed);
        var stale = new Deadline { TicketId = closed.Id, Kind = DeadlineKind.Finish, UnitCode = LeadDepartment, DueAt = At.AddHours(-1) };
        Assert.False(steps.Overdue(closed, stale, At));
        Assert.Null(stale.FiredAt);
        Assert.Equal(At, stale.ClosedAt);
        Assert.Empty(closed.Actions);
        Assert.False(closed.IsOverdue);
    }

    [Fact]
    public void Refusals_keep_the_messages_and_details_clients_rely_on()
    {
        var forbidden = Assert.Throws<ForbiddenException>(() => TicketRules.Require(Kind.Reply, The("co-handling department's staff").Actor, Build(InProgress)));
        Assert.Equal("Only the lead unit replies.", forbidden.Message);
        var conflict = Assert.Throws<ConflictException>(() => TicketRules.Require(Kind.Dispatch, Centre, Build(Closed)));
        Assert.Equal("A ticket that is Closed cannot be dispatched.", conflict.Message);
        Assert.Equal("Closed", conflict.Details["state"]);
        Assert.Equal(3, conflict.Details["version"]);
        // A check that is made before the state names what is missing, whatever the state.
        Assert.Equal("No extension request is waiting.", Assert.Throws<ConflictException>(() => TicketRules.Require(Kind.ApproveExtension, Centre, Build(Closed))).Message);
        Assert.Equal("Your department has already reported in.",
            Assert.Throws<ConflictException>(() => TicketRules.Require(Kind.ReportIn, The("summoned department's staff").Actor, Build(Closed))).Message);
        Assert.Equal("An extension request is already waiting for a decision.",
            Assert.Throws<ConflictException>(() => TicketRules.Require(Kind.RequestExtension, Water, Build(InProgress, situation: Situation.ExtensionWaiting))).Message);
        Assert.StartsWith("The ticket cannot be closed while summoned departments have not reported in: power",
            Assert.Throws<ConflictException>(() => TicketRules.Require(Kind.AnswerDirectly, Centre, Build(Received, situation: Situation.SummonsPending))).Message);
    }

    /// <summary>The due times and supervision entries of one ticket, in memory, as the synthetic history keeps them.</summary>
    private sealed class ListLedger(Ticket ticket) : ITicketLedger
    {
        public List<Deadline> Deadlines { get; } = [];
        public List<Supervision> Supervisions { get; } = [];

        public IEnumerable<Deadline> OpenDeadlines(Ticket t) => Deadlines.Where(d => d.TicketId == t.Id && d.ClosedAt is null);
        public IEnumerable<Supervision> OpenSupervisions(Ticket t) => Supervisions.Where(s => s.TicketId == t.Id && s.ResolvedAt is null);
        public void Add(Deadline deadline) => Deadlines.Add(deadline);
        public void Add(Supervision supervision) => Supervisions.Add(supervision);

        public override string ToString() => $"ledger of {ticket.Number}";
    }
}
