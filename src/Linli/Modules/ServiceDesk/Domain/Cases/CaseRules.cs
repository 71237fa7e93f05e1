namespace Linli.Modules.ServiceDesk.Domain.Cases;

/// <summary>
/// Who may take which action on a case (the state is <see cref="CaseTransitions"/>'). The window's steps (告知, 受理,
/// 转办, 出件, 代办, 上门) belong to the accepting community's staff and to the case's proxy worker; the review and the
/// decision to the deciding department, or to the accepting community when the item's community steps include them;
/// an extension is asked by whoever reviews and approved by the street or district over the accepting community.
/// </summary>
internal static class CaseRules
{
    public static bool MayAct(CaseAction action, CaseActor actor, ServiceCase serviceCase, CommunitySteps communitySteps)
    {
        if (ReferenceEquals(actor, CaseActor.System)) return action == CaseAction.AcceptByLaw;
        var window = actor.WorksFor(serviceCase.AcceptingCommunityCode) || (serviceCase.ProxyUserId is { } proxy && proxy == actor.UserId);
        var reviews = actor.ActsForDepartment(serviceCase.DepartmentCode)
                      || (communitySteps.HasFlag(CommunitySteps.Review) && actor.WorksFor(serviceCase.AcceptingCommunityCode));
        var decides = actor.ActsForDepartment(serviceCase.DepartmentCode)
                      || (communitySteps.HasFlag(CommunitySteps.Decide) && actor.WorksFor(serviceCase.AcceptingCommunityCode));
        return action switch
        {
            CaseAction.Notice or CaseAction.Complete or CaseAction.Accept or CaseAction.Refuse or CaseAction.Forward
                or CaseAction.HandOver or CaseAction.Proxy or CaseAction.HomeVisit => window,
            CaseAction.Review or CaseAction.Suspend or CaseAction.Resume => reviews,
            CaseAction.Approve or CaseAction.Reject => decides,
            CaseAction.Extend => reviews || decides,
            CaseAction.DecideExtension => actor.Supervises(serviceCase.AcceptingCommunityCode),
            _ => false,
        };
    }

    /// <summary>The actions this actor may take now: legal in the state and theirs to take (what pages offer as forms).</summary>
    public static IReadOnlyList<CaseAction> Offered(CaseActor actor, ServiceCase serviceCase, CommunitySteps communitySteps) =>
        CaseTransitions.Allowed(serviceCase.State).Where(a => a != CaseAction.AcceptByLaw && MayAct(a, actor, serviceCase, communitySteps)
                                                              && (a != CaseAction.Extend || serviceCase.ExtensionRequestedAt is null)
                                                              && (a != CaseAction.DecideExtension || serviceCase is { ExtensionRequestedAt: not null, ExtensionDecidedAt: null }))
            .ToList();
}
