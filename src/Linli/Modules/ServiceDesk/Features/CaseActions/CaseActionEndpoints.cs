using System.ComponentModel.DataAnnotations;
using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Modules.ServiceDesk.Features.CaseShared;
using Linli.Platform.Auth;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Linli.Modules.ServiceDesk.Features.CaseActions;

internal sealed record NoticeItemInput(long MaterialId, MaterialStatus Problem, [property: Required, MaxLength(500)] string Reason);
internal sealed record NoticeRequest([property: Required, MaxLength(100)] IReadOnlyList<NoticeItemInput> Items, int? Version = null);
internal sealed record CompleteRequest([property: MaxLength(200)] IReadOnlyList<long>? Received = null, int? Version = null);
internal sealed record DeferredInput(long MaterialId, DateOnly CommitmentDate);
internal sealed record AcceptRequest([property: MaxLength(200)] IReadOnlyList<long>? Received = null, [property: MaxLength(200)] IReadOnlyList<DeferredInput>? Deferred = null,
    [property: MaxLength(2000)] string? Note = null, int? Version = null);
internal sealed record ReasonRequest([property: MaxLength(2000)] string? Reason = null, int? Version = null);
internal sealed record NoteRequest([property: MaxLength(2000)] string? Note = null, int? Version = null);
internal sealed record SuspendRequest(NonCountingSteps Step, [property: MaxLength(2000)] string? Reason = null, int? Version = null);
internal sealed record ExtendRequest(int Days, [property: MaxLength(2000)] string? Reason = null, int? Version = null);
internal sealed record ExtensionDecisionRequest(bool Approve, [property: MaxLength(2000)] string? Opinion = null, int? Version = null);
internal sealed record HandOverRequest(HandOverMethod Method = HandOverMethod.Window, [property: MaxLength(2000)] string? Note = null, int? Version = null);
internal sealed record ProxyRequest([property: MaxLength(2000)] string? Mandate = null, int? Version = null);
internal sealed record HomeVisitRequest(long? VisitId = null, DateTime? ScheduledAt = null, DateTime? VisitedAt = null, [property: MaxLength(2000)] string? Outcome = null, int? Version = null);

/// <summary>
/// One endpoint per step of a case. Each loads the case in the caller's scope (404 outside it) at the version the
/// caller saw, takes the step (409 with the current state when it is not legal now, 403 when it is not the caller's),
/// saves it conditional on the version (two workers at once: one wins, the other gets 409) and answers the case.
/// </summary>
internal static class CaseActionEndpoints
{
    public static void Map(IEndpointRouteBuilder api)
    {
        Action(api, "notice", CaseAction.Notice, "一次告知: lists every missing or defective material at once, as one numbered notice; the clock stops.",
            (NoticeRequest r) => new CaseActionInput { Demands = (r.Items ?? []).Select(i => new NoticeDemand(i.MaterialId, i.Problem, i.Reason)).ToList() }, r => r.Version);
        Action(api, "complete", CaseAction.Complete, "补正: the applicant brought what the notice asked for; the clock runs again.",
            (CompleteRequest r) => new CaseActionInput { Received = r.Received ?? [] }, r => r.Version);
        Action(api, "accept", CaseAction.Accept, "受理: refused while a mandatory material is missing, unless it may come later (容缺) with a commitment date.",
            (AcceptRequest r) => new CaseActionInput { Received = r.Received ?? [], Deferred = (r.Deferred ?? []).Select(d => (d.MaterialId, d.CommitmentDate)).ToList(), Note = r.Note },
            r => r.Version);
        Action(api, "refuse", CaseAction.Refuse, "不予受理, with a reason.", (ReasonRequest r) => new CaseActionInput { Reason = r.Reason }, r => r.Version);
        Action(api, "forward", CaseAction.Forward, "转办: to the deciding department.", (NoteRequest r) => new CaseActionInput { Note = r.Note }, r => r.Version);
        Action(api, "review", CaseAction.Review, "审查 starts.", (NoteRequest r) => new CaseActionInput { Note = r.Note }, r => r.Version);
        Action(api, "suspend", CaseAction.Suspend, "中止 for one of the item's non-counting steps; the clock stops.",
            (SuspendRequest r) => new CaseActionInput { Step = r.Step, Reason = r.Reason }, r => r.Version);
        Action(api, "resume", CaseAction.Resume, "恢复: the non-counting step ended; the clock runs again.", (NoteRequest r) => new CaseActionInput { Note = r.Note }, r => r.Version);
        Action(api, "extend", CaseAction.Extend, "申请延期 (once), in working days with a reason.",
            (ExtendRequest r) => new CaseActionInput { Days = r.Days, Reason = r.Reason }, r => r.Version);
        Action(api, "extension-decision", CaseAction.DecideExtension, "The street or district approves or refuses the extension.",
            (ExtensionDecisionRequest r) => new CaseActionInput { Approve = r.Approve, Note = r.Opinion }, r => r.Version);
        Action(api, "approve", CaseAction.Approve, "办结（准予）.", (NoteRequest r) => new CaseActionInput { Note = r.Note }, r => r.Version);
        Action(api, "reject", CaseAction.Reject, "办结（不予）, with a reason.", (ReasonRequest r) => new CaseActionInput { Reason = r.Reason }, r => r.Version);
        Action(api, "hand-over", CaseAction.HandOver, "出件: at the window, by post or at home.",
            (HandOverRequest r) => new CaseActionInput { Method = r.Method, Note = r.Note }, r => r.Version);
        Action(api, "proxy", CaseAction.Proxy, "代办: the caller takes the case as proxy worker under the applicant's mandate (委托), recorded.",
            (ProxyRequest r) => new CaseActionInput { Mandate = r.Mandate }, r => r.Version);
        Action(api, "home-visit", CaseAction.HomeVisit, "上门办: schedules a home visit (scheduledAt) or records one (visitId, visitedAt, outcome).",
            (HomeVisitRequest r) => new CaseActionInput { VisitId = r.VisitId, ScheduledAt = r.ScheduledAt, VisitedAt = r.VisitedAt, Outcome = r.Outcome }, r => r.Version);
    }

    private static void Action<TRequest>(IEndpointRouteBuilder api, string path, CaseAction action, string summary, Func<TRequest, CaseActionInput> input,
        Func<TRequest, int?> version) where TRequest : notnull =>
        api.MapPost("/{id:long}/" + path, async Task<Ok<CaseView>> (long id, TRequest request, CaseWorkflow workflow, HttpContext http, IAreaScope scope, CancellationToken ct) =>
            {
                var actor = CaseActor.From(http.User, scope);
                var loaded = await CaseActionDispatch.RunAsync(workflow, id, version(request), action, input(request), actor, ct);
                return TypedResults.Ok(await workflow.ViewAsync(loaded, actor, ct));
            })
            .WithName("ServiceCase_" + path)
            .WithSummary(summary);
}
