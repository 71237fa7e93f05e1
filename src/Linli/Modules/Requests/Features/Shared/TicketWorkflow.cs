using Linli.Modules.Organizations.Contracts;
using Linli.Modules.Requests.Contracts;
using Linli.Modules.Requests.Data;
using Linli.Modules.Requests.Domain;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.Requests.Features.Shared;

/// <summary>
/// The ticket's actions as the API and the pages run them. Who may act in which state is <see cref="TicketRules"/>, and
/// what an action changes is <see cref="TicketSteps"/>; this class adds what needs the database — loading the ticket,
/// checking the departments and the routing rule named, the merged duplicates that follow a ticket — and the
/// notifications, all in the one SaveChanges the caller makes, so an action is applied whole or not at all. The rules
/// are asked before any input is looked up, so a refused action is a 403 or a 409 carrying the current state whatever
/// else is wrong with the request.
/// </summary>
internal sealed class TicketWorkflow(
    RequestsDbContext db, WorkingCalendar calendar, TimeProvider clock, IOptions<RequestsOptions> options, IDepartmentDirectory departments, CategoryCatalog catalog,
    Regions.Contracts.IRegionDirectory regions)
{
    private DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;
    private TicketSteps Steps { get; } = new(calendar, options.Value, new TrackedTicketLedger(db));

    /// <summary>The ticket with its units, inside the caller's scope (else 404), at the version the caller saw (else 409).</summary>
    public async Task<Ticket> LoadAsync(long id, int? expectedVersion, CancellationToken cancellationToken)
    {
        var ticket = await db.Tickets.Include(t => t.Units).FirstOrDefaultAsync(t => t.Id == id, cancellationToken)
                     ?? throw new NotFoundException("工单 {0} 不存在。", id);
        if (expectedVersion is { } v && v != ticket.Version)
            throw Conflict(ticket, "工单已被修改（当前版本 {0}，而不是 {1}），请刷新后重试。", ticket.Version, v);
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
            throw new ConflictException("其他人已先处理了此工单，请刷新后重试。",
                new Dictionary<string, object?> { ["state"] = current.State.ToString(), ["version"] = current.Version });
        }
    }

    public static ConflictException Conflict(Ticket ticket, string message, params object?[] arguments) => TicketRules.Conflict(ticket, message, arguments);

    // ---- intake -------------------------------------------------------------------------------------------------

    /// <summary>
    /// A new ticket under <paramref name="rule"/>, its category's current rule. A patrol finding that the rule leaves to the
    /// community goes to the community at once (<see cref="TicketActionKind.RouteToCommunity"/>); everything else waits
    /// for the centre.
    /// </summary>
    public void Filed(Ticket ticket, Actor actor, RoutingRule rule)
    {
        Steps.File(ticket, actor, Now);
        db.Tickets.Add(ticket);
        NotifyReporter(ticket, "诉求已受理", $"您的诉求 {ticket.Number} 已受理。");
        if (ticket.Channel == Channel.GridPatrol && rule.DepartmentCode is null)
        {
            Steps.RouteToCommunity(ticket, Actor.System, Now, rule);
            Notify(Recipients.Unit(ticket.CommunityCode), ticket, "新派工单", $"网格巡查上报 {ticket.Number} 由本社区办理，请在 {Local(ticket.SignDueAt)} 前签收。");
        }
    }

    // ---- the centre sends it out ----------------------------------------------------------------------------------

    public async Task DispatchAsync(Ticket ticket, Actor actor, string? unitCode, string? opinion, CancellationToken cancellationToken)
    {
        TicketRules.Require(TicketActionKind.Dispatch, actor, ticket);
        var rule = await RuleOfAsync(ticket, cancellationToken);
        var unit = string.IsNullOrWhiteSpace(unitCode) ? rule.DepartmentCode ?? ticket.CommunityCode
            : unitCode == "community" ? ticket.CommunityCode : unitCode.Trim();
        if (!Recipients.IsRegionCode(unit) && await departments.FindAsync(unit, cancellationToken) is not { IsActive: true })
            throw ValidationFailedException.For("UnitCode", "部门 {0} 不存在或已停用。", unit);
        if (Recipients.IsRegionCode(unit) && unit != ticket.CommunityCode)
            throw ValidationFailedException.For("UnitCode", "工单只能派往职能部门或事发地所在的社区。");
        Steps.Dispatch(ticket, actor, Now, unit, rule, opinion);
        // The centre dispatching under the category as it stands confirms it: a training example for the classifier
        // (the classifier's own dispatch confirms nothing).
        if (!ReferenceEquals(actor, Actor.Classifier)) await RememberExampleAsync(ticket, ticket.CategoryId, corrected: false, cancellationToken);
        Notify(Recipients.Unit(unit), ticket, "新派工单", $"工单 {ticket.Number} 已派至本单位，请在 {Local(ticket.SignDueAt)} 前签收。");
        NotifyReporter(ticket, "诉求已派发", $"您的诉求 {ticket.Number} 已派至承办单位。");
    }

    // ---- the unit -----------------------------------------------------------------------------------------------------

    public void Sign(Ticket ticket, Actor actor, string? opinion)
    {
        Steps.Sign(ticket, actor, Now, opinion);
        NotifyReporter(ticket, "诉求办理中", $"您的诉求 {ticket.Number} 已由承办单位签收办理。");
    }

    public async Task ReturnAsync(Ticket ticket, Actor actor, string reason, CancellationToken cancellationToken)
    {
        var unit = Steps.Return(ticket, actor, Now, reason);
        // The centre reads the unit by its name (a department's), never by its code.
        var name = unit is null ? "" : Recipients.IsRegionCode(unit) ? (await regions.FindAsync(unit, cancellationToken))?.Name ?? unit : await NameAsync(unit, cancellationToken);
        Notify(Recipients.Centre(ticket), ticket, "工单被退回", $"工单 {ticket.Number} 被 {name} 退回：{reason}");
    }

    public async Task AddCoHandlersAsync(Ticket ticket, Actor actor, IReadOnlyList<string> unitCodes, string? opinion, CancellationToken cancellationToken)
    {
        TicketRules.Require(TicketActionKind.AddCoHandlers, actor, ticket);
        var codes = await ActiveDepartmentsAsync(unitCodes, "UnitCodes", cancellationToken);
        foreach (var code in Steps.AddCoHandlers(ticket, actor, Now, codes, opinion))
            Notify(Recipients.Department(code), ticket, "加派工单", $"工单 {ticket.Number} 加派本单位协办。");
    }

    public void RequestExtension(Ticket ticket, Actor actor, int days, string reason)
    {
        Steps.RequestExtension(ticket, actor, Now, days, reason);
        Notify(Recipients.Centre(ticket), ticket, "延期申请", $"工单 {ticket.Number} 申请延期 {days} 个工作日：{reason}");
    }

    public void DecideExtension(Ticket ticket, Actor actor, bool approve, string? opinion)
    {
        Steps.DecideExtension(ticket, actor, Now, approve, opinion);
        Notify(Recipients.Unit(ticket.AssignedUnitCode!), ticket, approve ? "延期已批准" : "延期未批准",
            approve ? $"工单 {ticket.Number} 延期已批准，新的办结时限 {Local(ticket.FinishDueAt)}。" : $"工单 {ticket.Number} 延期未批准。{opinion}");
    }

    public void Suspend(Ticket ticket, Actor actor, string reason)
    {
        Steps.Suspend(ticket, actor, Now, reason);
        NotifyReporter(ticket, "诉求挂起", $"您的诉求 {ticket.Number} 暂时挂起：{reason}");
    }

    public void Resume(Ticket ticket, Actor actor, string? reason)
    {
        Steps.Resume(ticket, actor, Now, reason);
        NotifyReporter(ticket, "诉求恢复办理", $"您的诉求 {ticket.Number} 已恢复办理。");
    }

    // ---- whistle and report-in (吹哨报到) ---------------------------------------------------------------------------------

    public async Task WhistleAsync(Ticket ticket, Actor actor, IReadOnlyList<string> departmentCodes, string? opinion, CancellationToken cancellationToken)
    {
        TicketRules.Require(TicketActionKind.Whistle, actor, ticket);
        var codes = await ActiveDepartmentsAsync(departmentCodes, "DepartmentCodes", cancellationToken);
        foreach (var (code, due) in Steps.Whistle(ticket, actor, Now, codes, opinion))
            Notify(Recipients.Department(code), ticket, "吹哨报到", $"工单 {ticket.Number}（{ticket.CommunityCode}）吹哨，请在 {Local(due)} 前报到。");
    }

    public async Task ReportInAsync(Ticket ticket, Actor actor, string report, CancellationToken cancellationToken)
    {
        TicketRules.Require(TicketActionKind.ReportIn, actor, ticket);
        await LoadOpenSupervisionsAsync(ticket, cancellationToken);
        var department = Steps.ReportIn(ticket, actor, Now, report);
        Notify(Recipients.Area(ticket.CommunityCode), ticket, "部门已报到", $"工单 {ticket.Number}：{await NameAsync(department, cancellationToken)} 已报到。");
    }

    /// <summary>The centre (or, escalated, the district) records the report a department gave by phone, naming who gave it.</summary>
    public async Task ReportInOnBehalfAsync(Ticket ticket, Actor actor, string departmentCode, string report, string reportedBy, CancellationToken cancellationToken)
    {
        TicketRules.Require(TicketActionKind.ReportInOnBehalf, actor, ticket);
        await LoadOpenSupervisionsAsync(ticket, cancellationToken);
        var department = departmentCode.Trim();
        Steps.ReportInOnBehalf(ticket, actor, Now, department, report, reportedBy);
        var name = await NameAsync(department, cancellationToken);
        Notify(Recipients.Area(ticket.CommunityCode), ticket, "部门已报到", $"工单 {ticket.Number}：{name} 已报到（报到人：{reportedBy}，代为登记）。");
        Notify(Recipients.Department(department), ticket, "代为报到", $"工单 {ticket.Number}：本单位的报到已由他人代为登记（报到人：{reportedBy}）：{report}");
    }

    /// <summary>Withdraws the summons of a department that has not reported in (撤回召集), with a reason; the department is told.</summary>
    public async Task WithdrawSummonsAsync(Ticket ticket, Actor actor, string departmentCode, string reason, CancellationToken cancellationToken)
    {
        TicketRules.Require(TicketActionKind.WithdrawSummons, actor, ticket);
        await LoadOpenSupervisionsAsync(ticket, cancellationToken);
        var department = departmentCode.Trim();
        Steps.WithdrawSummons(ticket, actor, Now, department, reason);
        Notify(Recipients.Department(department), ticket, "撤回召集", $"工单 {ticket.Number} 已撤回对本单位的吹哨召集，无需报到。原因：{reason}");
        Notify(Recipients.Area(ticket.CommunityCode), ticket, "撤回召集", $"工单 {ticket.Number}：已撤回对{await NameAsync(department, cancellationToken)}的召集。原因：{reason}");
    }

    // ---- corrections ----------------------------------------------------------------------------------------------------

    /// <summary>
    /// Moves the ticket to another live third-level category, with a reason; re-routed under the new category's rule before
    /// dispatch (see <see cref="TicketRules"/>). Whoever did not make the change and works the ticket is told.
    /// </summary>
    public async Task ChangeCategoryAsync(Ticket ticket, Actor actor, int categoryId, string reason, CancellationToken cancellationToken)
    {
        TicketRules.Require(TicketActionKind.ChangeCategory, actor, ticket);
        var snapshot = await catalog.GetAsync(cancellationToken);
        var category = snapshot.Tree.Find(categoryId);
        if (category is not { IsLeaf: true } || snapshot.Tree.IsRetired(category))
            throw ValidationFailedException.For("CategoryId", "请选择在用的三级分类。");
        var rule = snapshot.CurrentRule(categoryId) ?? throw ValidationFailedException.For("CategoryId", "此分类还没有派单规则，请选择其他分类。");
        var from = snapshot.Tree.Find(ticket.CategoryId) is { } old ? snapshot.Tree.PathOf(old) : ticket.CategoryId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var to = snapshot.Tree.PathOf(category);
        Steps.ChangeCategory(ticket, actor, Now, categoryId, rule, from, to, reason);
        await RememberExampleAsync(ticket, categoryId, corrected: true, cancellationToken);
        var body = $"工单 {ticket.Number} 的诉求分类由「{from}」改为「{to}」：{reason}";
        if (ticket.AssignedUnitCode is { } unit && !actor.ActsFor(unit)) Notify(Recipients.Unit(unit), ticket, "诉求分类已修改", body);
        if (!actor.IsCentre) Notify(Recipients.Centre(ticket), ticket, "诉求分类已修改", body);
    }

    /// <summary>
    /// The ticket's text under the category a person chose becomes (or replaces) its training example for the classifier's
    /// next retraining: a correction always, a confirmation only when the ticket has none yet.
    /// </summary>
    private async Task RememberExampleAsync(Ticket ticket, int categoryId, bool corrected, CancellationToken cancellationToken)
    {
        var snapshot = await catalog.GetAsync(cancellationToken);
        if (snapshot.Tree.Find(categoryId) is not { } leaf) return;
        var level1 = snapshot.Tree.Ancestry(leaf).Last().Name;
        var example = ticket.Id == 0 ? null : await db.ClassifierExamples.FirstOrDefaultAsync(e => e.TicketId == ticket.Id, cancellationToken);
        if (example is not null && !corrected) return;
        if (example is null)
        {
            if (ticket.Id == 0) return; // not saved yet: nothing a person confirmed
            db.ClassifierExamples.Add(example = new ClassifierExample { TicketId = ticket.Id });
        }
        example.Text = ticket.Description;
        example.CategoryId = categoryId;
        example.Level1 = level1;
        example.Corrected = corrected;
        example.At = Now;
    }

    // ---- closing the loop -------------------------------------------------------------------------------------------

    public async Task ReplyAsync(Ticket ticket, Actor actor, string reply, CancellationToken cancellationToken)
    {
        Steps.Reply(ticket, actor, Now, reply);
        NotifyRepliedReporter(ticket, reply);
        // Merged duplicates follow the first: each of their reporters gets the reply too.
        foreach (var follower in await FollowersAsync(ticket, cancellationToken)) FollowReply(follower, actor, reply);
        await NotifyHotspotReportersAsync(ticket, reply, cancellationToken);
    }

    // A proactive ticket answers for its hotspot: the reporters of the hotspot's tickets hear the answer (未诉先办).
    // Unfiltered like the followers: written to, never returned.
    private async Task NotifyHotspotReportersAsync(Ticket ticket, string reply, CancellationToken cancellationToken)
    {
        if (ticket.Channel != Channel.Proactive) return;
        var members = await db.Hotspots.IgnoreQueryFilters().Where(h => h.ProactiveTicketId == ticket.Id).SelectMany(h => h.Members)
            .Join(db.Tickets.IgnoreQueryFilters(), m => m.TicketId, t => t.Id, (m, t) => t).Where(t => t.Id != ticket.Id).Distinct().ToListAsync(cancellationToken);
        foreach (var member in members)
            NotifyReporter(member, "主动处置答复", $"您反映的问题（诉求 {member.Number}）已由主动工单 {ticket.Number} 一并处置：{reply}");
    }

    public async Task EvaluateAsync(Ticket ticket, Actor actor, Rating rating, string? opinion, CancellationToken cancellationToken)
    {
        var verdict = Steps.VerdictOf(ticket, rating);
        TicketRules.Require(verdict, actor, ticket);
        if (verdict == TicketActionKind.Evaluate)
        {
            await LoadOpenSupervisionsAsync(ticket, cancellationToken);
            Steps.Evaluate(ticket, actor, Now, rating, opinion, null);
            await ClosedAsync(ticket, cancellationToken);
            return;
        }
        // Dissatisfied: handled again (重办) by the same unit, under supervision (督办).
        Steps.Evaluate(ticket, actor, Now, rating, opinion, await RuleOfAsync(ticket, cancellationToken));
        Notify(Recipients.Unit(ticket.AssignedUnitCode!), ticket, "重办督办", $"工单 {ticket.Number} 群众不满意，重办并督办，请在 {Local(ticket.SignDueAt)} 前签收。");
        foreach (var supervisor in Recipients.Supervisors(ticket)) Notify(supervisor, ticket, "督办", $"工单 {ticket.Number} 群众不满意，已重办督办。");
        NotifyReporter(ticket, "诉求重办", $"您的诉求 {ticket.Number} 将重新办理。");
    }

    /// <summary>Closes a replied ticket without a rating, or answers a new one directly (直接答复) and closes it at once.</summary>
    public async Task CloseAsync(Ticket ticket, Actor actor, string opinion, CancellationToken cancellationToken)
    {
        var answersDirectly = ticket.State == TicketState.Received;
        TicketRules.Require(answersDirectly ? TicketActionKind.AnswerDirectly : TicketActionKind.Close, actor, ticket);
        await LoadOpenSupervisionsAsync(ticket, cancellationToken);
        if (answersDirectly)
        {
            Steps.AnswerDirectly(ticket, actor, Now, opinion);
            NotifyReporter(ticket, "诉求已答复", $"您的诉求 {ticket.Number} 已直接答复：{opinion}");
            foreach (var follower in await FollowersAsync(ticket, cancellationToken)) FollowReply(follower, actor, opinion);
            await NotifyHotspotReportersAsync(ticket, opinion, cancellationToken);
        }
        else Steps.Close(ticket, actor, Now, opinion);
        await ClosedAsync(ticket, cancellationToken);
    }

    // Closing resolves the ticket's open supervisions: the steps resolve what the context holds, so load them first.
    private Task LoadOpenSupervisionsAsync(Ticket ticket, CancellationToken cancellationToken) =>
        db.Supervisions.Where(s => s.TicketId == ticket.Id && s.ResolvedAt == null).LoadAsync(cancellationToken);

    private async Task ClosedAsync(Ticket ticket, CancellationToken cancellationToken)
    {
        NotifyReporter(ticket, "诉求已办结", $"您的诉求 {ticket.Number} 已办结。");
        foreach (var follower in await FollowersAsync(ticket, cancellationToken)) Steps.FollowClose(follower, ticket, Now);
    }

    private void FollowReply(Ticket follower, Actor actor, string reply)
    {
        Steps.FollowReply(follower, actor, Now, reply);
        NotifyRepliedReporter(follower, reply);
    }

    private void NotifyRepliedReporter(Ticket ticket, string reply) =>
        NotifyReporter(ticket, "诉求已答复，请评价", $"您的诉求 {ticket.Number} 已答复：{reply}。请对办理结果进行评价（满意/基本满意/不满意）。");

    // ---- the resident's side ------------------------------------------------------------------------------------------

    /// <summary>
    /// A comment the resident adds (passed on by an Open311 client): written in the history, where the handling unit reads
    /// it, and sent to the unit handling the ticket (the centre while no unit has it). Taken in any state; changes none.
    /// </summary>
    public TicketAction Commented(Ticket ticket, Actor actor, string comment)
    {
        Steps.Comment(ticket, actor, Now, comment);
        var unit = ticket.AssignedUnitCode is { } assigned && ticket.State is TicketState.Dispatched or TicketState.InProgress or TicketState.Suspended or TicketState.Replied
            ? Recipients.Unit(assigned) : Recipients.Centre(ticket);
        Notify(unit, ticket, "群众补充意见", $"工单 {ticket.Number} 收到群众补充：{(comment.Length <= 200 ? comment : comment[..200] + "…")}");
        return ticket.Actions[^1];
    }

    // ---- duplicates --------------------------------------------------------------------------------------------------

    public void Merge(Ticket ticket, Ticket into, Actor actor)
    {
        Steps.Merge(ticket, into, actor, Now);
        NotifyReporter(ticket, "诉求已合并", $"您的诉求 {ticket.Number} 与 {into.Number} 为同一问题，将一并办理答复。");
    }

    // Unfiltered on purpose: merged duplicates may lie outside the caller's scope, yet must share the reply and the
    // closing. Only written to here, never returned to the caller — do not copy this into a read path.
    private async Task<List<Ticket>> FollowersAsync(Ticket ticket, CancellationToken cancellationToken) =>
        await db.Tickets.IgnoreQueryFilters().Where(t => t.MergedIntoId == ticket.Id && t.State == TicketState.Merged).ToListAsync(cancellationToken);

    // ---- plumbing ------------------------------------------------------------------------------------------------------

    private Task<RoutingRule> RuleOfAsync(Ticket ticket, CancellationToken cancellationToken) =>
        db.RoutingRules.AsNoTracking().FirstAsync(r => r.Id == ticket.RoutingRuleId, cancellationToken);

    private async Task<List<string>> ActiveDepartmentsAsync(IReadOnlyList<string> codes, string field, CancellationToken cancellationToken)
    {
        var active = (await departments.ListAsync(cancellationToken: cancellationToken)).Select(d => d.Code).ToHashSet(StringComparer.Ordinal);
        var wanted = codes.Select(c => c.Trim()).Where(c => c.Length > 0).Distinct().ToList();
        if (wanted.Count == 0) throw ValidationFailedException.For(field, "请至少指定一个部门。");
        if (wanted.FirstOrDefault(c => !active.Contains(c)) is { } unknown) throw ValidationFailedException.For(field, "部门 {0} 不存在或已停用。", unknown);
        return wanted;
    }

    private async Task<string> NameAsync(string departmentCode, CancellationToken cancellationToken) =>
        (await departments.FindAsync(departmentCode, cancellationToken))?.Name ?? departmentCode;

    private void Notify(string recipient, Ticket ticket, string subject, string body) =>
        db.Outbox.Add(new TicketMessage { Recipient = recipient, Subject = subject, Body = body, Ticket = ticket, CreatedAt = Now });

    private void NotifyReporter(Ticket ticket, string subject, string body)
    {
        if (Recipients.Reporter(ticket) is { } reporter) Notify(reporter, ticket, subject, body);
    }

    private static string Local(DateTime? utc) => utc is { } u ? WorkingCalendar.ToChina(u).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "";
}
