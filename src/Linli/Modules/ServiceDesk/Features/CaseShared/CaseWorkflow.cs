using Linli.Modules.ServiceDesk.Data;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Platform.Audit;
using Linli.Platform.Calendar;
using Linli.Platform.Errors;
using Linli.Platform.Notifications;
using Linli.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Linli.Modules.ServiceDesk.Features.CaseShared;

/// <summary>A case loaded for an action: with its materials and open due times, and the item version it runs under.</summary>
internal sealed record LoadedCase(ServiceCase Case, ServiceItem Item, ServiceItemVersion Version);

/// <summary>A material named in a notice: which, missing or defective, and why.</summary>
internal sealed record NoticeDemand(long MaterialId, MaterialStatus Problem, string Reason);

/// <summary>
/// The case's steps as the API, the pages and the jobs run them. Which step is legal where is <see cref="CaseTransitions"/>,
/// who may take it <see cref="CaseRules"/>, what blocks acceptance <see cref="MaterialRules"/>; this class adds what
/// needs the database (loading, the due times, the notices, the outbox) so that a step is saved whole in the one
/// SaveChanges the caller makes, conditional on the case's version: two workers at once, one wins.
/// </summary>
internal sealed class CaseWorkflow(ServiceDeskDbContext db, WorkingCalendar calendar, TimeProvider clock, IOptions<CaseOptions> options, IAuditLog audit,
    Features.CaseFiles.CaseMaterialFiles files, Platform.Hosting.PublicLinks links)
{
    public DateTime Now { get; } = clock.GetUtcNow().UtcDateTime;

    /// <summary>Office hours in a working day (08:30–17:30): how working time becomes working days.</summary>
    public const double WorkingHoursPerDay = 9;
    private CaseOptions Options => options.Value;

    /// <summary>The case in the caller's scope (else 404), at the version the caller saw (else 409).</summary>
    public async Task<LoadedCase> LoadAsync(long id, int? expectedVersion, CancellationToken cancellationToken, bool ignoreScope = false)
    {
        var query = ignoreScope ? db.ServiceCases.IgnoreQueryFilters() : db.ServiceCases;
        var c = await query.Include(x => x.Materials).Include(x => x.Steps).AsSplitQuery().FirstOrDefaultAsync(x => x.Id == id, cancellationToken)
                ?? throw new NotFoundException("办件 {0} 不存在。", id);
        if (expectedVersion is { } v && v != c.Version)
            throw CaseTransitions.Conflict(c, "办件已被修改（当前版本 {0}，而不是 {1}），请刷新后重试。", c.Version, v);
        await db.CaseDueTimes.Where(d => d.CaseId == id && d.ClosedAt == null).LoadAsync(cancellationToken);
        var version = await db.ServiceItemVersions.AsNoTracking().FirstAsync(x => x.Id == c.ItemVersionId, cancellationToken);
        var item = await db.ServiceItems.AsNoTracking().FirstAsync(x => x.Id == c.ItemId, cancellationToken);
        return new LoadedCase(c, item, version);
    }

    public async Task<CaseView> ViewAsync(LoadedCase loaded, CaseActor viewer, CancellationToken cancellationToken)
    {
        var notices = await db.CaseNotices.AsNoTracking().Include(n => n.Items).Where(n => n.CaseId == loaded.Case.Id).ToListAsync(cancellationToken);
        var visits = await db.CaseHomeVisits.AsNoTracking().Where(v => v.CaseId == loaded.Case.Id).ToListAsync(cancellationToken);
        var handedIn = await files.ListAsync(loaded.Case.Id, loaded.Case.Materials.Select(m => m.MaterialId), cancellationToken);
        return CaseView.Of(loaded.Case, loaded.Item, loaded.Version, notices, visits, viewer, handedIn);
    }

    /// <summary>Saves the step; a concurrent change that got there first makes it a 409 with the state it left.</summary>
    public async Task SaveAsync(ServiceCase c, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        // Two notices issued at once both take the next sequence; the unique index lets one through.
        catch (DbUpdateException e) when (e is DbUpdateConcurrencyException || UniqueViolation.Is(e))
        {
            db.ChangeTracker.Clear();
            var current = await db.ServiceCases.IgnoreQueryFilters().AsNoTracking().Where(x => x.Id == c.Id).Select(x => new { x.State, x.Version }).FirstAsync(cancellationToken);
            throw new ConflictException("其他人已先处理了此办件，请刷新后重试。",
                new Dictionary<string, object?> { ["state"] = current.State.ToString(), ["version"] = current.Version });
        }
    }

    /// <summary>Checks the step is legal and the actor's, moves the case and records who did it.</summary>
    public void Step(LoadedCase loaded, CaseActor actor, CaseAction action, string? note) => Step(loaded.Case, loaded.Version.CommunitySteps, actor, action, note);

    // The step is added to the context, not to the case's Steps (which EF fixes up when they are loaded): the due-time
    // job moves cases without loading their history.
    private void Step(ServiceCase c, CommunitySteps communitySteps, CaseActor actor, CaseAction action, string? note)
    {
        var to = CaseRules.Ensure(action, actor, c, communitySteps);
        db.CaseSteps.Add(new CaseStep { CaseId = c.Id, At = Now, FromState = c.State, ToState = to, ActorUserId = actor.UserId, ActorName = actor.Name, Note = Clean(note) });
        c.State = to;
        c.UpdatedAt = Now;
    }

    /// <summary>The one gate (<see cref="CaseRules.Ensure"/>): legal now, nothing about the case in the way, the actor's.</summary>
    private static CaseState Ensure(LoadedCase loaded, CaseActor actor, CaseAction action) =>
        CaseRules.Ensure(action, actor, loaded.Case, loaded.Version.CommunitySteps);

    private static string? Clean(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Required(string? text, string field) =>
        Clean(text) ?? throw ValidationFailedException.For(field, "请填写{0}。", FieldName(field));

    private static Phrase FieldName(string field) => new(field switch
    {
        "Reason" => "理由",
        "Mandate" => "委托书内容",
        "Outcome" => "上门结果",
        _ => "此项",
    });

    private CaseDueTime? Due(ServiceCase c, CaseDueKind kind) =>
        db.CaseDueTimes.Local.FirstOrDefault(d => d.CaseId == c.Id && d.Kind == kind && d.ClosedAt == null);

    // ---- the window ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// 一次告知: marks the named materials missing or defective and issues one numbered notice listing every material
    /// that is (the complete list, not just what this request named). A further notice asking for anything not asked
    /// before is refused and audited, unless the item version changed. The time limit stops; the 5-day window is met.
    /// </summary>
    public async Task<CaseNotice> NoticeAsync(LoadedCase loaded, CaseActor actor, IReadOnlyList<NoticeDemand> demands, CancellationToken cancellationToken)
    {
        var c = loaded.Case;
        Ensure(loaded, actor, CaseAction.Notice);
        foreach (var demand in demands)
        {
            var material = c.Materials.FirstOrDefault(m => m.MaterialId == demand.MaterialId)
                           ?? throw ValidationFailedException.For("Items", "材料 {0} 不是此事项的申请材料。", demand.MaterialId);
            if (demand.Problem is not (MaterialStatus.Missing or MaterialStatus.Defective))
                throw ValidationFailedException.For("Items", "告知的材料应为“缺少”或“不符合要求”。");
            material.Status = demand.Problem;
            material.Note = Required(demand.Reason, "Reason");
            material.UpdatedAt = Now;
        }
        var listed = c.Materials.Where(MaterialRules.NeedsNotice).OrderBy(m => m.Position).ToList();
        if (listed.Count == 0) throw ValidationFailedException.For("Items", "没有缺少或不符合要求的材料，无需一次告知。");

        var earlier = await db.CaseNotices.AsNoTracking().Include(n => n.Items).Where(n => n.CaseId == c.Id).ToListAsync(cancellationToken);
        var added = MaterialRules.NewDemands(earlier, listed.Select(m => m.MaterialId), c.ItemVersionId);
        if (added.Count > 0)
        {
            var names = string.Join("、", listed.Where(m => added.Contains(m.MaterialId)).Select(m => m.Name));
            await audit.RecordAsync(AuditActions.SecondNoticeRefused, AuditSubjects.ServiceCase, c.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                c.AcceptingCommunityCode, "notice", "再次告知新增材料：" + names, cancellationToken);
            throw CaseTransitions.Conflict(c, "一次告知后不得再要求首次未告知的材料：{0}。", names);
        }

        Step(loaded, actor, CaseAction.Notice, null);
        var sequence = earlier.Count + 1;
        var notice = new CaseNotice
        {
            CaseId = c.Id, Number = $"{c.Number}-{sequence}", Sequence = sequence, ItemVersionId = c.ItemVersionId, IssuedAt = Now,
            IssuedByUserId = actor.UserId, IssuedByName = actor.Name,
            Items = listed.Select(m => new CaseNoticeItem { MaterialId = m.MaterialId, Position = m.Position, Name = m.Name, Problem = m.Status, Reason = m.Note ?? "" }).ToList(),
        };
        db.CaseNotices.Add(notice);
        c.NoticedAt ??= Now;
        Due(c, CaseDueKind.NoticeWindow)?.Close(Now);
        Due(c, CaseDueKind.Limit)?.Pause(Now, calendar);
        NotifyApplicant(c, "一次告知", $"您的办件 {c.Number} 需补正材料（告知书 {notice.Number}）：{string.Join("；", listed.Select(m => $"{m.Position}. {m.Name}（{m.Note}）"))}。");
        return notice;
    }

    /// <summary>补正: the applicant brought what the notice asked for; the clock runs again from the office time it had left.</summary>
    public async Task CompleteAsync(LoadedCase loaded, CaseActor actor, IReadOnlyList<long> received, CancellationToken cancellationToken)
    {
        Step(loaded, actor, CaseAction.Complete, null);
        var c = loaded.Case;
        MarkReceived(c, received);
        Due(c, CaseDueKind.Limit)?.Resume(Now, calendar);
        if (Due(c, CaseDueKind.Limit) is { } limit) c.DueAt = limit.DueAt;
        var open = await db.CaseNotices.Where(n => n.CaseId == c.Id && n.CompletedAt == null).ToListAsync(cancellationToken);
        foreach (var notice in open) notice.CompletedAt = Now;
        // The wait for completion in working days, from the earliest open notice (the statistics' average wait).
        if (open.Count > 0) c.WaitingDays = Math.Round((c.WaitingDays ?? 0) + calendar.WorkingTimeBetween(open.Min(n => n.IssuedAt), Now).TotalHours / WorkingHoursPerDay, 2);
    }

    private void MarkReceived(ServiceCase c, IReadOnlyList<long> received)
    {
        foreach (var id in received)
        {
            var material = c.Materials.FirstOrDefault(m => m.MaterialId == id) ?? throw ValidationFailedException.For("Received", "材料 {0} 不是此事项的申请材料。", id);
            if (material.Status == MaterialStatus.Supplied) continue;
            material.Status = MaterialStatus.Received;
            material.Note = null;
            material.CommitmentDueAt = null;
            material.UpdatedAt = Now;
        }
    }

    /// <summary>受理: refused (409, naming them) while a mandatory material is missing, unless it may come later (容缺) under a dated commitment.</summary>
    public void Accept(LoadedCase loaded, CaseActor actor, IReadOnlyList<long> received, IReadOnlyList<(long MaterialId, DateOnly Due)> deferred, string? note)
    {
        var c = loaded.Case;
        Ensure(loaded, actor, CaseAction.Accept);
        MarkReceived(c, received);
        foreach (var (materialId, due) in deferred)
        {
            var material = c.Materials.FirstOrDefault(m => m.MaterialId == materialId) ?? throw ValidationFailedException.For("Deferred", "材料 {0} 不是此事项的申请材料。", materialId);
            if (!material.AcceptLater) throw ValidationFailedException.For("Deferred", "材料“{0}”不允许容缺受理。", material.Name);
            if (due <= WorkingCalendar.ChinaDay(Now)) throw ValidationFailedException.For("Deferred", "容缺承诺的补交日期应晚于今天。");
            material.Status = MaterialStatus.Deferred;
            material.CommitmentDueAt = WorkingCalendar.ToUtc(due.ToDateTime(new TimeOnly(17, 30)));
            material.UpdatedAt = Now;
        }
        var blocking = c.Materials.Where(MaterialRules.BlocksAcceptance).OrderBy(m => m.Position).ToList();
        if (blocking.Count > 0)
            throw new ConflictException(new Phrase("缺少必要材料，不能受理：{0}。", string.Join("、", blocking.Select(m => m.Name))),
                new Dictionary<string, object?> { ["state"] = c.State.ToString(), ["version"] = c.Version, ["missing"] = blocking.Select(m => m.MaterialId).ToList() });
        Step(loaded, actor, CaseAction.Accept, note);
        c.AcceptedAt = Now;
        Due(c, CaseDueKind.NoticeWindow)?.Close(Now);
        NotifyApplicant(c, "办件已受理", $"您的办件 {c.Number} 已受理，承诺办结时间 {Local(c.DueAt)}。");
    }

    /// <summary>Accepted by law: no notice within the window; it counts as accepted from 收件 (the platform's step: the item's community steps do not matter).</summary>
    public void AcceptByLaw(ServiceCase c)
    {
        Step(c, CommunitySteps.None, CaseActor.System, CaseAction.AcceptByLaw, "收件后 5 个工作日内未一次告知，依法自收件之日起视为受理。");
        c.AcceptedAt = c.ReceivedAt;
        c.AcceptedByLaw = true;
        NotifyApplicant(c, "办件已受理", $"您的办件 {c.Number} 自收件之日起视为受理。");
        db.CaseOutbox.Add(Message(NotificationAddress.User(c.OwnerUserId), c, "逾期未告知视为受理", $"办件 {c.Number} 收件后 5 个工作日内未一次告知，已依法视为受理。"));
    }

    public void Refuse(LoadedCase loaded, CaseActor actor, string? reason)
    {
        var text = Required(reason, "Reason");
        Step(loaded, actor, CaseAction.Refuse, text);
        var c = loaded.Case;
        c.RefusalReason = text;
        c.DecidedAt = Now;
        CloseAll(c);
        c.DueAt = null;
        NotifyApplicant(c, "不予受理", $"您的办件 {c.Number} 不予受理：{text}");
    }

    public void Forward(LoadedCase loaded, CaseActor actor, string? note)
    {
        Step(loaded, actor, CaseAction.Forward, note);
        var c = loaded.Case;
        db.CaseOutbox.Add(Message(NotificationAddress.Department(c.DepartmentCode), c, "转办办件", $"办件 {c.Number}（{loaded.Version.Name}）已转至本部门审查，办结时限 {Local(c.DueAt)}。"));
    }

    public void Review(LoadedCase loaded, CaseActor actor, string? note) => Step(loaded, actor, CaseAction.Review, note);

    /// <summary>中止 for one of the item's non-counting steps; the clock stops.</summary>
    public void Suspend(LoadedCase loaded, CaseActor actor, NonCountingSteps step, string? reason)
    {
        if (step == NonCountingSteps.None || !Enum.IsDefined(step) || !loaded.Version.NonCountingSteps.HasFlag(step))
            throw ValidationFailedException.For("Step", "此事项没有这一不计时环节。");
        Step(loaded, actor, CaseAction.Suspend, Required(reason, "Reason"));
        loaded.Case.SuspendedFor = step;
        Due(loaded.Case, CaseDueKind.Limit)?.Pause(Now, calendar);
        NotifyApplicant(loaded.Case, "办件中止计时", $"您的办件 {loaded.Case.Number} 进入不计时环节：{reason}");
    }

    public void Resume(LoadedCase loaded, CaseActor actor, string? note)
    {
        Step(loaded, actor, CaseAction.Resume, note);
        var c = loaded.Case;
        c.SuspendedFor = null;
        if (Due(c, CaseDueKind.Limit) is { } limit)
        {
            limit.Resume(Now, calendar);
            c.DueAt = limit.DueAt;
        }
    }

    /// <summary>延期: asked once, for a number of working days, with a reason; decided by the street or district.</summary>
    public void Extend(LoadedCase loaded, CaseActor actor, int days, string? reason)
    {
        var c = loaded.Case;
        Ensure(loaded, actor, CaseAction.Extend);
        if (days < 1 || days > Options.MaxExtensionDays) throw ValidationFailedException.For("Days", "延期天数应在 1 到 {0} 个工作日之间。", Options.MaxExtensionDays);
        var text = Required(reason, "Reason");
        Step(loaded, actor, CaseAction.Extend, text);
        (c.ExtensionDays, c.ExtensionReason, c.ExtensionRequestedAt) = (days, text, Now);
        db.CaseOutbox.Add(Message(NotificationAddress.Area(c.AcceptingCommunityCode[..9]), c, "延期申请", $"办件 {c.Number} 申请延期 {days} 个工作日：{text}"));
    }

    public void DecideExtension(LoadedCase loaded, CaseActor actor, bool approve, string? opinion)
    {
        var c = loaded.Case;
        Step(loaded, actor, CaseAction.DecideExtension, (approve ? "同意延期。" : "不同意延期。") + Clean(opinion));
        (c.ExtensionDecidedAt, c.ExtensionApproved) = (Now, approve);
        if (approve && Due(c, CaseDueKind.Limit) is { } limit)
        {
            limit.MoveTo(calendar.AddWorkingDays(limit.DueAt, c.ExtensionDays!.Value), calendar);
            c.DueAt = limit.DueAt;
        }
        db.CaseOutbox.Add(Message(NotificationAddress.User(c.OwnerUserId), c, approve ? "延期已批准" : "延期未批准",
            approve ? $"办件 {c.Number} 延期已批准，新的办结时限 {Local(c.DueAt)}。" : $"办件 {c.Number} 延期未批准。{opinion}"));
    }

    public void Decide(LoadedCase loaded, CaseActor actor, bool approve, string? reason)
    {
        var c = loaded.Case;
        var text = approve ? Clean(reason) : Required(reason, "Reason");
        Step(loaded, actor, approve ? CaseAction.Approve : CaseAction.Reject, text);
        c.DecidedAt = Now;
        if (!approve) c.RefusalReason = text;
        if (Due(c, CaseDueKind.Limit) is { } limit)
        {
            // Working days used: the limit's office time less what is left (or plus how late), stopped time not counted.
            var allowed = TimeSpan.FromHours(WorkingHoursPerDay) * (loaded.Version.PromisedLimitDays + (c.ExtensionApproved == true ? c.ExtensionDays ?? 0 : 0));
            var used = Now <= limit.DueAt ? allowed - calendar.WorkingTimeBetween(Now, limit.DueAt) : allowed + calendar.WorkingTimeBetween(limit.DueAt, Now);
            c.WorkingDaysTaken = Math.Round(Math.Max(0, used.TotalHours) / WorkingHoursPerDay, 2);
        }
        CloseAll(c);
        c.DueAt = null;
        NotifyApplicant(c, "办件已办结", approve ? $"您的办件 {c.Number} 已办结（准予），请按约定领取结果。{RatingInvitation(c)}"
            : $"您的办件 {c.Number} 已办结（不予）：{text}。{RatingInvitation(c)}");
    }

    public void HandOver(LoadedCase loaded, CaseActor actor, HandOverMethod method, string? note)
    {
        if (!Enum.IsDefined(method)) throw ValidationFailedException.For("Method", "出件方式应为窗口领取、邮寄或送达上门。");
        Step(loaded, actor, CaseAction.HandOver, note);
        loaded.Case.HandOverMethod = method;
        loaded.Case.HandedOverAt = Now;
        NotifyApplicant(loaded.Case, "办件已出件", $"您的办件 {loaded.Case.Number} 结果已送达。{RatingInvitation(loaded.Case)}");
    }

    /// <summary>代办: a proxy worker (the caller, or the one named) acts for the applicant under the mandate recorded here.</summary>
    public void Proxy(LoadedCase loaded, CaseActor actor, string? mandate, string proxyUserId, string proxyName)
    {
        var c = loaded.Case;
        Ensure(loaded, actor, CaseAction.Proxy);
        var text = Required(mandate, "Mandate");
        db.CaseSteps.Add(new CaseStep { CaseId = c.Id, At = Now, FromState = c.State, ToState = c.State, ActorUserId = actor.UserId, ActorName = actor.Name, Note = "代办委托：" + text });
        (c.ProxyUserId, c.ProxyName, c.Mandate, c.MandateAt, c.Mode, c.UpdatedAt) = (proxyUserId, proxyName, text, Now, HandlingModes.Proxy, Now);
        db.CaseOutbox.Add(Message(NotificationAddress.User(proxyUserId), c, "代办委托", $"您受委托代办办件 {c.Number}（{loaded.Version.Name}）。"));
    }

    /// <summary>上门办: schedules a visit (for applicants tagged 80+, disabled or living alone), or records one that took place.</summary>
    public async Task<CaseHomeVisit> HomeVisitAsync(LoadedCase loaded, CaseActor actor, long? visitId, DateTime? scheduledAt, DateTime? visitedAt, string? outcome,
        CancellationToken cancellationToken)
    {
        var c = loaded.Case;
        Ensure(loaded, actor, CaseAction.HomeVisit);
        CaseHomeVisit visit;
        if (visitId is { } id)
        {
            visit = await db.CaseHomeVisits.FirstOrDefaultAsync(v => v.Id == id && v.CaseId == c.Id, cancellationToken)
                    ?? throw ValidationFailedException.For("VisitId", "上门记录 {0} 不存在。", id);
            if (visit.VisitedAt is not null) throw CaseTransitions.Conflict(c, "这次上门已经记录过。");
            visit.VisitedAt = visitedAt is { } at ? Utc(at) : Now;
            if (visit.VisitedAt > Now) throw ValidationFailedException.For("VisitedAt", "上门时间不能晚于现在。");
            visit.Outcome = Required(outcome, "Outcome");
            visit.WorkerUserId = actor.UserId;
            visit.WorkerName = actor.Name;
        }
        else
        {
            var when = scheduledAt is { } s ? Utc(s) : throw ValidationFailedException.For("ScheduledAt", "请填写预约上门时间。");
            visit = new CaseHomeVisit { CaseId = c.Id, ScheduledAt = when, WorkerUserId = actor.UserId, WorkerName = actor.Name, AcceptingCommunityCode = c.AcceptingCommunityCode };
            db.CaseHomeVisits.Add(visit);
            c.Mode = HandlingModes.DoorToDoor;
            NotifyApplicant(c, "预约上门", $"工作人员将于 {Local(when)} 上门办理办件 {c.Number}。");
        }
        db.CaseSteps.Add(new CaseStep { CaseId = c.Id, At = Now, FromState = c.State, ToState = c.State, ActorUserId = actor.UserId, ActorName = actor.Name,
            Note = visitId is null ? $"预约上门：{Local(visit.ScheduledAt)}" : $"上门服务：{visit.Outcome}" });
        c.UpdatedAt = Now;
        return visit;
    }

    private static DateTime Utc(DateTime at) => at.Kind == DateTimeKind.Unspecified ? WorkingCalendar.ToUtc(at) : at.ToUniversalTime();

    private void CloseAll(ServiceCase c)
    {
        foreach (var due in db.CaseDueTimes.Local.Where(d => d.CaseId == c.Id && d.Kind != CaseDueKind.FollowUp)) due.Close(Now);
    }

    // ---- notifications ---------------------------------------------------------------------------------------------------

    /// <summary>
    /// To the applicant's account (online applicants and residents who signed in), or else by SMS to the phone number left
    /// at the window; an applicant with neither is handed the printed notice. Their home community is told either way,
    /// since the case is theirs too.
    /// </summary>
    public void NotifyApplicant(ServiceCase c, string subject, string body)
    {
        if (c.ApplicantUserId is { } user) db.CaseOutbox.Add(Message(NotificationAddress.User(user), c, subject, body));
        // Without an account, by SMS to the phone number left at the window (Jobs/ApplicantPhones.cs).
        else if (c.ApplicantPhoneCipher is not null) db.CaseOutbox.Add(Message(Jobs.ApplicantPhones.Address(c.Number), c, subject, body));
        if (c.HomeCommunityCode != c.AcceptingCommunityCode) db.CaseOutbox.Add(Message(NotificationAddress.Area(c.HomeCommunityCode), c, subject, body));
    }

    /// <summary>
    /// The invitation to rate (好差评) at 办结 and 出件: the tracking page's link with the case number (on the receipt anyway,
    /// not personal data), where the applicant proves the case with their ID number — typed there, never in the link —
    /// and rates without an account. Never a demand: the applicant rates if they choose. Absolute at the configured public
    /// address (Platform/Hosting/PublicAddress.cs), since a text message is read outside the site.
    /// </summary>
    public string RatingInvitation(ServiceCase c) =>
        $"欢迎对本次服务作出评价：{links.To(TrackingLink(c.Number))} （凭办件编号和身份证号后6位，无需登录）。";

    public static string TrackingLink(string caseNumber) => "/service-desk/track?number=" + Uri.EscapeDataString(caseNumber);

    public CaseMessage Message(string recipient, ServiceCase c, string subject, string body) =>
        new() { Recipient = recipient, Subject = subject, Body = body.Length > 4000 ? body[..4000] : body, CaseId = c.Id == 0 ? null : c.Id, Case = c.Id == 0 ? c : null, CreatedAt = Now };

    public static string Local(DateTime? utc) => utc is { } u ? WorkingCalendar.ToChina(u).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture) : "—";
}
