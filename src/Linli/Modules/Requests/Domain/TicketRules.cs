using Linli.Modules.Requests.Contracts;
using Linli.Platform.Errors;
using static Linli.Modules.Requests.Contracts.TicketState;

namespace Linli.Modules.Requests.Domain;

/// <summary>
/// The state machine of a ticket as one table: for each action, who may take it, the states it is legal in, the state it
/// leads to and what else must hold. The workflow asks it before every step (<see cref="TicketSteps"/> cannot move a
/// ticket without it), the ticket page asks it which forms to show, the deadline watcher asks it before marking a
/// ticket overdue, and the synthetic history walks the same steps, so none of them can do what the table forbids.
/// It needs no database: everything it looks at is on the <see cref="Ticket"/> and the <see cref="Actor"/>.
/// Adding an action is one entry here plus its effect in <see cref="TicketSteps"/> (and a form of the ticket page if people
/// take it there); the rule tests hold the table against the handling rules written out by hand, so they name it too.
/// </summary>
internal static class TicketRules
{
    /// <summary>Every department summoned to the ticket has reported in (吹哨报到 before the answer).</summary>
    public static readonly Condition SummonsAnswered = new("every summoned department has reported in",
        (t, _) => !t.PendingSummons.Any(),
        (t, rule) =>
        {
            var pending = t.PendingSummons.Select(u => u.UnitCode).ToList();
            return new ConflictException($"The ticket cannot be {rule.Verb} while summoned departments have not reported in: {string.Join(", ", pending)}.",
                new Dictionary<string, object?> { ["state"] = t.State.ToString(), ["version"] = t.Version, ["pendingDepartments"] = pending });
        });

    public static readonly Condition NoExtensionWaiting = new("no extension request is waiting",
        (t, _) => t.ExtensionRequestedDays is null,
        (t, _) => Conflict(t, "An extension request is already waiting for a decision."));

    public static readonly Condition ExtensionWaiting = new("an extension request is waiting",
        (t, _) => t.ExtensionRequestedDays is not null,
        (t, _) => Conflict(t, "No extension request is waiting."), BeforeState: true);

    public static readonly Condition OwnSummonsPending = new("the department's own summons is not yet answered",
        (t, a) => t.PendingSummons.Any(u => u.UnitCode == a.DepartmentCode),
        (t, _) => Conflict(t, "Your department has already reported in."), BeforeState: true);

    /// <summary>A summons waits for its department: there is one to withdraw or to record a report for.</summary>
    public static readonly Condition SummonsOutstanding = new("a summoned department has not reported in",
        (t, _) => t.PendingSummons.Any(),
        (t, _) => Conflict(t, "No summoned department is waiting to report in."));

    private static readonly TicketState[] Open = Ticket.OpenStates;

    // Where a summons can be waiting: the states a whistle is blown in, and those a ticket reaches from them before its answer.
    private static readonly TicketState[] WhileSummoned = [Received, Dispatched, Returned, InProgress, Suspended];

