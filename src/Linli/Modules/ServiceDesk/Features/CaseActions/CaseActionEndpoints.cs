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
        Action(api, "notice", "一次告知: lists every missing or defective material at once, as one numbered notice; the clock stops.",
            (NoticeRequest r, CaseWorkflow w, LoadedCase c, CaseActor a, CancellationToken ct) =>
                w.NoticeAsync(c, a, (r.Items ?? []).Select(i => new NoticeDemand(i.MaterialId, i.Problem, i.Reason)).ToList(), ct), r => r.Version);
        Action(api, "complete", "补正: the applicant brought what the notice asked for; the clock runs again.",
            (CompleteRequest r, CaseWorkflow w, LoadedCase c, CaseActor a, CancellationToken ct) => w.CompleteAsync(c, a, r.Received ?? [], ct), r => r.Version);
        Action(api, "accept", "受理: refused while a mandatory material is missing, unless it may come later (容缺) with a commitment date.",
            (AcceptRequest r, CaseWorkflow w, LoadedCase c, CaseActor a, CancellationToken _) =>
                Done(() => w.Accept(c, a, r.Received ?? [], (r.Deferred ?? []).Select(d => (d.MaterialId, d.CommitmentDate)).ToList(), r.Note)), r => r.Version);
        Action(api, "refuse", "不予受理, with a reason.", (ReasonRequest r, CaseWorkflow w, LoadedCase c, CaseActor a, CancellationToken _) => Done(() => w.Refuse(c, a, r.Reason)), r => r.Version);
        Action(api, "forward", "转办: to the deciding department.", (NoteRequest r, CaseWorkflow w, LoadedCase c, CaseActor a, CancellationToken _) => Done(() => w.Forward(c, a, r.Note)), r => r.Version);
        Action(api, "review", "审查 starts.", (NoteRequest r, CaseWorkflow w, LoadedCase c, CaseActor a, CancellationToken _) => Done(() => w.Review(c, a, r.Note)), r => r.Version);
        Action(api, "suspend", "中止 for one of the item's non-counting steps; the clock stops.",
            (SuspendRequest r, CaseWorkflow w, LoadedCase c, CaseActor a, CancellationToken _) => Done(() => w.Suspend(c, a, r.Step, r.Reason)), r => r.Version);
        Action(api, "resume", "恢复: the non-counting step ended; the clock runs again.",
            (NoteRequest r, CaseWorkflow w, LoadedCase c, CaseActor a, CancellationToken _) => Done(() => w.Resume(c, a, r.Note)), r => r.Version);
        Action(api, "extend", "申请延期 (once), in working days with a reason.",
            (ExtendRequest r, CaseWorkflow w, LoadedCase c, CaseActor a, CancellationToken _) => Done(() => w.Extend(c, a, r.Days, r.Reason)), r => r.Version);
        Action(api, "extension-decision", "The street or district approves or refuses the extension.",
            (ExtensionDecisionRequest r, CaseWorkflow w, LoadedCase c, CaseActor a, CancellationToken _) => Done(() => w.DecideExtension(c, a, r.Approve, r.Opinion)), r => r.Version);
        Action(api, "approve", "办结（准予）.", (NoteRequest r, CaseWorkflow w, LoadedCase c, CaseActor a, CancellationToken _) => Done(() => w.Decide(c, a, true, r.Note)), r => r.Version);
        Action(api, "reject", "办结（不予）, with a reason.", (ReasonRequest r, CaseWorkflow w, LoadedCase c, CaseActor a, CancellationToken _) => Done(() => w.Decide(c, a, false, r.Reason)), r => r.Version);
        Action(api, "hand-over", "出件: at the window, by post or at home.",
            (HandOverRequest r, CaseWorkflow w, LoadedCase c, CaseActor a, CancellationToken _) => Done(() => w.HandOver(c, a, r.Method, r.Note)), r => r.Version);
        Action(api, "proxy", "代办: the caller takes the case as proxy worker under the applicant's mandate (委托), recorded.",
            (ProxyRequest r, CaseWorkflow w, LoadedCase c, CaseActor a, CancellationToken _) => Done(() => w.Proxy(c, a, r.Mandate, a.UserId, a.Name)), r => r.Version);
        Action(api, "home-visit", "上门办: schedules a home visit (scheduledAt) or records one (visitId, visitedAt, outcome).",
            async (HomeVisitRequest r, CaseWorkflow w, LoadedCase c, CaseActor a, CancellationToken ct) => { await w.HomeVisitAsync(c, a, r.VisitId, r.ScheduledAt, r.VisitedAt, r.Outcome, ct); }, r => r.Version);
    }

    private static Task Done(Action act)
    {
        act();
        return Task.CompletedTask;
    }

    private static void Action<TRequest>(IEndpointRouteBuilder api, string path, string summary, Func<TRequest, CaseWorkflow, LoadedCase, CaseActor, CancellationToken, Task> act,
        Func<TRequest, int?> version) where TRequest : notnull =>
        api.MapPost("/{id:long}/" + path, async Task<Ok<CaseView>> (long id, TRequest request, CaseWorkflow workflow, HttpContext http, IAreaScope scope, CancellationToken ct) =>
            {
                var actor = CaseActor.From(http.User, scope);
                var loaded = await workflow.LoadAsync(id, version(request), ct);
                await act(request, workflow, loaded, actor, ct);
                await workflow.SaveAsync(loaded.Case, ct);
                return TypedResults.Ok(await workflow.ViewAsync(loaded, actor, ct));
            })
            .WithName("ServiceCase_" + path)
            .WithSummary(summary);
}
