using Linli.Platform.Errors;

namespace Linli.Modules.ServiceDesk.Domain.Cases;

/// <summary>
/// The case's state machine, as one table: which action is legal in which state and where it leads. The endpoints, the
/// pages, the due-time job and the seeders all ask here; an action not in the table is a 409 naming the current state.
/// Actions that record something without moving the case (延期, 代办, 上门) lead back to the state they were taken in.
/// </summary>
internal static class CaseTransitions
{
    private static readonly Dictionary<(CaseState From, CaseAction Action), CaseState> Table = new()
    {
        [(CaseState.Received, CaseAction.Notice)] = CaseState.AwaitingCompletion,
        [(CaseState.Received, CaseAction.Accept)] = CaseState.Accepted,
        [(CaseState.Received, CaseAction.Refuse)] = CaseState.NotAccepted,
        [(CaseState.Received, CaseAction.AcceptByLaw)] = CaseState.Accepted,
        [(CaseState.Received, CaseAction.Proxy)] = CaseState.Received,
        [(CaseState.Received, CaseAction.HomeVisit)] = CaseState.Received,

        [(CaseState.AwaitingCompletion, CaseAction.Complete)] = CaseState.Received,
        [(CaseState.AwaitingCompletion, CaseAction.Refuse)] = CaseState.NotAccepted,
        [(CaseState.AwaitingCompletion, CaseAction.Proxy)] = CaseState.AwaitingCompletion,
        [(CaseState.AwaitingCompletion, CaseAction.HomeVisit)] = CaseState.AwaitingCompletion,

        [(CaseState.Accepted, CaseAction.Forward)] = CaseState.Forwarded,
        [(CaseState.Accepted, CaseAction.Review)] = CaseState.UnderReview,
        [(CaseState.Accepted, CaseAction.Extend)] = CaseState.Accepted,
        [(CaseState.Accepted, CaseAction.DecideExtension)] = CaseState.Accepted,
        [(CaseState.Accepted, CaseAction.Proxy)] = CaseState.Accepted,

        [(CaseState.Forwarded, CaseAction.Review)] = CaseState.UnderReview,
        [(CaseState.Forwarded, CaseAction.Extend)] = CaseState.Forwarded,
        [(CaseState.Forwarded, CaseAction.DecideExtension)] = CaseState.Forwarded,

        [(CaseState.UnderReview, CaseAction.Suspend)] = CaseState.Suspended,
        [(CaseState.UnderReview, CaseAction.Approve)] = CaseState.Approved,
        [(CaseState.UnderReview, CaseAction.Reject)] = CaseState.Rejected,
        [(CaseState.UnderReview, CaseAction.Extend)] = CaseState.UnderReview,
        [(CaseState.UnderReview, CaseAction.DecideExtension)] = CaseState.UnderReview,

        [(CaseState.Suspended, CaseAction.Resume)] = CaseState.UnderReview,
        [(CaseState.Suspended, CaseAction.Extend)] = CaseState.Suspended,
        [(CaseState.Suspended, CaseAction.DecideExtension)] = CaseState.Suspended,

        [(CaseState.Approved, CaseAction.HandOver)] = CaseState.HandedOver,
        [(CaseState.Approved, CaseAction.HomeVisit)] = CaseState.Approved,
        [(CaseState.Rejected, CaseAction.HandOver)] = CaseState.HandedOver,
        [(CaseState.Rejected, CaseAction.HomeVisit)] = CaseState.Rejected,
    };

    /// <summary>Where <paramref name="action"/> leads from <paramref name="from"/>; null when it is not allowed there.</summary>
    public static CaseState? Next(CaseState from, CaseAction action) => Table.TryGetValue((from, action), out var to) ? to : null;

    /// <summary>The actions legal in <paramref name="state"/>, in the order of <see cref="CaseAction"/>.</summary>
    public static IReadOnlyList<CaseAction> Allowed(CaseState state) =>
        Enum.GetValues<CaseAction>().Where(a => Table.ContainsKey((state, a))).ToList();

    /// <summary>No action leads anywhere from here.</summary>
    public static bool IsFinal(CaseState state) => Allowed(state).Count == 0;

    /// <summary>The clock of the time limit stops in these states (waiting for the applicant, a non-counting step).</summary>
    public static bool ClockStopped(CaseState state) => state is CaseState.AwaitingCompletion or CaseState.Suspended;

    /// <summary>The state <paramref name="action"/> leads to, or a 409 carrying the current state.</summary>
    public static CaseState Require(ServiceCase serviceCase, CaseAction action) =>
        Next(serviceCase.State, action) ?? throw Conflict(serviceCase, "办件当前状态为{0}，不能{1}。", CaseLabels.State(serviceCase.State), CaseLabels.Action(action));

    public static ConflictException Conflict(ServiceCase serviceCase, string message, params object?[] arguments) =>
        new(new Phrase(message, arguments), new Dictionary<string, object?> { ["state"] = serviceCase.State.ToString(), ["version"] = serviceCase.Version });
}