    private static readonly TicketRule[] Rules =
    [
        // The centre takes in, sends out, merges duplicates and answers simple questions itself (中心接件、分类派件).
        new(TicketActionKind.Dispatch, "dispatched", Party.Centre, "Only the centre dispatches tickets.", [Received, Returned], Dispatched),
        new(TicketActionKind.Merge, "merged", Party.Centre, "Only the centre merges tickets.", [Received, Returned], Merged),
        new(TicketActionKind.AnswerDirectly, "closed", Party.Centre, "Only the centre closes tickets.", [Received], Closed, SummonsAnswered),

        // The lead unit signs for it or sends it back, handles it and answers.
        new(TicketActionKind.Sign, "signed for", Party.LeadUnit, "Only the unit the ticket was sent to signs for it.", [Dispatched], InProgress),
        new(TicketActionKind.Return, "returned", Party.LeadUnit, "Only the unit the ticket was sent to returns it.", [Dispatched], Returned),
        new(TicketActionKind.AddCoHandlers, "given co-handlers", Party.LeadUnit | Party.Centre, "Only the lead unit or the centre adds co-handling units.",
            [InProgress], null),
        new(TicketActionKind.RequestExtension, "extended", Party.LeadUnit, "Only the lead unit asks for more time.", [InProgress], null, NoExtensionWaiting),
        new(TicketActionKind.ApproveExtension, "extended", Party.Centre | Party.SupervisorOfThePlace,
            "Only the centre or the street and district over the place decide extensions.", [InProgress, Suspended], null, ExtensionWaiting),
        new(TicketActionKind.RefuseExtension, "extended", Party.Centre | Party.SupervisorOfThePlace,
            "Only the centre or the street and district over the place decide extensions.", [InProgress, Suspended], null, ExtensionWaiting),
        new(TicketActionKind.Suspend, "suspended", Party.LeadUnit, "Only the lead unit suspends a ticket.", [InProgress], Suspended),
        new(TicketActionKind.Resume, "resumed", Party.LeadUnit | Party.Centre, "Only the lead unit or the centre resumes a ticket.", [Suspended], InProgress),
        new(TicketActionKind.Reply, "replied", Party.LeadUnit, "Only the lead unit replies.", [InProgress], Replied, SummonsAnswered),

        // The place summons departments, and each reports in (吹哨报到).
        new(TicketActionKind.Whistle, "whistled for", Party.WorkerOfThePlace, "Only a grid or community worker of the place blows the whistle.",
            [Received, Dispatched, InProgress], null),
        new(TicketActionKind.ReportIn, "reported in", Party.SummonedDepartment, "Only a summoned department reports in.",
            WhileSummoned, null, OwnSummonsPending),
        // A summons that was a mistake, or that nobody answers, ends without a report, with a reason: withdrawn by the place
        // that blew the whistle or by the centre. Unanswered past its time it goes to the district over the place, which
        // directs the district's departments: it may then withdraw it too (the matter is not that department's) or record
        // the report the department gave it by phone or in person. The centre records reports the same way for departments
        // that have no account to report from (电话报到), naming who reported; the department is told either way.
        new(TicketActionKind.WithdrawSummons, "released from a summons", Party.WorkerOfThePlace | Party.Centre | Party.DistrictOverAnEscalatedSummons,
            "Only a grid or community worker of the place or the centre withdraws a summons, and the district once it is escalated.", WhileSummoned, null,
            SummonsOutstanding),
        new(TicketActionKind.ReportInOnBehalf, "reported in for", Party.Centre | Party.DistrictOverAnEscalatedSummons,
            "Only the centre, or the district once the summons is escalated, records a department's report-in.", WhileSummoned, null, SummonsOutstanding),

        // A wrong category is corrected by the centre or by the unit handling it, with a reason. Before dispatch (new or
        // returned, when only the centre may act) the ticket takes the new category's routing rule; after dispatch the lead
        // unit and its deadlines stay, and a unit that should not have it returns it as before.
        new(TicketActionKind.ChangeCategory, "recategorized", Party.Centre | Party.LeadUnit, "Only the centre or the lead unit changes a ticket's category.",
            [Received, Returned, Dispatched, InProgress, Suspended], null),

        // A patrol finding whose category the routing rule leaves to the community goes to the worker's community as it is
        // filed (小事不出社区), not through the centre; intake takes this step, never a person.
        new(TicketActionKind.RouteToCommunity, "routed", Party.System, "Only intake routes a patrol finding to its community.", [Received], Dispatched),

        // The visit back: a verdict closes it, or (dissatisfied, with reopens left) sends it to the same unit again under supervision.
        new(TicketActionKind.Evaluate, "rated", Party.Centre | Party.Reporter, "Only the centre (visit back) or the resident rates a ticket.", [Replied], Closed),
        new(TicketActionKind.Reopen, "rated", Party.Centre | Party.Reporter, "Only the centre (visit back) or the resident rates a ticket.", [Replied], Dispatched),
        new(TicketActionKind.Close, "closed", Party.Centre, "Only the centre closes tickets.", [Replied], Closed, SummonsAnswered),

        // A deadline passing unmet (the watcher, never a person); a closed ticket has none left to pass.
        new(TicketActionKind.Overdue, "marked overdue", Party.System, "Only the deadline watcher marks a ticket overdue.", [.. Open, Merged], null),
    ];

