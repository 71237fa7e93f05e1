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
    /// <summary>Who may take an action (given whether they lead and the ticket's situation), in which states, where it leads (null: it stays), and what else must hold.</summary>
    private sealed record Spec(Func<Member, bool, Situation, bool> Who, TicketState[] In, TicketState? To, Func<Situation, bool>? Holds = null);

    private static readonly TicketState[] WhileSummoned = [Received, Dispatched, Returned, InProgress, Suspended];

    // The oracle: the handling rules as the centre, the units and the places work them (中心派单、单位签收办理、吹哨报到、回访).
    // "lead" is whether the member acts for the unit the ticket is sent to now.
    private static readonly Dictionary<Kind, Spec> Expected = new()
    {
        [Kind.Dispatch] = new((m, _, _) => m.Centre, [Received, Returned], Dispatched),
        [Kind.Merge] = new((m, _, _) => m.Centre, [Received, Returned], Merged),
        [Kind.AnswerDirectly] = new((m, _, _) => m.Centre, [Received], Closed, s => !SummonsWaits(s)),
        [Kind.Sign] = new((_, lead, _) => lead, [Dispatched], InProgress),
        [Kind.Return] = new((_, lead, _) => lead, [Dispatched], Returned),
        [Kind.AddCoHandlers] = new((m, lead, _) => lead || m.Centre, [InProgress], null),
        [Kind.RequestExtension] = new((_, lead, _) => lead, [InProgress], null, s => s != Situation.ExtensionWaiting),
        [Kind.ApproveExtension] = new((m, _, _) => m.Centre || m.SupervisesHere, [InProgress, Suspended], null, s => s == Situation.ExtensionWaiting),
        [Kind.RefuseExtension] = new((m, _, _) => m.Centre || m.SupervisesHere, [InProgress, Suspended], null, s => s == Situation.ExtensionWaiting),
        [Kind.Suspend] = new((_, lead, _) => lead, [InProgress], Suspended),
        [Kind.Resume] = new((m, lead, _) => lead || m.Centre, [Suspended], InProgress),
        [Kind.Reply] = new((_, lead, _) => lead, [InProgress], Replied, s => !SummonsWaits(s)),
        [Kind.Whistle] = new((m, _, _) => m.WorksHere, [Received, Dispatched, InProgress], null),
        [Kind.ReportIn] = new((m, _, _) => m.Summoned, WhileSummoned, null, SummonsWaits),
        // The place that blew the whistle or the centre withdraws a summons; the district over the place only once it was escalated to it.
        [Kind.WithdrawSummons] = new((m, _, s) => m.WorksHere || m.Centre || (m.DistrictHere && s == Situation.SummonsEscalated), WhileSummoned, null, SummonsWaits),
        // A report given by phone is recorded by the centre, or by the district once the summons was escalated to it.
        [Kind.ReportInOnBehalf] = new((m, _, s) => m.Centre || (m.DistrictHere && s == Situation.SummonsEscalated), WhileSummoned, null, SummonsWaits),
        [Kind.ChangeCategory] = new((m, lead, _) => m.Centre || lead, [Received, Returned, Dispatched, InProgress, Suspended], null),
        [Kind.RouteToCommunity] = new((m, _, _) => m.System, [Received], Dispatched),
        [Kind.Evaluate] = new((m, _, _) => m.Centre || m.Reporter, [Replied], Closed),
        [Kind.Reopen] = new((m, _, _) => m.Centre || m.Reporter, [Replied], Dispatched),
        [Kind.Close] = new((m, _, _) => m.Centre, [Replied], Closed, s => !SummonsWaits(s)),
        [Kind.Overdue] = new((m, _, _) => m.System, [Received, Dispatched, Returned, InProgress, Suspended, Replied, Merged], null),
    };

    private enum Outcome { Allowed, Forbidden, Conflict }

    private static Outcome ExpectedOutcome(Kind action, TicketState state, LeadKind lead, Situation situation, Member member)
    {
        var spec = Expected[action];
        var leads = HasLead(state) && (lead == LeadKind.Department ? member.LeadsAsDepartment : member.LeadsAsCommunity);
        if (!spec.Who(member, leads, situation)) return Outcome.Forbidden;
        return spec.In.Contains(state) && (spec.Holds?.Invoke(situation) ?? true) ? Outcome.Allowed : Outcome.Conflict;
    }

    [Fact]
    public void The_oracle_covers_every_action_of_the_table_and_the_table_every_action_but_filing_and_commenting()
    {
        // Filing starts a ticket and a resident's comment is only a line of its history: neither is a transition.
        Assert.Equal(Expected.Keys.Order(), TicketRules.Actions.Order());
        Assert.Equal(Enum.GetValues<Kind>().Where(k => k is not Kind.File and not Kind.Comment).Order(), TicketRules.Actions.Order());
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
        Assert.Equal(TicketFixtures.States.Length * 2 * Enum.GetValues<Situation>().Length * Expected.Count * Everyone.Count, cells);
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
                case Kind.WithdrawSummons: steps.WithdrawSummons(ticket, actor, At, SummonedDepartment, "召集有误"); break;
                case Kind.ReportInOnBehalf: steps.ReportInOnBehalf(ticket, actor, At, SummonedDepartment, "已到场", "王工（电话）"); break;
                case Kind.ChangeCategory: steps.ChangeCategory(ticket, actor, At, 2, Rule(id: 2, categoryId: 2), "旧分类", "新分类", "分类有误"); break;
                case Kind.RouteToCommunity: steps.RouteToCommunity(ticket, actor, At, Rule(department: null)); break;
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
    public void A_withdrawn_summons_no_longer_holds_up_the_reply_stops_its_clock_and_takes_no_report_from_its_department()
    {
        var ticket = Build(InProgress, situation: Situation.SummonsPending);
        var ledger = new ListLedger(ticket);
        var reportIn = new Deadline { TicketId = ticket.Id, Kind = DeadlineKind.ReportIn, UnitCode = SummonedDepartment, DueAt = At.AddHours(2) };
        ledger.Add(reportIn);
        var steps = new TicketSteps(Calendar, new RequestsOptions(), ledger);
        Assert.False(TicketRules.Allows(Kind.Reply, Water, ticket));

        steps.WithdrawSummons(ticket, The("grid worker of the place").Actor, At, SummonedDepartment, "属供热问题，召集有误");
        var summons = Assert.Single(ticket.Units, u => u.Role == UnitRole.Summoned);
        Assert.False(summons.IsActive);
        Assert.Equal((At, "属供热问题，召集有误"), (summons.WithdrawnAt, summons.WithdrawReason));
        Assert.Null(summons.ReportedAt);
        Assert.Equal(At, reportIn.ClosedAt);
        var logged = ticket.Actions[^1];
        Assert.Equal((Kind.WithdrawSummons, InProgress, InProgress, SummonedDepartment, "属供热问题，召集有误"),
            (logged.Action, logged.FromState, logged.ToState, logged.UnitCode, logged.Opinion));
        Assert.True(TicketRules.Allows(Kind.Reply, Water, ticket));
        // The department is no longer summoned: its report is refused, and so is a second withdrawal (nothing waits).
        Assert.Equal(TicketRefusal.NotTheirs, TicketRules.Check(Kind.ReportIn, The("summoned department's staff").Actor, ticket).Refusal);
        Assert.Throws<ConflictException>(() => steps.WithdrawSummons(ticket, Centre, At, SummonedDepartment, "再撤一次"));

        // Summoned again, it waits again and may report in.
        steps.Whistle(ticket, The("community worker of the place").Actor, At.AddHours(1), [SummonedDepartment], "确属供电问题");
        Assert.True(TicketRules.Allows(Kind.ReportIn, The("summoned department's staff").Actor, ticket));
        Assert.False(TicketRules.Allows(Kind.Reply, Water, ticket));
    }

    [Fact]
    public void Withdrawing_or_recording_for_a_department_names_one_that_waits()
    {
        var ticket = Build(InProgress, situation: Situation.SummonsPending);
        var steps = new TicketSteps(Calendar, new RequestsOptions(), new ListLedger(ticket));
        var never = Assert.Throws<ValidationFailedException>(() => steps.WithdrawSummons(ticket, Centre, At, "heating", "召集有误"));
        Assert.Equal(["DepartmentCode"], never.Errors.Keys);
        steps.ReportInOnBehalf(ticket, Centre, At, SummonedDepartment, "已派人到场", "供电公司 李工（电话）");
        // Answered meanwhile: a 409 with the ticket's state, as for any stale form.
        var answered = Assert.Throws<ConflictException>(() => steps.WithdrawSummons(ticket, Centre, At, SummonedDepartment, "召集有误"));
        Assert.Equal("InProgress", answered.Details["state"]);
    }

    [Fact]
    public void A_report_recorded_for_a_department_answers_its_summons_and_names_who_gave_it()
    {
        var ticket = Build(Dispatched, situation: Situation.SummonsPending);
        var ledger = new ListLedger(ticket);
        ledger.Add(new Deadline { TicketId = ticket.Id, Kind = DeadlineKind.ReportIn, UnitCode = SummonedDepartment, DueAt = At.AddHours(2) });
        new TicketSteps(Calendar, new RequestsOptions(), ledger).ReportInOnBehalf(ticket, Centre, At, SummonedDepartment, "已派人到场抢修", "供电公司 李工（电话）");
        var summons = Assert.Single(ticket.Units, u => u.Role == UnitRole.Summoned);
        Assert.Equal((At, "已派人到场抢修", "供电公司 李工（电话）", true), (summons.ReportedAt, summons.Report, summons.ReportedBy, summons.IsActive));
        Assert.Empty(ledger.OpenDeadlines(ticket));
        var logged = ticket.Actions[^1];
        Assert.Equal((Kind.ReportInOnBehalf, "hotline", SummonedDepartment), (logged.Action, logged.UserName, logged.UnitCode));
        Assert.Equal("已派人到场抢修（报到人：供电公司 李工（电话），代为登记）", logged.Opinion);
        Assert.Empty(ticket.PendingSummons);
        // Only the centre records reports for a department that has not escalated; no one else.
        foreach (var name in new[] { "community worker of the place", "district over the place", "street over the place", "lead department's staff" })
            Assert.Equal(TicketRefusal.NotTheirs, TicketRules.Check(Kind.ReportInOnBehalf, The(name).Actor, Build(InProgress, situation: Situation.SummonsPending)).Refusal);
    }

    [Fact]
    public void An_unanswered_summons_is_escalated_to_the_district_over_the_place_which_may_then_withdraw_it_or_record_the_report()
    {
        var ticket = Build(InProgress, situation: Situation.SummonsPending);
        var ledger = new ListLedger(ticket);
        var reportIn = new Deadline { TicketId = ticket.Id, Kind = DeadlineKind.ReportIn, UnitCode = SummonedDepartment, DueAt = At.AddMinutes(-1) };
        ledger.Add(reportIn);
        var steps = new TicketSteps(Calendar, new RequestsOptions(), ledger);
        var district = The("district over the place").Actor;
        Assert.Equal(TicketRefusal.NotTheirs, TicketRules.Check(Kind.WithdrawSummons, district, ticket).Refusal);

        Assert.True(steps.Overdue(ticket, reportIn, At));
        Assert.Equal(At, Assert.Single(ticket.PendingSummons).EscalatedAt);
        Assert.True(ticket.UnderSupervision);
        Assert.False(ticket.IsOverdue); // the unit's own work is not late
        var supervision = Assert.Single(ledger.Supervisions);
        Assert.Equal((DeadlineKind.ReportIn, SummonedDepartment), (supervision.DeadlineKind, supervision.UnitCode));

        Assert.True(TicketRules.Allows(Kind.WithdrawSummons, district, ticket));
        Assert.True(TicketRules.Allows(Kind.ReportInOnBehalf, district, ticket));
        // The district elsewhere, the street and the city supervisor have no part in it; the department may still report in late.
        foreach (var name in new[] { "district elsewhere", "street over the place", "city supervisor" })
            Assert.Equal(TicketRefusal.NotTheirs, TicketRules.Check(Kind.WithdrawSummons, The(name).Actor, ticket).Refusal);
        Assert.True(TicketRules.Allows(Kind.ReportIn, The("summoned department's staff").Actor, ticket));

        steps.ReportInOnBehalf(ticket, district, At.AddHours(1), SummonedDepartment, "区里协调后已到场", "区供电分局 赵科长");
        Assert.Equal(At.AddHours(1), supervision.ResolvedAt);
        Assert.True(TicketRules.Allows(Kind.Reply, Water, ticket));
        // With nothing escalated left waiting, the district's part ends.
        Assert.Equal(TicketRefusal.NotTheirs, TicketRules.Check(Kind.WithdrawSummons, district, ticket).Refusal);
    }

    [Fact]
    public void A_category_changed_before_dispatch_re_routes_the_ticket_and_after_dispatch_only_corrects_it()
    {
        var received = Build(Received);
        var steps = new TicketSteps(Calendar, new RequestsOptions(), new ListLedger(received));
        Assert.True(steps.ChangeCategory(received, Centre, At, 2, Rule(id: 7, department: "heating", categoryId: 2), "城乡建设 / 市政 / 井盖", "城乡建设 / 供热 / 暖气不热", "来电人说明是暖气问题"));
        Assert.Equal((2, 7), (received.CategoryId, received.RoutingRuleId));
        Assert.Equal("城乡建设 / 市政 / 井盖 → 城乡建设 / 供热 / 暖气不热：来电人说明是暖气问题（按新分类的派单规则派单）", received.Actions[^1].Opinion);
        Assert.Equal((Kind.ChangeCategory, Received), (received.Actions[^1].Action, received.State));

        var handled = Build(InProgress);
        var ledger = new ListLedger(handled);
        var finish = new Deadline { TicketId = handled.Id, Kind = DeadlineKind.Finish, UnitCode = LeadDepartment, DueAt = handled.FinishDueAt!.Value };
        ledger.Add(finish);
        var due = handled.FinishDueAt;
        Assert.False(new TicketSteps(Calendar, new RequestsOptions(), ledger).ChangeCategory(handled, Water, At, 2, Rule(id: 7, department: "heating", categoryId: 2), "旧", "新", "实为供热管线"));
        Assert.Equal((2, 1, LeadDepartment, due), (handled.CategoryId, handled.RoutingRuleId, handled.AssignedUnitCode, handled.FinishDueAt));
        Assert.Null(finish.ClosedAt);
        Assert.EndsWith("（承办单位和时限不变）", handled.Actions[^1].Opinion);

        Assert.Equal(["CategoryId"], Assert.Throws<ValidationFailedException>(() =>
            steps.ChangeCategory(received, Centre, At, 2, Rule(id: 7, categoryId: 2), "a", "a", "again")).Errors.Keys);
        Assert.Equal(TicketRefusal.NotTheirs, TicketRules.Check(Kind.ChangeCategory, The("co-handling department's staff").Actor, Build(InProgress)).Refusal);
        Assert.Equal(TicketRefusal.NotInThisState, TicketRules.Check(Kind.ChangeCategory, Centre, Build(Replied)).Refusal);
    }

    [Fact]
    public void A_patrol_finding_left_to_the_community_goes_there_on_filing_with_its_clocks_running()
    {
        var ticket = Build(Received);
        ticket.Channel = Channel.GridPatrol;
        var ledger = new ListLedger(ticket);
        var steps = new TicketSteps(Calendar, new RequestsOptions(), ledger);
        Assert.Throws<ArgumentException>(() => steps.RouteToCommunity(ticket, Actor.System, At, Rule(department: "water")));
        Assert.Throws<ForbiddenException>(() => steps.RouteToCommunity(ticket, The("grid worker of the place").Actor, At, Rule(department: null)));

        steps.RouteToCommunity(ticket, Actor.System, At, Rule(department: null));
        Assert.Equal((Dispatched, Place), (ticket.State, ticket.AssignedUnitCode));
        Assert.Equal(Calendar.AddWorkingTime(At, TimeSpan.FromHours(4)), ticket.SignDueAt);
        Assert.Equal([DeadlineKind.Sign, DeadlineKind.Finish], ledger.OpenDeadlines(ticket).Select(d => d.Kind));
        Assert.Equal((Kind.RouteToCommunity, "system", Place), (ticket.Actions[^1].Action, ticket.Actions[^1].UserName, ticket.Actions[^1].UnitCode));
        Assert.True(TicketRules.Allows(Kind.Sign, The("community worker of the place").Actor, ticket));
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
        Assert.Equal("只有主办单位可以答复。", forbidden.Message);
        var conflict = Assert.Throws<ConflictException>(() => TicketRules.Require(Kind.Dispatch, Centre, Build(Closed)));
        Assert.Equal("工单当前的状态不允许此操作：派单。", conflict.Message);
        Assert.Equal("Closed", conflict.Details["state"]);
        Assert.Equal(3, conflict.Details["version"]);
        // A check that is made before the state names what is missing, whatever the state.
        Assert.Equal("没有等待审批的延期申请。", Assert.Throws<ConflictException>(() => TicketRules.Require(Kind.ApproveExtension, Centre, Build(Closed))).Message);
        Assert.Equal("本部门已经报到。",
            Assert.Throws<ConflictException>(() => TicketRules.Require(Kind.ReportIn, The("summoned department's staff").Actor, Build(Closed))).Message);
        Assert.Equal("已有延期申请等待审批。",
            Assert.Throws<ConflictException>(() => TicketRules.Require(Kind.RequestExtension, Water, Build(InProgress, situation: Situation.ExtensionWaiting))).Message);
        Assert.StartsWith("被召集的部门尚未全部报到（power",
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
