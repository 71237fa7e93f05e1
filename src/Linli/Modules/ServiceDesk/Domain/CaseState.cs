namespace Linli.Modules.ServiceDesk.Domain;

/// <summary>
/// Where a case (办件) stands. The moves between them are one transition table (CaseTransitions), not ifs in the
/// endpoints; an illegal move answers 409 with the current state.
/// </summary>
internal enum CaseState
{
    /// <summary>收件: received at a window, online or by a proxy; materials being checked.</summary>
    Received = 1,
    /// <summary>一次告知/待补正: a one-time notice listed what is missing; the clock is stopped.</summary>
    AwaitingCompletion = 2,
    /// <summary>受理: accepted; the time limit runs.</summary>
    Accepted = 3,
    /// <summary>不予受理: refused at acceptance, with a reason (final).</summary>
    NotAccepted = 4,
    /// <summary>已转办: forwarded to the deciding department.</summary>
    Forwarded = 5,
    /// <summary>审查: the department reviews it.</summary>
    UnderReview = 6,
    /// <summary>中止: a step that does not count toward the limit (公示, 鉴定, 听证 …) runs; the clock is stopped.</summary>
    Suspended = 7,
    /// <summary>办结（准予）: approved.</summary>
    Approved = 8,
    /// <summary>办结（不予）: refused with a reason.</summary>
    Rejected = 9,
    /// <summary>出件: the result was handed over (final).</summary>
    HandedOver = 10,
}
