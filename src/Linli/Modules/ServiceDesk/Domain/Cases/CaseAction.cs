namespace Linli.Modules.ServiceDesk.Domain.Cases;

/// <summary>What can be done to a case; <see cref="CaseTransitions"/> says in which state and to which state.</summary>
internal enum CaseAction
{
    /// <summary>一次告知: lists every missing or defective material at once; the clock stops.</summary>
    Notice = 1,
    /// <summary>补正: the applicant brought what the notice asked for; the clock runs again.</summary>
    Complete,
    /// <summary>受理.</summary>
    Accept,
    /// <summary>不予受理, with a reason.</summary>
    Refuse,
    /// <summary>逾期未告知视为受理: no notice within 5 working days of 收件 (the platform, not a person).</summary>
    AcceptByLaw,
    /// <summary>转办: sent to the deciding department.</summary>
    Forward,
    /// <summary>审查: the review starts.</summary>
    Review,
    /// <summary>中止: a step that does not count toward the limit starts; the clock stops.</summary>
    Suspend,
    /// <summary>恢复: the non-counting step ended; the clock runs again.</summary>
    Resume,
    /// <summary>申请延期 (once per case).</summary>
    Extend,
    /// <summary>审批延期.</summary>
    DecideExtension,
    /// <summary>办结（准予）.</summary>
    Approve,
    /// <summary>办结（不予）, with a reason.</summary>
    Reject,
    /// <summary>出件.</summary>
    HandOver,
    /// <summary>代办: handed to a proxy worker under the applicant's mandate.</summary>
    Proxy,
    /// <summary>上门办: a home visit scheduled or recorded.</summary>
    HomeVisit,
}
