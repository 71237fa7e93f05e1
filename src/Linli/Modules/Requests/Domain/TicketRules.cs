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
            return new ConflictException(new Phrase("被召集的部门尚未全部报到（{1}），不能{0}。", new Phrase(rule.Verb), string.Join(", ", pending)),
                new Dictionary<string, object?> { ["state"] = t.State.ToString(), ["version"] = t.Version, ["pendingDepartments"] = pending });
        });

    public static readonly Condition NoExtensionWaiting = new("no extension request is waiting",
        (t, _) => t.ExtensionRequestedDays is null,
        (t, _) => Conflict(t, "已有延期申请等待审批。"));

    public static readonly Condition ExtensionWaiting = new("an extension request is waiting",
        (t, _) => t.ExtensionRequestedDays is not null,
        (t, _) => Conflict(t, "没有等待审批的延期申请。"), BeforeState: true);

    public static readonly Condition OwnSummonsPending = new("the department's own summons is not yet answered",
        (t, a) => t.PendingSummons.Any(u => u.UnitCode == a.DepartmentCode),
        (t, _) => Conflict(t, "本部门已经报到。"), BeforeState: true);

    /// <summary>A summons waits for its department: there is one to withdraw or to record a report for.</summary>
    public static readonly Condition SummonsOutstanding = new("a summoned department has not reported in",
        (t, _) => t.PendingSummons.Any(),
        (t, _) => Conflict(t, "没有等待报到的被召集部门。"));

    private static readonly TicketState[] Open = Ticket.OpenStates;

    // Where a summons can be waiting: the states a whistle is blown in, and those a ticket reaches from them before its answer.
    private static readonly TicketState[] WhileSummoned = [Received, Dispatched, Returned, InProgress, Suspended];

    private static readonly TicketRule[] Rules =
    [
        // The centre takes in, sends out, merges duplicates and answers simple questions itself (中心接件、分类派件).
        new(TicketActionKind.Dispatch, "派单", Party.Centre, "只有12345中心可以派单。", [Received, Returned], Dispatched),
        new(TicketActionKind.Merge, "并单", Party.Centre, "只有12345中心可以并单。", [Received, Returned], Merged),
        new(TicketActionKind.AnswerDirectly, "直接答复", Party.Centre, "只有12345中心可以办结工单。", [Received], Closed, SummonsAnswered),

        // The lead unit signs for it or sends it back, handles it and answers.
        new(TicketActionKind.Sign, "签收", Party.LeadUnit, "只有工单派往的单位可以签收。", [Dispatched], InProgress),
        new(TicketActionKind.Return, "退单", Party.LeadUnit, "只有工单派往的单位可以退单。", [Dispatched], Returned),
        new(TicketActionKind.AddCoHandlers, "加派", Party.LeadUnit | Party.Centre, "只有主办单位或12345中心可以加派协办单位。",
            [InProgress], null),
        new(TicketActionKind.RequestExtension, "申请延期", Party.LeadUnit, "只有主办单位可以申请延期。", [InProgress], null, NoExtensionWaiting),
        new(TicketActionKind.ApproveExtension, "批准延期", Party.Centre | Party.SupervisorOfThePlace,
            "只有12345中心或事发地所属的街道、区县可以审批延期。", [InProgress, Suspended], null, ExtensionWaiting),
        new(TicketActionKind.RefuseExtension, "驳回延期", Party.Centre | Party.SupervisorOfThePlace,
            "只有12345中心或事发地所属的街道、区县可以审批延期。", [InProgress, Suspended], null, ExtensionWaiting),
        new(TicketActionKind.Suspend, "挂起", Party.LeadUnit, "只有主办单位可以挂起工单。", [InProgress], Suspended),
        new(TicketActionKind.Resume, "解挂", Party.LeadUnit | Party.Centre, "只有主办单位或12345中心可以解挂工单。", [Suspended], InProgress),
        new(TicketActionKind.Reply, "答复", Party.LeadUnit, "只有主办单位可以答复。", [InProgress], Replied, SummonsAnswered),

        // The place summons departments, and each reports in (吹哨报到).
        new(TicketActionKind.Whistle, "吹哨", Party.WorkerOfThePlace, "只有事发地的网格员或社区工作人员可以吹哨。",
            [Received, Dispatched, InProgress], null),
        new(TicketActionKind.ReportIn, "报到", Party.SummonedDepartment, "只有被召集的部门可以报到。",
            WhileSummoned, null, OwnSummonsPending),
        // A summons that was a mistake, or that nobody answers, ends without a report, with a reason: withdrawn by the place
        // that blew the whistle or by the centre. Unanswered past its time it goes to the district over the place, which
        // directs the district's departments: it may then withdraw it too (the matter is not that department's) or record
        // the report the department gave it by phone or in person. The centre records reports the same way for departments
        // that have no account to report from (电话报到), naming who reported; the department is told either way.
        new(TicketActionKind.WithdrawSummons, "撤回召集", Party.WorkerOfThePlace | Party.Centre | Party.DistrictOverAnEscalatedSummons,
            "只有事发地的网格员、社区工作人员或12345中心可以撤回召集；召集升级后，区县也可以撤回。", WhileSummoned, null,
            SummonsOutstanding),
        new(TicketActionKind.ReportInOnBehalf, "代为报到", Party.Centre | Party.DistrictOverAnEscalatedSummons,
            "只有12345中心可以代部门登记报到；召集升级后，区县也可以。", WhileSummoned, null, SummonsOutstanding),

        // A wrong category is corrected by the centre or by the unit handling it, with a reason. Before dispatch (new or
        // returned, when only the centre may act) the ticket takes the new category's routing rule; after dispatch the lead
        // unit and its deadlines stay, and a unit that should not have it returns it as before.
        new(TicketActionKind.ChangeCategory, "修改分类", Party.Centre | Party.LeadUnit, "只有12345中心或主办单位可以修改工单分类。",
            [Received, Returned, Dispatched, InProgress, Suspended], null),

        // A patrol finding whose category the routing rule leaves to the community goes to the worker's community as it is
        // filed (小事不出社区), not through the centre; intake takes this step, never a person.
        new(TicketActionKind.RouteToCommunity, "派至本社区", Party.System, "只有受理环节可以把巡查上报派至本社区。", [Received], Dispatched),

        // The visit back: a verdict closes it, or (dissatisfied, with reopens left) sends it to the same unit again under supervision.
        new(TicketActionKind.Evaluate, "评价", Party.Centre | Party.Reporter, "只有12345中心（回访）或居民本人可以评价工单。", [Replied], Closed),
        new(TicketActionKind.Reopen, "评价", Party.Centre | Party.Reporter, "只有12345中心（回访）或居民本人可以评价工单。", [Replied], Dispatched),
        new(TicketActionKind.Close, "办结", Party.Centre, "只有12345中心可以办结工单。", [Replied], Closed, SummonsAnswered),

        // A deadline passing unmet (the watcher, never a person); a closed ticket has none left to pass.
        new(TicketActionKind.Overdue, "超期", Party.System, "只有时限监控可以把工单标记为超期。", [.. Open, Merged], null),
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
            TicketRefusal.NotInThisState => throw Conflict(ticket, "工单当前的状态不允许此操作：{0}。", new Phrase(verdict.Rule.Verb)),
            _ => throw verdict.Unmet!.Refusal(ticket, verdict.Rule),
        };
    }

    /// <summary>A 409 that tells the caller the ticket's state and version, so that a client can reload and decide again.</summary>
    public static ConflictException Conflict(Ticket ticket, string message, params object?[] arguments) =>
        new(new Phrase(message, arguments), new Dictionary<string, object?> { ["state"] = ticket.State.ToString(), ["version"] = ticket.Version });
}

/// <summary>
/// One action of the table. <see cref="To"/> null: the ticket stays in the state it is in. <see cref="Verb"/> (the
/// action's name) and <see cref="NotTheirs"/> are keys of the shared resources, said to the caller in their language.
/// </summary>
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
