using Linli.Platform.Errors;

namespace Linli.Modules.ServiceDesk.Domain.Cases;

/// <summary>
/// Who may take which action on a case, and what about the case itself stands in the way (the state is
/// <see cref="CaseTransitions"/>'). The window's steps (告知, 受理, 转办, 出件) belong to the accepting community's staff and
/// to the case's proxy worker; 代办 and 上门 also to the applicant's home community's staff; the review and the decision to
/// the deciding department, or to the accepting community when the item's community steps include them; an extension
/// is asked once by whoever reviews and approved by the street or district over the accepting community.
/// <see cref="Ensure"/> is the one gate the workflow passes through; <see cref="Offered"/> is the same gate asked in
/// advance, so a page offers exactly what the workflow would accept.
/// </summary>
internal static class CaseRules
{
    public static bool MayAct(CaseAction action, CaseActor actor, ServiceCase serviceCase, CommunitySteps communitySteps)
    {
        if (ReferenceEquals(actor, CaseActor.System)) return action == CaseAction.AcceptByLaw;
        var window = actor.WorksFor(serviceCase.AcceptingCommunityCode) || (serviceCase.ProxyUserId is { } proxy && proxy == actor.UserId);
        var home = actor.WorksFor(serviceCase.HomeCommunityCode);
        var reviews = actor.ActsForDepartment(serviceCase.DepartmentCode)
                      || (communitySteps.HasFlag(CommunitySteps.Review) && actor.WorksFor(serviceCase.AcceptingCommunityCode));
        var decides = actor.ActsForDepartment(serviceCase.DepartmentCode)
                      || (communitySteps.HasFlag(CommunitySteps.Decide) && actor.WorksFor(serviceCase.AcceptingCommunityCode));
        return action switch
        {
            CaseAction.Notice or CaseAction.Complete or CaseAction.Accept or CaseAction.Refuse or CaseAction.Forward or CaseAction.HandOver => window,
            CaseAction.Proxy or CaseAction.HomeVisit => window || home,
            CaseAction.Review or CaseAction.Suspend or CaseAction.Resume => reviews,
            CaseAction.Approve or CaseAction.Reject => decides,
            CaseAction.Extend => reviews || decides,
            CaseAction.DecideExtension => actor.Supervises(serviceCase.AcceptingCommunityCode),
            _ => false,
        };
    }

    /// <summary>What about the case (not its state, not the actor) stands in the way of <paramref name="action"/>; null when nothing does.</summary>
    public static Phrase? Problem(CaseAction action, ServiceCase serviceCase) => action switch
    {
        CaseAction.Extend when serviceCase.ExtensionRequestedAt is not null => new Phrase("每个办件只能申请一次延期。"),
        CaseAction.DecideExtension when serviceCase is not { ExtensionRequestedAt: not null, ExtensionDecidedAt: null } => new Phrase("没有待审批的延期申请。"),
        CaseAction.HomeVisit when !serviceCase.HomeVisitEligible => new Phrase("上门办面向 80 岁以上、残疾或独居的申请人，此申请人不在其列。"),
        _ => null,
    };

    /// <summary>
    /// The gate: the state where <paramref name="action"/> leads, or a 409 (not legal in this state, or <see cref="Problem"/>),
    /// or a 403 (not this actor's).
    /// </summary>
    public static CaseState Ensure(CaseAction action, CaseActor actor, ServiceCase serviceCase, CommunitySteps communitySteps)
    {
        var to = CaseTransitions.Require(serviceCase, action);
        if (Problem(action, serviceCase) is { } problem)
            throw new ConflictException(problem, new Dictionary<string, object?> { ["state"] = serviceCase.State.ToString(), ["version"] = serviceCase.Version });
        if (!MayAct(action, actor, serviceCase, communitySteps))
            throw new ForbiddenException("您不能对此办件执行“{0}”。", CaseLabels.Action(action));
        return to;
    }

    /// <summary>The actions this actor may take now, those <see cref="Ensure"/> lets through (what pages offer as forms); never 逾期视为受理, the platform's.</summary>
    public static IReadOnlyList<CaseAction> Offered(CaseActor actor, ServiceCase serviceCase, CommunitySteps communitySteps) =>
        CaseTransitions.Allowed(serviceCase.State)
            .Where(a => a != CaseAction.AcceptByLaw && Problem(a, serviceCase) is null && MayAct(a, actor, serviceCase, communitySteps))
            .ToList();
}