    private static readonly Dictionary<TicketActionKind, TicketRule> ByAction = Rules.ToDictionary(r => r.Action);

    /// <summary>The actions taken on an existing ticket; the rest of <see cref="TicketActionKind"/> (filing, a resident's comment) is not a transition.</summary>
    public static IEnumerable<TicketActionKind> Actions => ByAction.Keys;

    public static TicketRule Of(TicketActionKind action) =>
        ByAction.TryGetValue(action, out var rule) ? rule : throw new ArgumentOutOfRangeException(nameof(action), action, "Not an action of the ticket rules.");

    /// <summary>Whether <paramref name="actor"/> may take <paramref name="action"/> on <paramref name="ticket"/> as it is now, and if not, why.</summary>
    public static TicketVerdict Check(TicketActionKind action, Actor actor, Ticket ticket)
    {
        var rule = Of(action);
        if (!rule.Who.Includes(actor, ticket)) return new(rule, TicketRefusal.NotTheirs);
        foreach (var condition in rule.Conditions)
        {
            if (condition.BeforeState && !condition.Holds(ticket, actor)) return new(rule, TicketRefusal.ConditionUnmet, condition);
        }
        if (!rule.In.Contains(ticket.State)) return new(rule, TicketRefusal.NotInThisState);
        foreach (var condition in rule.Conditions)
        {
            if (!condition.BeforeState && !condition.Holds(ticket, actor)) return new(rule, TicketRefusal.ConditionUnmet, condition);
        }
        return new(rule, TicketRefusal.None);
    }

    public static bool Allows(TicketActionKind action, Actor actor, Ticket ticket) => Check(action, actor, ticket).Allowed;

    /// <summary>The rule of <paramref name="action"/> when it may be taken now; else a 403 (not theirs) or a 409 carrying the ticket's state.</summary>
    public static TicketRule Require(TicketActionKind action, Actor actor, Ticket ticket)
    {
        var verdict = Check(action, actor, ticket);
        return verdict.Refusal switch
        {
            TicketRefusal.None => verdict.Rule,
            TicketRefusal.NotTheirs => throw new ForbiddenException(verdict.Rule.NotTheirs),
            TicketRefusal.NotInThisState => throw Conflict(ticket, $"A ticket that is {ticket.State} cannot be {verdict.Rule.Verb}."),
            _ => throw verdict.Unmet!.Refusal(ticket, verdict.Rule),
        };
    }

    /// <summary>A 409 that tells the caller the ticket's state and version, so that a client can reload and decide again.</summary>
    public static ConflictException Conflict(Ticket ticket, string message) =>
        new(message, new Dictionary<string, object?> { ["state"] = ticket.State.ToString(), ["version"] = ticket.Version });
}

/// <summary>One action of the table. <see cref="To"/> null: the ticket stays in the state it is in.</summary>
internal sealed record TicketRule(
    TicketActionKind Action, string Verb, Party Who, string NotTheirs, TicketState[] In, TicketState? To, params Condition[] Conditions);

/// <summary>
/// What must hold besides who and the state. Checked after the state unless <see cref="BeforeState"/>; when it does not
/// hold, <see cref="Refusal"/> is the 409.
/// </summary>
internal sealed record Condition(string Name, Func<Ticket, Actor, bool> Holds, Func<Ticket, TicketRule, ConflictException> Refusal, bool BeforeState = false)
{
    public override string ToString() => Name;
}

internal enum TicketRefusal { None, NotTheirs, NotInThisState, ConditionUnmet }

internal readonly record struct TicketVerdict(TicketRule Rule, TicketRefusal Refusal, Condition? Unmet = null)
{
    public bool Allowed => Refusal == TicketRefusal.None;
}
