using Linli.Modules.ServiceDesk.Domain;
using Linli.Modules.ServiceDesk.Domain.Cases;
using Linli.Platform.Errors;

namespace Linli.Modules.ServiceDesk.Features.CaseShared;

/// <summary>What a caller gives with an action, whichever asks (an API request or a page's form); each action reads its own fields.</summary>
internal sealed record CaseActionInput
{
    public string? Note { get; init; }
    public string? Reason { get; init; }
    public IReadOnlyList<NoticeDemand> Demands { get; init; } = [];
    public IReadOnlyList<long> Received { get; init; } = [];
    public IReadOnlyList<(long MaterialId, DateOnly Due)> Deferred { get; init; } = [];
    public NonCountingSteps Step { get; init; }
    public int Days { get; init; }
    /// <summary>The extension's decision; required for <see cref="CaseAction.DecideExtension"/>.</summary>
    public bool? Approve { get; init; }
    public HandOverMethod Method { get; init; } = HandOverMethod.Window;
    public string? Mandate { get; init; }
    public long? VisitId { get; init; }
    public DateTime? ScheduledAt { get; init; }
    public DateTime? VisitedAt { get; init; }
    public string? Outcome { get; init; }
}

/// <summary>
/// An action on a case, as the API's endpoints and the case page both take it: load the case in the caller's scope at the
/// version they saw, run the workflow's step for the action, save it (conditional on the version). One map from action to
/// step, so the page and the API cannot drift apart.
/// </summary>
internal static class CaseActionDispatch
{
    public static async Task<LoadedCase> RunAsync(CaseWorkflow workflow, long id, int? version, CaseAction action, CaseActionInput input, CaseActor actor,
        CancellationToken cancellationToken)
    {
        var loaded = await workflow.LoadAsync(id, version, cancellationToken);
        await ActAsync(workflow, loaded, actor, action, input, cancellationToken);
        await workflow.SaveAsync(loaded.Case, cancellationToken);
        return loaded;
    }

    public static async Task ActAsync(CaseWorkflow workflow, LoadedCase c, CaseActor a, CaseAction action, CaseActionInput input, CancellationToken cancellationToken)
    {
        switch (action)
        {
            case CaseAction.Notice:
                await workflow.NoticeAsync(c, a, input.Demands, cancellationToken);
                break;
            case CaseAction.Complete:
                await workflow.CompleteAsync(c, a, input.Received, cancellationToken);
                break;
            case CaseAction.Accept:
                workflow.Accept(c, a, input.Received, input.Deferred, input.Note);
                break;
            case CaseAction.Refuse:
                workflow.Refuse(c, a, input.Reason);
                break;
            case CaseAction.Forward:
                workflow.Forward(c, a, input.Note);
                break;
            case CaseAction.Review:
                workflow.Review(c, a, input.Note);
                break;
            case CaseAction.Suspend:
                workflow.Suspend(c, a, input.Step, input.Reason);
                break;
            case CaseAction.Resume:
                workflow.Resume(c, a, input.Note);
                break;
            case CaseAction.Extend:
                workflow.Extend(c, a, input.Days, input.Reason);
                break;
            case CaseAction.DecideExtension:
                workflow.DecideExtension(c, a, input.Approve ?? throw ValidationFailedException.For("Approve", "请选择是否同意延期。"), input.Note);
                break;
            case CaseAction.Approve:
                workflow.Decide(c, a, true, input.Note);
                break;
            case CaseAction.Reject:
                workflow.Decide(c, a, false, input.Reason);
                break;
            case CaseAction.HandOver:
                workflow.HandOver(c, a, input.Method, input.Note);
                break;
            case CaseAction.Proxy:
                workflow.Proxy(c, a, input.Mandate, a.UserId, a.Name);
                break;
            case CaseAction.HomeVisit:
                await workflow.HomeVisitAsync(c, a, input.VisitId, input.ScheduledAt, input.VisitedAt, input.Outcome, cancellationToken);
                break;
            default:
                // 逾期视为受理 is the platform's, never a person's.
                throw new ForbiddenException("您不能对此办件执行“{0}”。", CaseLabels.Action(action));
        }
    }
}
